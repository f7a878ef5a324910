"""The rules of the project's governance, checked as warnings for the secretariat.

Reality can differ from the rules (a meeting moves to January, a seat stays empty),
so nothing here refuses anything: it tells what to look at.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from rihub.directory.models import Body, Project, Seat
from rihub.governance.models import Attendance, Meeting


@dataclass(frozen=True)
class RuleWarning:
    rule: str
    message: str
    meeting: Meeting | None = None


def warnings() -> list[RuleWarning]:
    return [
        *high_level_meeting_warnings(),
        *task_force_warnings(Project.load()),
        *roll_warnings(),
        *quorum_warnings(),
    ]


def high_level_meeting_warnings() -> list[RuleWarning]:
    """The High-Level Meeting opens and closes the project: once each."""
    found = []
    kinds = {Meeting.Kind.LAUNCH: _("launch"), Meeting.Kind.CONCLUSION: _("conclusion")}
    for body in Body.objects.filter(kind=Body.Kind.HIGH_LEVEL_MEETING):
        for kind, name in kinds.items():
            count = Meeting.objects.of_body(body).filter(kind=kind).count()
            if count != 1:
                message = _("%(body)s has %(count)s %(kind)s meetings, not one.") % {
                    "body": body,
                    "count": count,
                    "kind": name,
                }
                found.append(RuleWarning("one-launch-one-conclusion", message))
    return found


def task_force_warnings(project: Project) -> list[RuleWarning]:
    """The Task Force meets at least once in every year of the project."""
    found = []
    for body in Body.objects.filter(kind=Body.Kind.TASK_FORCE):
        years = set(Meeting.objects.of_body(body).values_list("year", flat=True))
        for year in project.years:
            if year not in years:
                message = _("%(body)s has no meeting in %(year)s.") % {
                    "body": body,
                    "year": year,
                }
                found.append(RuleWarning("task-force-every-year", message))
    return found


def held_meetings() -> list[Meeting]:
    held = [Meeting.Status.HELD, Meeting.Status.MINUTES_ADOPTED]
    return list(Meeting.objects.filter(status__in=held).select_related("body"))


def roll_warnings() -> list[RuleWarning]:
    """A held meeting's roll says how every seat of its body was filled.

    Two queries for all meetings: the rolls recorded, and the bodies' seats.
    """
    meetings = held_meetings()
    recorded: dict[int, set[int]] = defaultdict(set)
    rolls = Attendance.objects.filter(meeting__in=meetings)
    for meeting_id, seat_id in rolls.values_list("meeting_id", "seat_id"):
        recorded[meeting_id].add(seat_id)
    seats: dict[int, set[int]] = defaultdict(set)
    bodies = {meeting.body_id for meeting in meetings}
    active = Seat.objects.active().filter(definition__body__in=bodies)
    for body_id, seat_id in active.values_list("definition__body_id", "pk"):
        seats[body_id].add(seat_id)

    found = []
    for meeting in meetings:
        missing = seats[meeting.body_id] - recorded[meeting.pk]
        if missing:
            message = _("The roll of %(meeting)s misses %(count)s seats.") % {
                "meeting": meeting,
                "count": len(missing),
            }
            found.append(RuleWarning("roll-covers-every-seat", message, meeting))
    return found


def quorum_warnings() -> list[RuleWarning]:
    """A held meeting of a body with a quorum had at least that many seats filled."""
    attended = [Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE]
    meetings = (
        Meeting.objects.filter(body__quorum__isnull=False)
        .exclude(status=Meeting.Status.PLANNED)
        .exclude(status=Meeting.Status.INVITATIONS_SENT)
        .annotate(filled=Count("attendance", filter=Q(attendance__status__in=attended)))
        .select_related("body")
    )
    return [
        RuleWarning(
            "quorum",
            _("%(meeting)s had %(filled)s seats filled; its quorum is %(quorum)s.")
            % {"meeting": m, "filled": m.filled, "quorum": m.body.quorum},
            m,
        )
        for m in meetings
        if m.filled < (m.body.quorum or 0)
    ]
