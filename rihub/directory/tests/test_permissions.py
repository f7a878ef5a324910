"""Each role's rights on directory records in the back office, refusals included."""

import datetime as dt
from typing import Any

from django.test import TestCase
from django.urls import reverse

from rihub.directory import roles
from rihub.directory.models import Economy, Mandate, Organisation, Person, Seat
from rihub.directory.permissions import (
    mandate_policy,
    organisation_policy,
    person_policy,
)
from rihub.directory.services import seat_of
from rihub.tests.personas import Personas, make_user


def url(model: str, view: str, *args: Any) -> str:
    return reverse(f"wagtailsnippets_directory_{model}:{view}", args=args)


def person_form(organisation: Organisation, given_name: str) -> dict[str, Any]:
    return {
        "honorific": "",
        "given_name": given_name,
        "family_name": "Tester",
        "organisation": organisation.pk,
        "position": "Adviser",
        "email": "",
        "phone": "",
        "consent_recorded_on": "",
    }


def mandate_form(
    seat: Seat, organisation: Organisation, position: str
) -> dict[str, Any]:
    return {
        "seat": seat.pk,
        "organisation": organisation.pk,
        "position": position,
        "start": "2024-01-01",
        "end": "",
        "note": "",
        "source": "",
    }


def organisation_form(economy: Economy | None, name: str) -> dict[str, Any]:
    return {
        "name": name,
        "acronym": "",
        "kind": "government",
        "economy": economy.pk if economy else "",
        "website": "",
        "source": "",
    }


class PermissionTestCase(TestCase):
    world: Personas
    albanian_seat: Seat
    serbian_seat: Seat
    albanian_mandate: Mandate
    serbian_mandate: Mandate

    def assert_refused(self, response: Any) -> None:
        """Wagtail refuses by sending the user to the dashboard, or with a 403."""
        if response.status_code == 302:
            self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
        else:
            self.assertEqual(response.status_code, 403)

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()
        cls.albanian_seat = seat_of(
            cls.world.task_force, "National Roma Contact Point", cls.world.albania
        )
        cls.serbian_seat = seat_of(
            cls.world.task_force, "National Roma Contact Point", cls.world.serbia
        )
        cls.albanian_mandate = Mandate.objects.create(
            seat=cls.albanian_seat, start=dt.date(2020, 1, 1)
        )
        cls.serbian_mandate = Mandate.objects.create(
            seat=cls.serbian_seat, start=dt.date(2020, 1, 1)
        )


class SecretariatTests(PermissionTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.world.secretariat_editor)

    def test_edits_any_economys_institution(self) -> None:
        ministry = self.world.serbian_ministry
        form = organisation_form(self.world.serbia, "Ministry of Human Rights")

        response = self.client.post(url("organisation", "edit", ministry.pk), form)

        self.assertEqual(response.status_code, 302)
        ministry.refresh_from_db()
        self.assertEqual(ministry.name, "Ministry of Human Rights")

    def test_edits_economies(self) -> None:
        response = self.client.get(url("economy", "edit", self.world.serbia.pk))
        self.assertEqual(response.status_code, 200)

    def test_deletes_an_unused_institution(self) -> None:
        spare = Organisation.objects.create(name="Spare", kind="government")
        response = self.client.post(url("organisation", "delete", spare.pk))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Organisation.objects.filter(pk=spare.pk).exists())


