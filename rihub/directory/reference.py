"""The directory's part of the reference data: who is who in the project."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import pydantic

from rihub.directory.models import (
    Body,
    Economy,
    Mandate,
    Organisation,
    PriorityArea,
    Project,
    Seat,
    SeatDefinition,
)
from rihub.directory.records import Deleted, deleted, upsert
from rihub.directory.services import sync_seats
from rihub.lib.reference import (
    KEY,
    LoadReport,
    Record,
    ReferenceDataError,
    parse_record,
    parse_records,
)

SECTIONS = {
    "project",
    "economies",
    "priority_areas",
    "organisations",
    "bodies",
    "mandates",
}
T = TypeVar("T")
Known = dict[str, Any]  # key to record; None for a record an editor deleted


class ProjectRecord(Record):
    name: str = pydantic.Field(min_length=1)
    first_year: int | None = pydantic.Field(default=None, ge=1900, le=2100)
    last_year: int | None = pydantic.Field(default=None, ge=1900, le=2100)
    note: str = ""
    source: str = ""


class EconomyRecord(Record):
    code: str = pydantic.Field(pattern=r"^[A-Z]{2,3}$")
    name: str = pydantic.Field(min_length=1)
    short_name: str = pydantic.Field(min_length=1)
    official_languages: list[str] = []
    designation_footnote: str = ""
    former_name: str = ""
    source: str = ""


class PriorityAreaRecord(Record):
    key: str = KEY
    name: str = pydantic.Field(min_length=1)
    description: str = ""
    source: str = ""


class OrganisationRecord(Record):
    key: str = KEY
    name: str = pydantic.Field(min_length=1)
    acronym: str = ""
    kind: Organisation.Kind
    economy: str | None = None
    website: str = ""
    note: str = ""
    source: str = ""


class SeatRecord(Record):
    key: str = KEY
    role: str = pydantic.Field(min_length=1)
    per_economy: bool = False
    count: int = pydantic.Field(default=1, ge=1)
    organisation: str | None = None


class BodyRecord(Record):
    key: str = KEY
    name: str = pydantic.Field(min_length=1)
    kind: Body.Kind
    description: str = ""
    convener: str | None = None
    quorum: int | None = pydantic.Field(default=None, ge=1)
    source: str = ""
    seats: list[SeatRecord] = []


class MandateRecord(Record):
    key: str = KEY
    body: str
    seat: str
    economy: str | None = None
    number: int = pydantic.Field(default=1, ge=1)
    organisation: str | None = None
    position: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    note: str = ""
    source: str = ""

    @pydantic.model_validator(mode="after")
    def ends_after_start(self) -> "MandateRecord":
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self


@dataclass
class DirectoryData:
    project: ProjectRecord | None
    economies: list[EconomyRecord]
    priority_areas: list[PriorityAreaRecord]
    organisations: list[OrganisationRecord]
    bodies: list[BodyRecord]
    mandates: list[MandateRecord]


def parse(data: dict[str, Any]) -> DirectoryData:
    project = data.get("project")
    return DirectoryData(
        project=parse_record(ProjectRecord, project, "project") if project else None,
        economies=parse_records(EconomyRecord, data, "economies"),
        priority_areas=parse_records(PriorityAreaRecord, data, "priority_areas"),
        organisations=parse_records(OrganisationRecord, data, "organisations"),
        bodies=parse_records(BodyRecord, data, "bodies"),
        mandates=parse_records(MandateRecord, data, "mandates"),
    )


def pick(known: Known, key: str | None, what: str, where: str) -> Any:
    """Resolve a reference to another record of the file.

    A key the file does not define is a fault; a record an editor deleted makes
    whatever refers to it be skipped.
    """
    if key is None:
        return None
    if key not in known:
        raise ReferenceDataError(f"{where}: no {what} with key {key!r}.")
    if known[key] is None:
        raise Deleted(key)
    return known[key]


def each(
    records: Iterable[T], section: str, load_one: Callable[[T, int, str], Any]
) -> Known:
    """Load a section's records in order, keyed, skipping deleted ones.

    `load_one` gets the record, its place (from 1) and a name for messages.
    """
    known: Known = {}
    for order, record in enumerate(records, start=1):
        key = str(getattr(record, "key", None) or getattr(record, "code", ""))
        where = f"{section}[{order - 1}] (key {key!r})"
        try:
            known[key] = load_one(record, order, where)
        except Deleted:
            known[key] = None
    return known


def load(data: DirectoryData, report: LoadReport) -> None:
    if data.project is not None:
        load_project(data.project, report)

    def economy(record: EconomyRecord, order: int, where: str) -> Economy:
        values = record.model_dump() | {"order": order}
        return upsert(Economy, record.code, values, report)

    def priority_area(record: PriorityAreaRecord, order: int, where: str) -> Any:
        values = record.model_dump(exclude={"key"}) | {"slug": record.key}
        return upsert(PriorityArea, record.key, values | {"order": order}, report)

    def organisation(record: OrganisationRecord, order: int, where: str) -> Any:
        values = record.model_dump(exclude={"key"})
        values["economy"] = pick(economies, record.economy, "economy", where)
        return upsert(Organisation, record.key, values, report)

    def body(record: BodyRecord, order: int, where: str) -> Body:
        return load_body(record, order, where, organisations, report)

    def mandate(record: MandateRecord, order: int, where: str) -> Mandate:
        values = record.model_dump(
            include={"position", "start", "end", "note", "source"}
        )
        values["seat"] = find_seat(record, economies, bodies, where)
        org = record.organisation
        values["organisation"] = pick(organisations, org, "organisation", where)
        return upsert(Mandate, record.key, values, report)

    economies = each(data.economies, "economies", economy)
    each(data.priority_areas, "priority_areas", priority_area)
    organisations = each(data.organisations, "organisations", organisation)
    bodies = each(data.bodies, "bodies", body)
    each(data.mandates, "mandates", mandate)


def load_project(record: ProjectRecord, report: LoadReport) -> None:
    """Fill the one project record, which may exist before any load."""
    project = Project.load()
    if project.reference_key is None:
        Project.objects.filter(pk=project.pk).update(reference_key="project")
    upsert(Project, "project", record.model_dump(), report)


def load_body(
    record: BodyRecord, order: int, where: str, organisations: Known, report: LoadReport
) -> Body:
    values = record.model_dump(exclude={"key", "seats"})
    values["convener"] = pick(organisations, record.convener, "organisation", where)
    body = upsert(
        Body, record.key, values | {"slug": record.key, "order": order}, report
    )

    for position, seat in enumerate(record.seats, start=1):
        seat_values = seat.model_dump(exclude={"key"})
        org = pick(organisations, seat.organisation, "organisation", where)
        seat_values |= {"organisation": org, "body": body, "sort_order": position}
        try:
            upsert(SeatDefinition, f"{record.key}/{seat.key}", seat_values, report)
        except Deleted:
            continue
    sync_seats(body)
    return body


def find_seat(
    record: MandateRecord, economies: Known, bodies: Known, where: str
) -> Seat:
    body = pick(bodies, record.body, "body", where)
    economy = pick(economies, record.economy, "economy", where)
    seat = Seat.objects.filter(
        definition__reference_key=f"{record.body}/{record.seat}",
        definition__body=body,
        economy=economy,
        number=record.number,
    ).first()
    if seat is None and deleted(SeatDefinition, f"{record.body}/{record.seat}"):
        raise Deleted(record.key)
    if seat is None:
        raise ReferenceDataError(
            f"{where}: body {record.body!r} has no seat {record.seat!r}"
            f" number {record.number} for economy {record.economy}."
        )
    return seat
