"""What the read API shows: published records only, never a draft."""

import datetime as dt

from ninja import Schema


class MeetingOut(Schema):
    slug: str
    title: str
    body: str
    kind: str
    year: int
    start_date: dt.date | None
    end_date: dt.date | None
    place: str
    online: bool
    status: str
    url: str


class MeetingDetailOut(MeetingOut):
    decisions: list[str]
    minutes: str | None  # the adopted text; None until the minutes are adopted


class ProgressOut(Schema):
    reported_on: dt.date
    status: str
    value: float | None
    evidence: str


class CommitmentOut(Schema):
    id: int
    economy: str
    priority_area: str
    text: str
    indicator: str
    unit: str
    baseline: float | None
    target: float | None
    deadline: dt.date | None
    status: str
    meeting: str
    progress: list[ProgressOut]


class InterventionOut(Schema):
    id: int
    title: str
    dimension: str
    body: str
    priority_area: str
    economies: list[str]
    status: str
    proposed_on: dt.date