class NationalRomaContactPointTests(PermissionTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.world.nrcp_albania)

    def test_edits_an_institution_of_their_economy(self) -> None:
        ministry = self.world.albanian_ministry
        form = organisation_form(self.world.albania, "Ministry of Health")

        response = self.client.post(url("organisation", "edit", ministry.pk), form)

        self.assertEqual(response.status_code, 302)
        ministry.refresh_from_db()
        self.assertEqual(ministry.name, "Ministry of Health")

    def test_cannot_open_another_economys_institution(self) -> None:
        ministry = self.world.serbian_ministry
        response = self.client.get(url("organisation", "edit", ministry.pk))
        self.assert_refused(response)

    def test_cannot_change_another_economys_institution(self) -> None:
        ministry = self.world.serbian_ministry
        form = organisation_form(self.world.serbia, "Renamed")

        response = self.client.post(url("organisation", "edit", ministry.pk), form)

        self.assert_refused(response)
        ministry.refresh_from_db()
        self.assertEqual(ministry.name, "Ministry of Human and Minority Rights")

    def test_cannot_move_their_institution_to_another_economy(self) -> None:
        ministry = self.world.albanian_ministry
        form = organisation_form(self.world.serbia, "Moved")

        response = self.client.post(url("organisation", "edit", ministry.pk), form)

        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "You can only file records under your own economy"
        )
        ministry.refresh_from_db()
        self.assertEqual(ministry.economy, self.world.albania)

    def test_creates_an_institution_only_under_their_economy(self) -> None:
        created = self.client.post(
            url("organisation", "add"),
            organisation_form(self.world.albania, "Office A"),
        )
        refused = self.client.post(
            url("organisation", "add"), organisation_form(self.world.serbia, "Office S")
        )
        regional = self.client.post(
            url("organisation", "add"), organisation_form(None, "Office R")
        )

        self.assertEqual(created.status_code, 302)
        self.assertEqual(refused.status_code, 200)
        self.assertEqual(regional.status_code, 200)
        names = set(Organisation.objects.values_list("name", flat=True))
        self.assertIn("Office A", names)
        self.assertNotIn("Office S", names)
        self.assertNotIn("Office R", names)

    def test_cannot_delete_institutions(self) -> None:
        ministry = self.world.albanian_ministry
        response = self.client.post(url("organisation", "delete", ministry.pk))
        self.assert_refused(response)
        self.assertTrue(Organisation.objects.filter(pk=ministry.pk).exists())

    def test_cannot_edit_economies_or_bodies(self) -> None:
        economy = self.client.get(url("economy", "edit", self.world.albania.pk))
        body = self.client.get(url("body", "edit", self.world.task_force.pk))
        self.assert_refused(economy)
        self.assert_refused(body)

    def test_edits_the_mandate_of_their_seat_only(self) -> None:
        own = self.client.get(url("mandate", "edit", self.albanian_mandate.pk))
        other = self.client.get(url("mandate", "edit", self.serbian_mandate.pk))
        self.assertEqual(own.status_code, 200)
        self.assert_refused(other)

    def test_files_a_mandate_on_their_own_seat(self) -> None:
        form = mandate_form(self.albanian_seat, self.world.albanian_ministry, "Own")

        response = self.client.post(url("mandate", "add"), form)

        self.assertEqual(response.status_code, 302)
        self.assertTrue(Mandate.objects.filter(position="Own").exists())

    def test_cannot_file_a_mandate_on_another_economys_seat(self) -> None:
        form = mandate_form(self.serbian_seat, self.world.albanian_ministry, "X")

        response = self.client.post(url("mandate", "add"), form)

        self.assertContains(
            response, "You can only file records under your own economy"
        )
        self.assertFalse(Mandate.objects.filter(position="X").exists())

    def test_cannot_file_a_mandate_on_a_regional_seat(self) -> None:
        delegate_seat = Seat.objects.filter(economy__isnull=True).first()
        assert delegate_seat is not None
        form = mandate_form(delegate_seat, self.world.albanian_ministry, "Regional")

        response = self.client.post(url("mandate", "add"), form)

        self.assertContains(
            response, "You can only file records under your own economy"
        )
        self.assertFalse(Mandate.objects.filter(position="Regional").exists())

    def test_cannot_change_another_economys_mandate(self) -> None:
        mandate = self.serbian_mandate
        form = mandate_form(self.serbian_seat, self.world.serbian_ministry, "Changed")

        response = self.client.post(url("mandate", "edit", mandate.pk), form)

        self.assert_refused(response)
        mandate.refresh_from_db()
        self.assertEqual(mandate.position, "")

    def test_cannot_move_their_mandate_to_another_economys_seat(self) -> None:
        mandate = self.albanian_mandate
        form = mandate_form(self.serbian_seat, self.world.albanian_ministry, "Moved")

        response = self.client.post(url("mandate", "edit", mandate.pk), form)

        self.assertEqual(response.status_code, 200)
        mandate.refresh_from_db()
        self.assertEqual(mandate.seat, self.albanian_seat)

    def test_cannot_move_a_person_to_another_economy(self) -> None:
        person = Person.objects.create(
            given_name="Elira",
            family_name="Own",
            organisation=self.world.albanian_ministry,
        )
        form = person_form(self.world.serbian_ministry, "Elira")

        response = self.client.post(url("person", "edit", person.pk), form)

        self.assertContains(
            response, "You can only file records under your own economy"
        )
        person.refresh_from_db()
        self.assertEqual(person.organisation, self.world.albanian_ministry)

    def test_cannot_delete_people_or_mandates(self) -> None:
        person = Person.objects.create(
            given_name="Elira",
            family_name="Own",
            organisation=self.world.albanian_ministry,
        )
        for model, record in (("person", person), ("mandate", self.albanian_mandate)):
            with self.subTest(model=model):
                response = self.client.post(url(model, "delete", record.pk))
                self.assert_refused(response)
                self.assertTrue(type(record).objects.filter(pk=record.pk).exists())

    def test_cannot_link_a_person_to_a_user_account(self) -> None:
        form = person_form(self.world.albanian_ministry, "Elira")
        form["user"] = self.world.delegate.pk

        response = self.client.post(url("person", "add"), form)

        self.assertEqual(response.status_code, 302)
        person = Person.objects.get(given_name="Elira")
        self.assertIsNone(person.user)

    def test_cannot_name_another_economys_person_as_holder(self) -> None:
        stranger = Person.objects.create(
            given_name="Milan",
            family_name="Other",
            organisation=self.world.serbian_ministry,
        )
        form = {
            "seat": self.albanian_seat.pk,
            "organisation": self.world.albanian_ministry.pk,
            "holder": stranger.pk,
            "start": "2024-01-01",
            "position": "Y",
        }

        response = self.client.post(url("mandate", "add"), form)

        self.assertContains(
            response, "You can only file records under your own economy"
        )
        self.assertFalse(Mandate.objects.filter(position="Y").exists())

    def test_cannot_edit_a_person_of_another_economy(self) -> None:
        person = Person.objects.create(
            given_name="Milan",
            family_name="Other",
            organisation=self.world.serbian_ministry,
        )
        response = self.client.get(url("person", "edit", person.pk))
        self.assert_refused(response)


