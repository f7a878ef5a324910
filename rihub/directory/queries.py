"""Read models of the directory for public pages, in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass, field

from rihub.directory.models import Body, Mandate, Organisation, Seat


@dataclass
class SeatView:
    seat: Seat
    mandate: Mandate | None

    @property
    def institution(self) -> Organisation | None:
        if self.mandate and self.mandate.organisation:
            return self.mandate.organisation
        return self.seat.definition.organisation

    @property
    def position(self) -> str:
        return self.mandate.position if self.mandate else ""


@dataclass
class BodyView:
    body: Body
    seats: list[SeatView] = field(default_factory=list)


def composition(day: dt.date, bodies: list[Body] | None = None) -> list[BodyView]:
    """Each body with its active seats and who holds them on the day.

    Where open-ended mandates overlap, the one that began last holds the seat.
    """
    if bodies is None:
        bodies = list(Body.objects.select_related("convener"))
    views = {body.pk: BodyView(body) for body in bodies}

    seats = list(
        Seat.objects.active()
        .filter(definition__body__in=views)
        .select_related("definition__body", "definition__organisation", "economy")
        .order_by("definition__sort_order", "economy__order", "number")
    )
    holders = current_holders(day, seats)
    for seat in seats:
        views[seat.definition.body_id].seats.append(
            SeatView(seat, holders.get(seat.pk))
        )
    return list(views.values())


def current_holders(day: dt.date, seats: list[Seat]) -> dict[int, Mandate]:
    mandates = (
        Mandate.objects.filter(seat__in=seats)
        .held_on(day)
        .latest_first()
        .select_related("organisation", "holder")
    )
    holders: dict[int, Mandate] = {}
    for mandate in mandates:
        holders.setdefault(mandate.seat_id, mandate)
    return holders
