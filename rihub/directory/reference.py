"""The directory's part of the reference data: who is who in the project."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pydantic

from rihub.directory.models import (
    Body,
    Economy,
    Mandate,
    Organisation,
    PriorityArea,
    Seat,
    SeatDefinition,
)
from rihub.directory.services import sync_seats
from rihub.lib.reference import (
    LoadReport,
    Record,
    ReferenceDataError,
    parse_records,
    upsert,
)

SECTIONS = {"economies", "priority_areas", "organisations", "bodies", "mandates"}


class EconomyRecord(Record):
    code: str = pydantic.Field(pattern=r"^[A-Z]{2,3}$")
    name: str = pydantic.Field(min_length=1)
    short_name: str = pydantic.Field(min_length=1)
    official_languages: list[str] = []
    designation_footnote: str = ""
    former_name: str = ""
    source: str = ""


class PriorityAreaRecord(Record):
    key: str = pydantic.Field(pattern=r"^[a-z0-9-]+$")
    name: str = pydantic.Field(min_length=1)
    description: str = ""
    source: str = ""


class OrganisationRecord(Record):
    key: str = pydantic.Field(pattern=r"^[a-z0-9-]+$")
    name: str = pydantic.Field(min_length=1)
    acronym: str = ""
    kind: str
    economy: str | None = None
    website: str = ""
    note: str = ""
    source: str = ""

    @pydantic.field_validator("kind")
    @classmethod
    def known_kind(cls, kind: str) -> str:
        if kind not in Organisation.Kind.values:
            raise ValueError(f"must be one of {', '.join(Organisation.Kind.values)}")
        return kind


class SeatRecord(Record):
    key: str = pydantic.Field(pattern=r"^[a-z0-9-]+$")
    role: str = pydantic.Field(min_length=1)
    per_economy: bool = False
    count: int = pydantic.Field(default=1, ge=1)
    organisation: str | None = None


class BodyRecord(Record):
    key: str = pydantic.Field(pattern=r"^[a-z0-9-]+$")
    name: str = pydantic.Field(min_length=1)
    kind: str
    description: str = ""
    convener: str | None = None
    source: str = ""
    seats: list[SeatRecord] = []

    @pydantic.field_validator("kind")
    @classmethod
    def known_kind(cls, kind: str) -> str:
        if kind not in Body.Kind.values:
            raise ValueError(f"must be one of {', '.join(Body.Kind.values)}")
        return kind


class MandateRecord(Record):
    key: str = pydantic.Field(pattern=r"^[a-z0-9-]+$")
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
    economies: list[EconomyRecord]
    priority_areas: list[PriorityAreaRecord]
    organisations: list[OrganisationRecord]
    bodies: list[BodyRecord]
    mandates: list[MandateRecord]


def parse(data: dict[str, Any]) -> DirectoryData:
    return DirectoryData(
        economies=parse_records(EconomyRecord, data, "economies"),
        priority_areas=parse_records(PriorityAreaRecord, data, "priority_areas"),
        organisations=parse_records(OrganisationRecord, data, "organisations"),
        bodies=parse_records(BodyRecord, data, "bodies"),
        mandates=parse_records(MandateRecord, data, "mandates"),
    )


def pick(known: dict[str, Any], key: str | None, what: str, where: str) -> Any:
    """Resolve a reference to another record, or say which one is missing."""
    if key is None:
        return None
    if key not in known:
        raise ReferenceDataError(f"{where}: no {what} with key {key!r}.")
    return known[key]


def load(data: DirectoryData, report: LoadReport) -> None:
    economies = load_economies(data.economies, report)
    load_priority_areas(data.priority_areas, report)
    organisations = load_organisations(data.organisations, economies, report)
    bodies = load_bodies(data.bodies, organisations, report)
    load_mandates(data.mandates, economies, organisations, bodies, report)


def load_economies(
    records: list[EconomyRecord], report: LoadReport
) -> dict[str, Economy]:
    return {
        record.code: upsert(
            Economy,
            record.code,
            record.model_dump() | {"order": order},
            report,
        )
        for order, record in enumerate(records, start=1)
    }


def load_priority_areas(records: list[PriorityAreaRecord], report: LoadReport) -> None:
    for order, record in enumerate(records, start=1):
        values = record.model_dump(exclude={"key"})
        upsert(
            PriorityArea,
            record.key,
            values | {"slug": record.key, "order": order},
            report,
        )


def load_organisations(
    records: list[OrganisationRecord],
    economies: dict[str, Economy],
    report: LoadReport,
) -> dict[str, Organisation]:
    loaded = {}
    for i, record in enumerate(records):
        where = f"organisations[{i}] (key {record.key!r})"
        values = record.model_dump(exclude={"key"})
        values["economy"] = pick(economies, record.economy, "economy", where)
        loaded[record.key] = upsert(Organisation, record.key, values, report)
    return loaded


def load_bodies(
    records: list[BodyRecord],
    organisations: dict[str, Organisation],
    report: LoadReport,
) -> dict[str, Body]:
    loaded = {}
    for order, record in enumerate(records, start=1):
        where = f"bodies[{order - 1}] (key {record.key!r})"
        values = record.model_dump(exclude={"key", "seats"})
        values["convener"] = pick(organisations, record.convener, "organisation", where)
        values |= {"slug": record.key, "order": order}
        body = upsert(Body, record.key, values, report)

        load_seat_definitions(body, record, organisations, report, where)
        sync_seats(body)
        loaded[record.key] = body
    return loaded


def load_seat_definitions(
    body: Body,
    record: BodyRecord,
    organisations: dict[str, Organisation],
    report: LoadReport,
    where: str,
) -> None:
    for order, seat in enumerate(record.seats, start=1):
        values = seat.model_dump(exclude={"key"})
        values["organisation"] = pick(
            organisations,
            seat.organisation,
            "organisation",
            f"{where} seat {seat.key!r}",
        )
        values |= {"body": body, "sort_order": order}
        upsert(SeatDefinition, f"{record.key}/{seat.key}", values, report)


def load_mandates(
    records: list[MandateRecord],
    economies: dict[str, Economy],
    organisations: dict[str, Organisation],
    bodies: dict[str, Body],
    report: LoadReport,
) -> None:
    for i, record in enumerate(records):
        where = f"mandates[{i}] (key {record.key!r})"
        seat = find_seat(record, economies, bodies, where)
        values = record.model_dump(
            include={"position", "start", "end", "note", "source"}
        )
        values["seat"] = seat
        values["organisation"] = pick(
            organisations, record.organisation, "organisation", where
        )
        upsert(Mandate, record.key, values, report)


def find_seat(
    record: MandateRecord,
    economies: dict[str, Economy],
    bodies: dict[str, Body],
    where: str,
) -> Seat:
    body = pick(bodies, record.body, "body", where)
    economy = pick(economies, record.economy, "economy", where)
    seat = Seat.objects.filter(
        definition__reference_key=f"{record.body}/{record.seat}",
        definition__body=body,
        economy=economy,
        number=record.number,
    ).first()
    if seat is None:
        raise ReferenceDataError(
            f"{where}: body {record.body!r} has no seat {record.seat!r}"
            f" number {record.number} for economy {record.economy}."
        )
    return seat
