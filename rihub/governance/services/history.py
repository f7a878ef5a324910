"""Attendance across a body's meetings, per seat and per economy."""

from collections import defaultdict
from dataclasses import dataclass

from rihub.directory.models import Body, Economy, Seat
from rihub.governance.models import Attendance, Meeting

ATTENDED = {Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE}


@dataclass
class SeatRow:
    seat: Seat
    statuses: list[str]  # one per meeting, "" where the roll says nothing

    @property
    def labels(self) -> list[str]:
        names = dict(Attendance.Status.choices)
        return [str(names[status]) if status else "" for status in self.statuses]


@dataclass
class EconomyRow:
    economy: Economy
    attended: int
    recorded: int

    @property
    def share(self) -> int:
        return round(100 * self.attended / self.recorded) if self.recorded else 0


@dataclass
class AttendanceHistory:
    meetings: list[Meeting]
    seats: list[SeatRow]
    economies: list[EconomyRow]


def attendance_history(body: Body) -> AttendanceHistory:
    """The roll of every meeting of the body, in three queries."""
    meetings = list(Meeting.objects.of_body(body).chronological())
    seats = list(Seat.objects.of_body(body).labelled())
    entries = Attendance.objects.filter(meeting__in=meetings).values_list(
        "seat_id", "meeting_id", "status"
    )
    status = {(seat, meeting): value for seat, meeting, value in entries}

    rows = [
        SeatRow(seat, [status.get((seat.pk, m.pk), "") for m in meetings])
        for seat in seats
    ]
    return AttendanceHistory(meetings, rows, per_economy(rows))


def per_economy(rows: list[SeatRow]) -> list[EconomyRow]:
    attended: dict[Economy, int] = defaultdict(int)
    recorded: dict[Economy, int] = defaultdict(int)
    for row in rows:
        if row.seat.economy is None:
            continue
        for value in filter(None, row.statuses):
            recorded[row.seat.economy] += 1
            attended[row.seat.economy] += value in ATTENDED
    return [
        EconomyRow(economy, attended[economy], recorded[economy])
        for economy in sorted(recorded, key=lambda e: (e.order, e.name))
    ]
