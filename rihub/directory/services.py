"""Work on the directory that spans several records."""

import datetime as dt

from django.db import transaction

from rihub.directory.models import Body, Economy, Mandate, Seat, SeatDefinition


@transaction.atomic
def sync_seats(body: Body) -> list[Seat]:
    """Make the body's seats match its seat definitions.

    1. Create each seat a definition asks for: per economy, or numbered.
    2. Deactivate seats no definition asks for any more; their mandates stay.
    Return the active seats.
    """
    economies = list(Economy.objects.all())
    wanted: set[int] = set()

    for definition in body.seat_definitions.all():
        owners: list[Economy | None] = (
            list(economies) if definition.per_economy else [None]
        )
        for economy in owners:
            for number in range(1, definition.count + 1):
                seat, _ = Seat.objects.get_or_create(
                    definition=definition, economy=economy, number=number
                )
                if not seat.active:
                    seat.active = True
                    seat.save(update_fields=["active"])
                wanted.add(seat.pk)

    stale = Seat.objects.of_body(body).active().exclude(pk__in=wanted)
    stale.update(active=False)
    return list(Seat.objects.of_body(body).active().labelled())


def holder_on(seat: Seat, day: dt.date) -> Mandate | None:
    """Return the mandate that held the seat on the day, if any."""
    held = Mandate.objects.filter(seat=seat).held_on(day)
    return held.latest_first().select_related("holder", "organisation").first()


def seat_of(body: Body, role: str, economy: Economy | None, number: int = 1) -> Seat:
    definition = SeatDefinition.objects.get(body=body, role=role)
    return Seat.objects.get(definition=definition, economy=economy, number=number)
