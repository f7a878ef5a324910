"""Editing a body's seats in the back office keeps the seats and their history."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from rihub.directory.models import (
    Body,
    Economy,
    Mandate,
    Person,
    Seat,
    SeatDefinition,
)
from rihub.tests.personas import Personas


def body_form(body: Body, seats: list[dict[str, Any]]) -> dict[str, Any]:
    return nested_form_data(
        {
            "name": body.name,
            "slug": body.slug,
            "kind": body.kind,
            "description": "",
            "convener": "",
            "quorum": "",
            "order": 0,
            "source": "",
            "seat_definitions": inline_formset(seats, initial=len(seats)),
        }
    )


def seat_row(definition: SeatDefinition, **changes: Any) -> dict[str, Any]:
    row = {
        "id": definition.pk,
        "role": definition.role,
        "per_economy": definition.per_economy,
        "count": definition.count,
        "organisation": "",
    }
    return row | changes


class BodySeatsTests(TestCase):
    world: Personas

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()

    def setUp(self) -> None:
        self.client.force_login(self.world.secretariat_editor)
        self.edit = reverse(
            "wagtailsnippets_directory_body:edit", args=[self.world.task_force.pk]
        )
        self.rows = [
            seat_row(d) for d in self.world.task_force.seat_definitions.order_by("pk")
        ]

    def test_a_seat_added_in_the_editor_exists_at_once(self) -> None:
        new = {
            "id": "",
            "role": "Open Society Foundations",
            "per_economy": False,
            "count": 1,
            "organisation": "",
        }
        form = body_form(self.world.task_force, [*self.rows, new])
        form["seat_definitions-INITIAL_FORMS"] = str(len(self.rows))

        response = self.client.post(self.edit, form)

        self.assertEqual(response.status_code, 302)
        labels = [seat.label for seat in self.world.task_force_seats()]
        self.assertIn("Open Society Foundations", labels)

    def test_a_seat_without_history_can_be_removed(self) -> None:
        rows = [dict(row) for row in self.rows]
        rows[2]["DELETE"] = "on"  # the European Commission's seat

        response = self.client.post(self.edit, body_form(self.world.task_force, rows))

        self.assertEqual(response.status_code, 302)
        self.assertFalse(Seat.objects.filter(definition__role="European Commission"))

    def test_a_seat_with_mandates_cannot_be_removed(self) -> None:
        delegate_seat = Seat.objects.get(
            definition__role="Regional Roma civil-society delegate", number=1
        )
        Mandate.objects.create(seat=delegate_seat, start=dt.date(2017, 1, 1))
        rows = [dict(row) for row in self.rows]
        rows[1]["DELETE"] = "on"

        response = self.client.post(self.edit, body_form(self.world.task_force, rows))

        self.assertContains(response, "have mandates or attendance on record")
        self.assertTrue(Seat.objects.filter(pk=delegate_seat.pk).exists())

    def test_a_new_economy_gets_its_seats(self) -> None:
        Economy.objects.create(code="ME", name="Montenegro", short_name="ME")

        labels = [seat.label for seat in self.world.task_force_seats()]
        self.assertIn("National Roma Contact Point of Montenegro", labels)


class PublishingContactDataTests(TestCase):
    def test_publishing_needs_the_day_of_consent(self) -> None:
        person = Person(given_name="Arben", family_name="Public", publish_contact=True)

        with self.assertRaises(ValidationError) as refused:
            person.full_clean()

        self.assertIn("consent_recorded_on", refused.exception.message_dict)
        person.consent_recorded_on = dt.date(2024, 5, 2)
        person.full_clean()
