"""The project and its governance; regional cooperation year by year."""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.utils.translation import gettext as _

from rihub.directory.models import Body, Project, Seat
from rihub.governance.models import Activity, Decision, Meeting
from rihub.monograph.assembly.scope import Scope, day, joined, when
from rihub.monograph.book import Block, entry, heading, text
from rihub.website.models import NewsPage

T = TypeVar("T")


def project_and_governance(scope: Scope) -> list[Block]:
    project = Project.load()
    blocks = [text(project.note)] if project.note else []
    blocks.append(heading(_("Bodies")))
    for body in Body.objects.all():
        blocks.append(body_entry(body))
    blocks.append(heading(_("The meeting series")))
    outcomes = decisions_by_meeting(scope.decisions())
    for meeting in scope.meetings():
        blocks.append(meeting_entry(meeting, outcomes.get(meeting.pk, [])))
    return blocks


def body_entry(body: Body) -> Block:
    seats = Seat.objects.of_body(body).active().labelled()
    return entry(
        f"body-{body.pk}",
        body.name,
        meta=body.get_kind_display(),
        summary=body.description,
        points=[seat.label for seat in seats],
        terms=[body.name],
    )


def meeting_entry(meeting: Meeting, decisions: list[Decision]) -> Block:
    terms = [meeting.body.name, *([meeting.place] if meeting.place else [])]
    return entry(
        f"meeting-{meeting.pk}",
        meeting.title,
        meta=joined(when(meeting), meeting.place, meeting.body.name),
        summary=meeting.description,
        points=[decision.text for decision in decisions],
        terms=terms,
    )


def decisions_by_meeting(decisions: list[Decision]) -> dict[int, list[Decision]]:
    grouped: dict[int, list[Decision]] = {}
    for decision in decisions:
        grouped.setdefault(decision.meeting_id, []).append(decision)
    return grouped


def cooperation(scope: Scope) -> list[Block]:
    """Each year: the meetings held, the work plan agreed, the news."""
    meetings = by_year(scope.meetings(), lambda meeting: meeting.year)
    activities = by_year(scope.activities(), lambda activity: activity.meeting.year)
    news = by_year(scope.news(), lambda page: page.date.year)
    blocks: list[Block] = []
    for year in scope.monograph.years:
        held, agreed = meetings.get(year, []), activities.get(year, [])
        published = news.get(year, [])
        if held or agreed or published:
            blocks.append(heading(str(year)))
            blocks.extend(year_blocks(held, agreed, published))
    return blocks


def by_year(records: Iterable[T], year: Callable[[T], int]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = {}
    for record in records:
        grouped.setdefault(year(record), []).append(record)
    return grouped


def year_blocks(
    held: list[Meeting], agreed: list[Activity], published: list[NewsPage]
) -> list[Block]:
    blocks = [text(joined(when(m), m.title, m.place)) for m in held]
    if agreed:
        blocks.append(heading(_("Work plan agreed"), level=2))
    for activity in agreed:
        meta = joined(activity.topic, activity.get_status_display())
        terms = [activity.priority_area.name] if activity.priority_area else []
        blocks.append(
            entry(f"activity-{activity.pk}", activity.title, meta, terms=terms)
        )
    if published:
        blocks.append(heading(_("News"), level=2))
    for page in published:
        blocks.append(
            entry(f"news-{page.pk}", page.title, day(page.date), page.summary)
        )
    return blocks
