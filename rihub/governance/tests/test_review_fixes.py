"""Refusals found in review: each path that must change nothing."""

import datetime as dt
from decimal import Decimal
from unittest import mock

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from rihub.directory.models import Organisation, Person
from rihub.governance.errors import GovernanceError
from rihub.governance.models import ActionItem, Commitment, Invitation, Meeting
from rihub.governance.services import invitations, minutes
from rihub.governance.services.commitments import report_progress
from rihub.governance.services.meetings import open_items_summary, previous_meeting
from rihub.governance.tests.world import World


class BackOfficeRefusalTests(TestCase):
    world: World
    meeting: Meeting

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.meeting = cls.world.task_force_meeting(dt.date(2018, 12, 4))

    def test_an_nrcp_cannot_edit_action_items_in_the_back_office(self) -> None:
        serbian = Person.objects.create(
            given_name="S",
            family_name="Owner",
            organisation=self.world.people.serbian_ministry,
        )
        item = ActionItem.objects.create(
            meeting=self.meeting, title="Report", owner=serbian
        )
        self.client.force_login(self.world.member_nrcp)

        response = self.client.post(
            reverse("wagtailsnippets_governance_actionitem:edit", args=[item.pk]),
            {"meeting": self.meeting.pk, "title": "Hijacked", "status": "done"},
        )

        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
        item.refresh_from_db()
        self.assertEqual((item.title, item.status), ("Report", "open"))

    def test_a_roll_with_one_bad_entry_saves_nothing(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)
        seats = self.world.task_force_seats_for_roll()
        form = {f"seat-{seat.pk}": "present" for seat in seats}
        form[f"seat-{seats[-1].pk}"] = "late"

        response = self.client.post(
            reverse("governance-record-roll", args=[self.meeting.pk]), form, follow=True
        )

        self.assertContains(response, "Choose present, substitute, excused or absent.")
        self.assertEqual(self.meeting.attendance.count(), 0)

    def test_comparing_versions_that_do_not_exist_is_not_found(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)
        url = reverse("governance-compare-minutes", args=[self.meeting.pk])

        no_minutes = self.client.get(url)
        minutes.draft(self.meeting, "## A\nB", self.world.people.secretariat_editor)
        not_a_number = self.client.get(url + "?from=x&to=2")

        self.assertEqual(no_minutes.status_code, 404)
        self.assertEqual(not_a_number.status_code, 404)

    def test_a_meeting_without_a_date_has_no_calendar(self) -> None:
        undated = self.world.task_force_meeting(
            dt.date(2019, 1, 1), slug="undated", start_date=None
        )
        response = self.client.get(
            reverse("governance:calendar-meeting", args=[undated.slug])
        )
        self.assertEqual(response.status_code, 404)


class ProgressRoleTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()

    def test_a_partner_working_for_an_albanian_body_cannot_report(self) -> None:
        people = self.world.people
        ngo = Organisation.objects.create(
            name="Albanian NGO", kind="civil_society", economy=people.albania
        )
        Person.objects.create(
            given_name="P", family_name="Partner", organisation=ngo, user=people.partner
        )
        commitment = Commitment.objects.create(
            meeting=self.world.launch(),
            economy=people.albania,
            text="A",
            priority_area=self.world.priority_area(),
            lowest=Decimal(0),
        )

        with self.assertRaises(GovernanceError):
            report_progress(commitment, people.partner, "achieved", dt.date(2019, 1, 1))
        with self.assertRaisesMessage(GovernanceError, "cannot be below 0"):
            report_progress(
                commitment,
                self.world.member_nrcp,
                "on_track",
                dt.date(2019, 1, 1),
                value=Decimal(-3),
            )


class ProposedAgendaReviewTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()

    def test_open_commitments_of_earlier_summits_are_reviewed(self) -> None:
        Commitment.objects.create(
            meeting=self.world.launch(),
            economy=self.world.people.serbia,
            text="Register every Roma child at birth",
            priority_area=self.world.priority_area(),
        )
        meeting = self.world.task_force_meeting(dt.date(2017, 9, 19))

        self.assertIn("Register every Roma child at birth", open_items_summary(meeting))

    def test_the_previous_meeting_is_never_a_later_one(self) -> None:
        later = self.world.task_force_meeting(dt.date(2020, 12, 15))
        undated = self.world.task_force_meeting(
            dt.date(2019, 1, 1), slug="tf-2019", start_date=None
        )
        earlier = self.world.task_force_meeting(dt.date(2018, 12, 4))
        undated_2017 = self.world.task_force_meeting(
            dt.date(2017, 1, 1), slug="tf-2017", start_date=None, year=2017
        )

        self.assertEqual(previous_meeting(later), undated)
        self.assertEqual(previous_meeting(undated_2017), None)
        self.assertEqual(previous_meeting(undated), earlier)


class ReminderFailureTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        Person.objects.filter(user=cls.world.member_nrcp).update(email="n@example.org")

    def test_a_reminder_that_fails_is_tried_again_next_time(self) -> None:
        day = timezone.localdate() + dt.timedelta(days=3)
        meeting = self.world.task_force_meeting(day)
        invitations.send_invitations(meeting, self.world.people.secretariat_editor)

        with mock.patch(
            "rihub.governance.services.invitations.deliver",
            side_effect=ConnectionRefusedError,
        ):
            failed = invitations.send_reminders(timezone.localdate())
        retried = invitations.send_reminders(timezone.localdate())

        self.assertEqual((failed, retried), (0, 1))
        self.assertIsNotNone(Invitation.objects.get().reminded)