class ReadOnlyRoleTests(PermissionTestCase):
    def test_delegates_and_partners_read_but_do_not_write(self) -> None:
        ministry = self.world.albanian_ministry
        for user in (self.world.delegate, self.world.partner):
            with self.subTest(user=user.get_username()):
                self.client.force_login(user)

                listing = self.client.get(url("organisation", "list"))
                edit = self.client.get(url("organisation", "edit", ministry.pk))
                add = self.client.post(
                    url("organisation", "add"),
                    organisation_form(self.world.albania, "Delegate's office"),
                )

                self.assertEqual(listing.status_code, 200)
                self.assert_refused(edit)
                self.assert_refused(add)
        self.assertFalse(Organisation.objects.filter(name="Delegate's office").exists())

    def test_delegates_and_partners_do_not_see_people(self) -> None:
        for user in (self.world.delegate, self.world.partner):
            with self.subTest(user=user.get_username()):
                self.client.force_login(user)
                response = self.client.get(url("person", "list"))
                self.assert_refused(response)

    def test_delegates_and_partners_edit_no_directory_record(self) -> None:
        records = {
            "mandate": self.albanian_mandate,
            "body": self.world.task_force,
            "economy": self.world.albania,
        }
        for user in (self.world.delegate, self.world.partner):
            self.client.force_login(user)
            for model, record in records.items():
                with self.subTest(user=user.get_username(), model=model):
                    self.assert_refused(self.client.get(url(model, "edit", record.pk)))

    def test_an_nrcp_without_a_person_record_edits_nothing(self) -> None:
        orphan = make_user("nrcp-unlinked", roles.NRCP)
        self.client.force_login(orphan)

        response = self.client.get(
            url("organisation", "edit", self.world.albanian_ministry.pk)
        )
        created = self.client.post(
            url("organisation", "add"), organisation_form(self.world.albania, "Orphan")
        )

        self.assert_refused(response)
        self.assertEqual(created.status_code, 200)
        self.assertFalse(Organisation.objects.filter(name="Orphan").exists())

    def test_the_public_is_sent_to_sign_in(self) -> None:
        response = self.client.get(url("organisation", "list"))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("wagtailadmin_login"), response["Location"])


class PolicyTests(PermissionTestCase):
    def test_records_in_reach_per_role(self) -> None:
        def editable(user: Any) -> set[str]:
            records = organisation_policy.instances_user_has_any_permission_for(
                user, ["change"]
            )
            return set(records.values_list("name", flat=True))

        both = {
            self.world.albanian_ministry.name,
            self.world.serbian_ministry.name,
        }
        self.assertEqual(editable(self.world.secretariat_editor), both)
        self.assertEqual(
            editable(self.world.nrcp_albania), {self.world.albanian_ministry.name}
        )
        self.assertEqual(editable(self.world.delegate), set())
        self.assertEqual(editable(self.world.partner), set())

    def test_people_and_mandates_in_reach_of_an_nrcp(self) -> None:
        own = Person.objects.create(
            given_name="A", family_name="Own", organisation=self.world.albanian_ministry
        )
        Person.objects.create(
            given_name="S",
            family_name="Other",
            organisation=self.world.serbian_ministry,
        )
        nrcp = self.world.nrcp_albania

        people = person_policy.instances_user_has_any_permission_for(nrcp, ["change"])
        mandates = mandate_policy.instances_user_has_any_permission_for(
            nrcp, ["change"]
        )

        self.assertEqual(set(people), {own, Person.objects.get(user=nrcp)})
        self.assertEqual(list(mandates), [self.albanian_mandate])
