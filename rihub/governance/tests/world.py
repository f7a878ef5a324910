"""A small world of meetings on top of the shared personas."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from rihub.directory.models import (
    Body,
    Mandate,
    Person,
    PriorityArea,
    Seat,
    SeatDefinition,
)
from rihub.directory.services import seat_of
from rihub.governance.models import Meeting
from rihub.tests.personas import Personas, make_user

NRCP = "National Roma Contact Point"
DELEGATE = "Regional Roma civil-society delegate"


@dataclass
class World:
    people: Personas
    high_level_meeting: Body
    member_nrcp: User
    outsider_nrcp: User

    @classmethod
    def create(cls) -> "World":
        people = Personas.create()
        hlm = Body.objects.create(
            name="High-Level Meeting",
            slug="high-level-meeting",
            kind=Body.Kind.HIGH_LEVEL_MEETING,
        )
        SeatDefinition.objects.create(body=hlm, role="Minister", per_economy=True)

        # The Albanian NRCP and a delegate hold Task Force seats; a second
        # Albanian NRCP account holds none.
        seat_up(seat_of(people.task_force, NRCP, people.albania), people.nrcp_albania)
        delegate_seat = seat_of(people.task_force, DELEGATE, None, number=1)
        seat_up(delegate_seat, people.delegate)
        outsider = make_user("nrcp-albania-2", "National Roma Contact Point")
        Person.objects.create(
            given_name="Second",
            family_name="Account",
            organisation=people.albanian_ministry,
            user=outsider,
        )
        return cls(people, hlm, people.nrcp_albania, outsider)

    def task_force_seats_for_roll(self) -> list[Seat]:
        return list(Seat.objects.of_body(self.people.task_force).active())

    def priority_area(self) -> PriorityArea:
        area, _ = PriorityArea.objects.get_or_create(
            slug="civil-registration", defaults={"name": "Civil registration"}
        )
        return area

    def launch(self, **fields: object) -> Meeting:
        """The High-Level Meeting that launched the project, where commitments begin."""
        values = {
            "body": self.high_level_meeting,
            "kind": Meeting.Kind.LAUNCH,
            "title": "Launch",
            "slug": "launch",
            "year": 2016,
        }
        return Meeting.objects.create(**values | fields)

    def task_force_meeting(self, day: dt.date, **fields: object) -> Meeting:
        values = {
            "body": self.people.task_force,
            "kind": Meeting.Kind.ANNUAL,
            "title": f"Task Force {day.year}",
            "slug": f"task-force-{day.isoformat()}",
            "start_date": day,
            "year": day.year,
        }
        return Meeting.objects.create(**values | fields)


def seat_up(seat: Seat, user: User) -> Mandate:
    person = Person.objects.filter(user=user).first() or Person.objects.create(
        given_name=user.username, family_name="Member", user=user
    )
    return Mandate.objects.create(seat=seat, holder=person, start=dt.date(2015, 1, 1))
