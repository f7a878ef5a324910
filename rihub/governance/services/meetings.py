"""Planning a meeting and keeping its attendance roll."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from rihub.directory.models import Person, Seat
from rihub.governance.errors import GovernanceError
from rihub.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Commitment,
    Meeting,
    WorkStatus,
)
from rihub.governance.permissions import secretariat_only

OPEN_WORK = [WorkStatus.OPEN, WorkStatus.IN_PROGRESS]


@transaction.atomic
def plan(meeting: Meeting, user: Any) -> Meeting:
    """Save a new meeting with the agenda every sitting of its body starts from."""
    secretariat_only(user)
    try:
        meeting.full_clean()
    except ValidationError as error:
        raise GovernanceError(" ".join(error.messages)) from None
    meeting.save()

    propose_agenda(meeting)
    log(instance=meeting, action="wagtail.create", user=user)
    return meeting


@transaction.atomic
def propose_agenda(meeting: Meeting) -> None:
    """Open the agenda with the items every sitting of the body starts from.

    1. Adopt the minutes of the body's previous meeting, if it has some to adopt.
    2. Review what is still open from earlier meetings: action items, commitments.
    Items the editor entered follow them.
    """
    proposed = []
    previous = previous_meeting(meeting)
    if previous is not None and not previous_minutes_adopted(previous):
        proposed.append(
            AgendaItem(
                kind=AgendaItem.Kind.MINUTES_ADOPTION,
                title=_("Adoption of the minutes of %(meeting)s")
                % {"meeting": previous},
                minutes_of=previous,
            )
        )
    proposed.append(
        AgendaItem(
            kind=AgendaItem.Kind.OPEN_ITEMS_REVIEW,
            title=_("Review of open action items and commitments"),
            description=open_items_summary(meeting),
        )
    )

    entered = list(meeting.agenda_items.order_by("position", "pk"))
    for position, item in enumerate([*proposed, *entered], start=1):
        item.meeting = meeting
        item.position = position
        item.save()


def earlier_meetings(meeting: Meeting) -> QuerySet[Meeting]:
    """Meetings before this one; an unknown date counts within its year."""
    others = Meeting.objects.exclude(pk=meeting.pk)
    before = Q(year__lt=meeting.year)
    if meeting.start_date:
        same_year = Q(year=meeting.year) & (
            Q(start_date__lt=meeting.start_date) | Q(start_date__isnull=True)
        )
        before |= same_year
    return others.filter(before)


def previous_meeting(meeting: Meeting) -> Meeting | None:
    earlier = earlier_meetings(meeting).filter(body=meeting.body)
    return earlier.order_by(
        "-year", F("start_date").desc(nulls_last=True), "-pk"
    ).first()


def previous_minutes_adopted(meeting: Meeting) -> bool:
    minutes = getattr(meeting, "minutes", None)
    return minutes is not None and minutes.locked


def open_items_summary(meeting: Meeting) -> str:
    """List, one per line, what earlier meetings left open.

    Action items come from the body's own meetings; commitments, made at
    High-Level Meetings, from every earlier meeting.
    """
    earlier = earlier_meetings(meeting)
    own = earlier.filter(body=meeting.body)
    actions = ActionItem.objects.filter(meeting__in=own, status__in=OPEN_WORK)
    commitments = Commitment.objects.filter(meeting__in=earlier).still_open()

    lines = [f"- {_('Action item')}: {item.title}" for item in actions]
    lines += [
        f"- {_('Commitment')} ({item.economy.name}): {item.text}"
        for item in commitments.select_related("economy")
    ]
    return "\n".join(lines) or _("Nothing is open from earlier meetings.")


@transaction.atomic
def record_attendance(
    meeting: Meeting, seat: Seat, status: str, user: Any, attendee: Person | None = None
) -> Attendance:
    """Record how a seat was filled; one entry per seat, corrected in place."""
    secretariat_only(user)
    if seat.definition.body_id != meeting.body_id:
        raise GovernanceError(_("That seat belongs to another body."))
    if status not in Attendance.Status.values:
        raise GovernanceError(_("Choose present, substitute, excused or absent."))
    attended = status in {Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE}
    if attendee is not None and not attended:
        raise GovernanceError(_("Name an attendee only for a seat that was filled."))
    if attendee is not None and seat_taken_by(meeting, attendee, seat):
        raise GovernanceError(_("That person already fills another seat here."))

    entry, _created = Attendance.objects.update_or_create(
        meeting=meeting, seat=seat, defaults={"status": status, "attendee": attendee}
    )
    log(instance=meeting, action="rihub.attendance.record", user=user)
    return entry


def seat_taken_by(meeting: Meeting, person: Person, seat: Seat) -> bool:
    entries = Attendance.objects.filter(meeting=meeting, attendee=person)
    return entries.exclude(seat=seat).exists()


def missing_from_roll(meeting: Meeting) -> list[Seat]:
    """Active seats of the body that the roll does not cover yet."""
    recorded = Attendance.objects.filter(meeting=meeting).values("seat")
    seats = Seat.objects.of_body(meeting.body).active().exclude(pk__in=recorded)
    return list(seats.labelled())
