"""Mandate history: who held a seat when, and what the directory refuses."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.test import TestCase

from rihub.directory.models import Economy, Mandate, Person, Seat
from rihub.directory.services import holder_on, seat_of, sync_seats
from rihub.tests.personas import Personas


class MandateHistoryTests(TestCase):
    world: Personas
    seat: Seat
    first: Person
    second: Person
    third: Person
    until_2017: Mandate
    from_2017: Mandate
    from_2020: Mandate

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()
        cls.seat = seat_of(
            cls.world.task_force, "National Roma Contact Point", cls.world.serbia
        )
        cls.first = Person.objects.create(given_name="Ana", family_name="First")
        cls.second = Person.objects.create(given_name="Bojan", family_name="Second")
        cls.third = Person.objects.create(given_name="Vesna", family_name="Third")
        cls.until_2017 = Mandate.objects.create(
            seat=cls.seat,
            holder=cls.first,
            start=dt.date(2016, 1, 15),
            end=dt.date(2017, 6, 30),
        )
        cls.from_2017 = Mandate.objects.create(
            seat=cls.seat,
            holder=cls.second,
            start=dt.date(2017, 7, 1),
            end=dt.date(2019, 12, 31),
        )
        cls.from_2020 = Mandate.objects.create(
            seat=cls.seat, holder=cls.third, start=dt.date(2020, 1, 1)
        )

    def test_who_held_serbias_seat_in_2017(self) -> None:
        held = Mandate.objects.filter(seat=self.seat).held_in_year(2017)
        self.assertQuerySetEqual(held, [self.until_2017, self.from_2017], ordered=False)

    def test_who_held_the_seat_on_a_day(self) -> None:
        self.assertEqual(holder_on(self.seat, dt.date(2017, 6, 30)), self.until_2017)
        self.assertEqual(holder_on(self.seat, dt.date(2017, 7, 1)), self.from_2017)
        self.assertEqual(holder_on(self.seat, dt.date(2024, 3, 1)), self.from_2020)

    def test_nobody_before_the_first_mandate(self) -> None:
        self.assertIsNone(holder_on(self.seat, dt.date(2015, 12, 31)))

    def test_other_seats_are_not_mixed_in(self) -> None:
        albania = seat_of(
            self.world.task_force, "National Roma Contact Point", self.world.albania
        )
        self.assertFalse(Mandate.objects.filter(seat=albania).held_in_year(2017))

    def test_a_later_open_mandate_succeeds_an_earlier_undated_one(self) -> None:
        seat = seat_of(
            self.world.task_force, "National Roma Contact Point", self.world.albania
        )
        undated = Mandate.objects.create(seat=seat, position="General Director")
        dated = Mandate.objects.create(
            seat=seat, position="Director", start=dt.date(2020, 9, 1)
        )
        self.assertEqual(holder_on(seat, dt.date(2019, 1, 1)), undated)
        self.assertEqual(holder_on(seat, dt.date(2021, 1, 1)), dated)


class MandateValidationTests(TestCase):
    world: Personas
    seat: Seat

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()
        cls.seat = seat_of(
            cls.world.task_force, "National Roma Contact Point", cls.world.serbia
        )
        Mandate.objects.create(
            seat=cls.seat, start=dt.date(2018, 1, 1), end=dt.date(2019, 12, 31)
        )

    def assert_refused(self, mandate: Mandate, field: str) -> None:
        with self.assertRaises(ValidationError) as refused:
            mandate.full_clean()
        self.assertIn(field, refused.exception.message_dict)

    def test_end_before_start_is_refused(self) -> None:
        mandate = Mandate(
            seat=self.seat, start=dt.date(2021, 1, 1), end=dt.date(2020, 1, 1)
        )
        self.assert_refused(mandate, "end")

    def test_overlapping_dated_mandates_are_refused(self) -> None:
        mandate = Mandate(seat=self.seat, start=dt.date(2019, 6, 1))
        self.assert_refused(mandate, "start")

    def test_an_institution_of_another_economy_is_refused(self) -> None:
        mandate = Mandate(
            seat=self.seat,
            organisation=self.world.albanian_ministry,
            start=dt.date(2020, 1, 1),
        )
        self.assert_refused(mandate, "organisation")

    def test_the_substitute_must_be_someone_else(self) -> None:
        person = Person.objects.create(given_name="Ana", family_name="Same")
        mandate = Mandate(seat=self.seat, holder=person, substitute=person)
        self.assert_refused(mandate, "substitute")

    def test_a_following_mandate_is_accepted(self) -> None:
        mandate = Mandate(
            seat=self.seat,
            organisation=self.world.serbian_ministry,
            start=dt.date(2020, 1, 1),
        )
        mandate.full_clean()


class SeatTests(TestCase):
    world: Personas

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()

    def test_seats_are_made_per_economy_and_numbered(self) -> None:
        labels = sorted(seat.label for seat in self.world.task_force_seats())
        self.assertEqual(
            labels,
            [
                "European Commission",
                "National Roma Contact Point of Albania",
                "National Roma Contact Point of Serbia",
                "Regional Roma civil-society delegate 1",
                "Regional Roma civil-society delegate 2",
            ],
        )

    def test_a_smaller_count_keeps_the_extra_seat_inactive(self) -> None:
        definition = self.world.task_force.seat_definitions.get(
            role="Regional Roma civil-society delegate"
        )
        second = definition.seats.get(number=2)
        Mandate.objects.create(seat=second, start=dt.date(2016, 1, 1))
        definition.count = 1
        definition.save()

        active = sync_seats(self.world.task_force)

        self.assertNotIn(second, active)
        second.refresh_from_db()
        self.assertFalse(second.active)
        self.assertTrue(second.mandates.exists())

    def test_a_new_economy_gets_its_seat(self) -> None:
        Economy.objects.create(code="ME", name="Montenegro", short_name="ME")
        sync_seats(self.world.task_force)

        self.assertIn(
            "National Roma Contact Point of Montenegro",
            [seat.label for seat in self.world.task_force_seats()],
        )
