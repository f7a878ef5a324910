"""What happened in a quarter, gathered from the platform's public records.

Each function returns one section of a bulletin's draft: a heading, a line of
introduction, and its items, all dated inside the quarter (the outlook, inside
the next one). Nothing private, unpublished or internal is ever gathered.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from rihub.bulletins.quarters import Quarter
from rihub.governance.models import (
    Activity,
    Decision,
    Meeting,
    Minutes,
    ProgressUpdate,
    WorkStatus,
)
from rihub.mainstreaming.models import InterventionStep
from rihub.website.models import Document, EventPage, NewsPage
from rihub.website.queries import in_language

HELD = [Meeting.Status.HELD, Meeting.Status.MINUTES_ADOPTED]


@dataclass
class Item:
    title: str
    date: Any = None
    meta: str = ""
    summary: str = ""
    link: str = ""

    def raw(self) -> dict[str, str | None]:
        """The item as the bulletin's StreamField stores it."""
        return {
            "title": self.title[:300],
            "date": self.date.isoformat() if self.date else None,
            "meta": self.meta[:300],
            "summary": self.summary,
            "link": self.link[:500],
        }


@dataclass
class Section:
    heading: str
    items: list[Item]
    intro: str = ""


def within(quarter: Quarter, name: str) -> Q:
    return Q(**{f"{name}__gte": quarter.first_day, f"{name}__lte": quarter.last_day})


def news(quarter: Quarter) -> Section:
    pages = in_language(NewsPage.objects.filter(within(quarter, "date")))
    return Section(
        _("News"),
        [
            Item(page.title, page.date, summary=page.summary, link=page.url or "")
            for page in pages.order_by("date", "pk")
        ],
    )


def events_and_meetings(quarter: Quarter) -> Section:
    return Section(_("Events and meetings"), happenings(quarter, held=True))


def happenings(quarter: Quarter, held: bool) -> list[Item]:
    """The quarter's events, and the meetings in it that no event stands for."""
    events = list(
        in_language(EventPage.objects.filter(within(quarter, "start_date"))).order_by(
            "start_date", "pk"
        )
    )
    shown = {event.meeting_id for event in events if event.meeting_id}
    meetings = (
        Meeting.objects.public()
        .filter(within(quarter, "start_date"))
        .exclude(pk__in=shown)
        .select_related("body")
    )
    if held:
        meetings = meetings.filter(status__in=HELD)
    items = [event_item(event) for event in events]
    items += [meeting_item(meeting) for meeting in meetings]
    items.sort(key=lambda item: item.date)
    return items


def event_item(event: EventPage) -> Item:
    return Item(
        event.title,
        event.start_date,
        meta=event.place or (_("Online") if event.online else ""),
        summary=event.summary,
        link=event.url or "",
    )


def meeting_item(meeting: Meeting) -> Item:
    return Item(
        meeting.title,
        meeting.start_date,
        meta=" · ".join(filter(None, [meeting.body.name, meeting.place])),
        summary=meeting.description,
        link=meeting.get_absolute_url(),
    )


def minutes_and_decisions(quarter: Quarter) -> Section:
    """Minutes adopted in the quarter, each with the decisions they record."""
    adopted = (
        Minutes.objects.filter(
            within(quarter, "adopted_on"),
            state=Minutes.State.ADOPTED,
            meeting__published=True,
        )
        .select_related("meeting")
        .order_by("adopted_on", "pk")
    )
    decisions = decisions_by_meeting([minutes.meeting_id for minutes in adopted])
    items = [
        Item(
            _("Minutes of %(meeting)s adopted") % {"meeting": minutes.meeting.title},
            minutes.adopted_on,
            summary=" ".join(decisions.get(minutes.meeting_id, [])),
            link=minutes.meeting.get_absolute_url(),
        )
        for minutes in adopted
    ]
    return Section(_("Minutes and decisions"), items)


def decisions_by_meeting(meeting_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for decision in Decision.objects.filter(meeting_id__in=meeting_ids):
        found.setdefault(decision.meeting_id, []).append(decision.text)
    return found


def commitments(quarter: Quarter) -> Section:
    """Each commitment with a progress report in the quarter, at its last one."""
    updates = (
        ProgressUpdate.objects.filter(
            within(quarter, "reported_on"), commitment__meeting__published=True
        )
        .select_related("commitment__economy")
        .order_by("reported_on", "pk")
    )
    latest = {update.commitment_id: update for update in updates}
    items = [
        Item(
            update.commitment.text,
            update.reported_on,
            meta=" · ".join(
                [update.commitment.economy.name, update.get_status_display()]
            ),
            summary=update.evidence,
            link=reverse("governance:commitment-tracker"),
        )
        for update in latest.values()
    ]
    return Section(_("Progress on commitments"), items)


def mainstreaming(quarter: Quarter) -> Section:
    steps = (
        InterventionStep.objects.filter(
            within(quarter, "taken_on"), intervention__internal=False
        )
        .select_related("intervention__body")
        .order_by("taken_on", "pk")
    )
    items = [
        Item(
            step.intervention.title,
            step.taken_on,
            meta=" · ".join([step.get_status_display(), step.intervention.body.name]),
            summary=step.evidence,
            link=reverse(
                "mainstreaming:intervention-detail", args=[step.intervention_id]
            ),
        )
        for step in steps
    ]
    return Section(_("Mainstreaming in SEE 2020"), items)


def documents(quarter: Quarter) -> Section:
    found = Document.objects.public().filter(within(quarter, "date"))
    items = [
        Item(
            document.title,
            document.date,
            meta=" · ".join(
                filter(None, [document.get_document_type_display(), document.publisher])
            ),
            summary=document.summary,
            link=document.get_absolute_url(),
        )
        for document in found.order_by("date", "pk")
    ]
    return Section(_("New documents and publications"), items)


def outlook(quarter: Quarter) -> Section:
    """What is planned for the next quarter: its events and meetings."""
    return Section(_("Coming next quarter"), happenings(quarter.next(), held=False))


def implementation(quarter: Quarter, today: Any) -> Section:
    """The work plan's items due in the quarter: done, late or still open."""
    due = (
        Activity.objects.filter(within(quarter, "due_date"), meeting__published=True)
        .exclude(status=WorkStatus.DROPPED)
        .order_by("due_date", "pk")
    )
    counts = {"done": 0, "late": 0, "open": 0}
    items = []
    for activity in due:
        state = work_state(activity, today)
        counts[state] += 1
        items.append(
            Item(
                activity.title,
                activity.due_date,
                meta=str(WORK_STATES[state]),
                summary=activity.topic,
            )
        )
    return Section(
        _("Implementation of the work plan"),
        items,
        intro=implementation_summary(counts) if items else "",
    )


WORK_STATES = {"done": _lazy("Done"), "late": _lazy("Late"), "open": _lazy("Open")}


def work_state(activity: Activity, today: Any) -> str:
    if activity.status == WorkStatus.DONE:
        return "done"
    if activity.due_date and activity.due_date < today:
        return "late"
    return "open"


def implementation_summary(counts: dict[str, int]) -> str:
    due = counts["done"] + counts["late"] + counts["open"]
    line = ngettext(
        "%(due)d work plan item was due this quarter:",
        "%(due)d work plan items were due this quarter:",
        due,
    ) % {"due": due}
    return _("%(line)s %(done)d done, %(late)d late, %(open)d open.") % {
        "line": line,
        **counts,
    }
