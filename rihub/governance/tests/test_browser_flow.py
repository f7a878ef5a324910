"""A Task Force meeting from creation to published minutes, in a real browser."""

import datetime as dt

from django.urls import reverse
from playwright.sync_api import Page

from rihub.directory.models import Person
from rihub.governance.models import Invitation, Meeting
from rihub.governance.tests.world import World
from rihub.tests.browser import BrowserTestCase

MINUTES = "## Opening\nThe co-chairs opened the sixth meeting.\n\n## Work plan\nAgreed."


class MeetingFromStartToFinishTests(BrowserTestCase):
    def setUp(self) -> None:
        self.world = World.create()
        Person.objects.filter(user=self.world.member_nrcp).update(
            email="nrcp.albania@example.org"
        )
        self.editor = self.world.people.secretariat_editor

    def sign_in(self) -> Page:
        page = self.open(reverse("wagtailadmin_login"))
        page.fill("#id_username", self.editor.username)
        page.fill("#id_password", "not-a-secret")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        return page

    def create_meeting(self, page: Page, day: dt.date) -> Meeting:
        page.goto(
            self.live_server_url + reverse("wagtailsnippets_governance_meeting:add")
        )
        page.select_option("#id_body", str(self.world.people.task_force.pk))
        page.select_option("#id_kind", "annual")
        page.fill("#id_year", str(day.year))
        page.fill("#id_title", "Sixth Task Force meeting")
        page.fill("#id_slug", "task-force-sixth")
        page.fill("#id_place", "Belgrade")
        page.fill("#id_start_date", day.isoformat())
        # The date picker covers the Save button; save with Wagtail's shortcut.
        page.keyboard.press("Control+s")
        page.wait_for_url("**/snippets/governance/meeting/")
        return Meeting.objects.get(slug="task-force-sixth")

    def test_the_secretariat_runs_a_meeting_and_a_visitor_reads_its_minutes(self):
        day = dt.date.today() - dt.timedelta(days=3)  # noqa: DTZ011
        page = self.sign_in()
        meeting = self.create_meeting(page, day)
        page.goto(
            self.live_server_url + reverse("governance-workroom", args=[meeting.pk])
        )

        page.click("text=Send invitations")
        page.wait_for_selector("text=Invitations sent.")
        for select in page.locator("select[id^=seat-]").all():
            select.select_option("present")
        page.click("text=Record the roll")
        page.wait_for_selector("text=Roll recorded.")
        page.fill("#id_text", MINUTES)
        page.click("text=Save the draft")
        page.wait_for_selector("text=Minutes saved as a new version.")
        page.fill("#id_comments_until", (day + dt.timedelta(days=10)).isoformat())
        page.click("text=Circulate to the members")
        page.wait_for_selector("text=Minutes circulated to the members.")
        page.fill("#id_adopted_on", (day + dt.timedelta(days=2)).isoformat())
        page.click("text=Adopt and lock")
        page.wait_for_selector("text=Minutes adopted and locked.")

        visitor = self.open(meeting.get_absolute_url())
        self.assertIn("co-chairs opened the sixth meeting", visitor.content())
        self.assertEqual(
            visitor.locator(".minutes h3").all_inner_texts(), ["Opening", "Work plan"]
        )
        self.assertEqual(Invitation.objects.filter(meeting=meeting).count(), 1)
        self.assertEqual(meeting.attendance.count(), 5)
