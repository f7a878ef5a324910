"""NRCPs report progress on commitments, owners on their action items."""

import datetime as dt

from django.http.response import HttpResponseBase
from django.test import TestCase
from django.urls import reverse

from rihub.directory.models import Person
from rihub.governance.models import ActionItem, Commitment, ProgressUpdate
from rihub.governance.tests.world import World


class ReportingPagesTests(TestCase):
    world: World
    albanian: Commitment
    serbian: Commitment
    item: ActionItem

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        people = cls.world.people
        launch = cls.world.launch()
        area = cls.world.priority_area()
        cls.albanian = Commitment.objects.create(
            meeting=launch, economy=people.albania, text="A", priority_area=area
        )
        cls.serbian = Commitment.objects.create(
            meeting=launch, economy=people.serbia, text="S", priority_area=area
        )
        task_force = cls.world.task_force_meeting(dt.date(2018, 12, 4))
        cls.item = ActionItem.objects.create(
            meeting=task_force,
            title="Send the 2018 report",
            owner=Person.objects.get(user=cls.world.member_nrcp),
        )

    def progress(self, commitment: Commitment, **data: str) -> HttpResponseBase:
        form = {
            "status": "on_track",
            "reported_on": "2019-03-01",
            "value": "",
            "evidence": "Report",
        }
        url = reverse("governance:report-progress", args=[commitment.pk])
        return self.client.post(url, form | data)

    def test_an_nrcp_reports_on_their_economy_through_the_form(self) -> None:
        self.client.force_login(self.world.member_nrcp)

        response = self.progress(self.albanian)

        self.assertEqual(response.status_code, 302)
        self.albanian.refresh_from_db()
        self.assertEqual(self.albanian.status, "on_track")

    def test_the_tracker_offers_the_form_for_their_economy_only(self) -> None:
        self.client.force_login(self.world.member_nrcp)
        page = self.client.get(reverse("governance:commitment-tracker"))
        own = reverse("governance:report-progress", args=[self.albanian.pk])
        other = reverse("governance:report-progress", args=[self.serbian.pk])
        self.assertContains(page, own)
        self.assertNotContains(page, other)

    def test_an_nrcp_cannot_open_another_economys_form(self) -> None:
        self.client.force_login(self.world.member_nrcp)

        response = self.progress(self.serbian)

        self.assertEqual(response.status_code, 403)
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_a_visitor_is_sent_to_sign_in(self) -> None:
        response = self.progress(self.albanian)
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_bad_input_is_explained_and_changes_nothing(self) -> None:
        self.client.force_login(self.world.member_nrcp)
        response = self.progress(self.albanian, reported_on="not a date")
        self.assertContains(response, "Please correct the fields marked below.")
        self.assertFalse(ProgressUpdate.objects.exists())

    def test_the_owner_updates_their_action_item(self) -> None:
        self.client.force_login(self.world.member_nrcp)
        url = reverse("governance:update-action-item", args=[self.item.pk])

        refused = self.client.post(url, {"status": "done", "evidence": ""})
        done = self.client.post(url, {"status": "done", "evidence": "Sent 2 May."})

        self.assertContains(refused, "Say what shows the item is done.")
        self.assertEqual(done.status_code, 302)
        self.item.refresh_from_db()
        self.assertEqual(
            (self.item.status, self.item.evidence), ("done", "Sent 2 May.")
        )

    def test_nobody_else_updates_an_action_item(self) -> None:
        url = reverse("governance:update-action-item", args=[self.item.pk])
        for user in (self.world.outsider_nrcp, self.world.people.delegate):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.post(url, {"status": "dropped", "evidence": "x"})
                self.assertEqual(response.status_code, 403)
        self.item.refresh_from_db()
        self.assertEqual(self.item.status, "open")
