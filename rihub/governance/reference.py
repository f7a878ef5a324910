"""The governance part of the reference data: the known meetings of the bodies."""

import datetime as dt
from typing import Any

import pydantic
from django.utils import timezone
from django.utils.text import slugify

from rihub.directory.models import Body
from rihub.directory.records import Deleted, upsert
from rihub.governance.models import Decision, Meeting
from rihub.lib.reference import (
    KEY,
    LoadReport,
    Record,
    ReferenceDataError,
    parse_records,
)

SECTIONS = {"meetings"}


class MeetingRecord(Record):
    key: str = KEY
    body: str
    kind: Meeting.Kind
    number: int | None = pydantic.Field(default=None, ge=1)
    title: str = pydantic.Field(min_length=1)
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str = ""
    online: bool = False
    description: str = ""
    source: str = ""
    decisions: list[str] = []

    @pydantic.model_validator(mode="after")
    def dated(self) -> "MeetingRecord":
        if self.start is None and self.year is None:
            raise ValueError("give a start date, or the year when the date is unknown")
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self


def parse(data: dict[str, Any]) -> list[MeetingRecord]:
    return parse_records(MeetingRecord, data, "meetings")


def load(records: list[MeetingRecord], report: LoadReport) -> None:
    bodies = {body.reference_key: body for body in Body.objects.all()}
    for i, record in enumerate(records):
        body = bodies.get(record.body)
        if body is None:
            where = f"meetings[{i}] (key {record.key!r})"
            raise ReferenceDataError(f"{where}: no body with key {record.body!r}.")

        try:
            meeting = upsert(Meeting, record.key, meeting_values(record, body), report)
        except Deleted:
            continue
        for n, text in enumerate(record.decisions, start=1):
            values = {"meeting": meeting, "text": text}
            try:
                upsert(Decision, f"{record.key}/decision-{n}", values, report)
            except Deleted:
                continue


def meeting_values(record: MeetingRecord, body: Body) -> dict[str, Any]:
    last_day = record.end or record.start or dt.date(record.year or 1, 12, 31)
    held = last_day < timezone.localdate()
    return {
        "body": body,
        "kind": record.kind,
        "number": record.number,
        "title": record.title,
        "slug": slugify(record.key),
        "year": record.start.year if record.start else record.year,
        "start_date": record.start,
        "end_date": record.end,
        "place": record.place,
        "online": record.online,
        "description": record.description,
        "source": record.source,
        "status": Meeting.Status.HELD if held else Meeting.Status.PLANNED,
    }
