"""The secretariat's back office for meetings, and who else may enter it."""

import datetime as dt

from django.test import TestCase
from django.urls import reverse

from rihub.governance.models import AgendaItem, Meeting
from rihub.governance.services import minutes
from rihub.governance.tests.world import World


class DashboardTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.world.task_force_meeting(dt.date(2018, 12, 4), status="held")

    def test_the_secretariat_sees_the_rules_warnings(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)

        response = self.client.get(reverse("governance-dashboard"))

        self.assertContains(response, "launch meetings, not one")
        self.assertContains(response, "The roll of Task Force 2018 misses")

    def test_nobody_else_sees_the_dashboard(self) -> None:
        people = self.world.people
        for user in (people.nrcp_albania, people.delegate, people.partner):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(reverse("governance-dashboard"))
                self.assertEqual(response["Location"], reverse("wagtailadmin_home"))


class MeetingEditorTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()

    def form(self, **changes: str) -> dict[str, str]:
        data = {
            "body": str(self.world.people.task_force.pk),
            "kind": "annual",
            "number": "6",
            "year": "2021",
            "title": "Sixth Task Force meeting",
            "slug": "task-force-2021",
            "start_date": "2021-11-16",
            "start_time": "09:30",
            "end_date": "2021-11-16",
            "end_time": "17:00",
            "time_zone": "Europe/Belgrade",
            "place": "Belgrade",
            "languages": "[]",
            "status": "planned",
            "description": "",
            "published": "on",
            "agenda_items-TOTAL_FORMS": "1",
            "agenda_items-INITIAL_FORMS": "0",
            "agenda_items-MIN_NUM_FORMS": "0",
            "agenda_items-MAX_NUM_FORMS": "1000",
            "agenda_items-0-title": "Work plan for 2022",
            "agenda_items-0-kind": "item",
            "agenda_items-0-presenter": "Action Team",
            "agenda_items-0-duration": "45",
            "agenda_items-0-description": "",
            "agenda_items-0-ORDER": "1",
            "agenda_items-0-DELETE": "",
            "agenda_items-0-id": "",
            "observers-TOTAL_FORMS": "1",
            "observers-INITIAL_FORMS": "0",
            "observers-MIN_NUM_FORMS": "0",
            "observers-MAX_NUM_FORMS": "1000",
            "observers-0-name": "UNDP country office",
            "observers-0-organisation": "",
            "observers-0-id": "",
            "observers-0-ORDER": "1",
            "observers-0-DELETE": "",
        }
        return data | changes

    def test_the_secretariat_creates_a_meeting_with_its_agenda(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)

        response = self.client.post(
            reverse("wagtailsnippets_governance_meeting:add"), self.form()
        )

        self.assertEqual(response.status_code, 302)
        meeting = Meeting.objects.get(slug="task-force-2021")
        self.assertEqual(
            list(meeting.agenda_items.values_list("title", "position")),
            [
                ("Review of open action items and commitments", 1),
                ("Work plan for 2022", 2),
            ],
        )
        self.assertEqual(
            list(meeting.observers.values_list("name", flat=True)),
            ["UNDP country office"],
        )

    def test_an_end_before_the_start_is_refused_with_a_message(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)

        response = self.client.post(
            reverse("wagtailsnippets_governance_meeting:add"),
            self.form(end_time="08:00"),
        )

        self.assertContains(response, "A meeting cannot end before it starts.")
        self.assertFalse(Meeting.objects.filter(slug="task-force-2021").exists())
        self.assertFalse(AgendaItem.objects.exists())

    def test_an_nrcp_cannot_create_meetings(self) -> None:
        self.client.force_login(self.world.people.nrcp_albania)

        response = self.client.post(
            reverse("wagtailsnippets_governance_meeting:add"), self.form()
        )

        self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
        self.assertFalse(Meeting.objects.filter(slug="task-force-2021").exists())


class WorkroomTests(TestCase):
    """The secretariat runs a meeting from one page; nobody else may."""

    world: World
    meeting: Meeting

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.meeting = cls.world.task_force_meeting(dt.date(2018, 12, 4))

    def url(self, name: str) -> str:
        return reverse(name, args=[self.meeting.pk])

    def test_minutes_from_draft_to_adoption(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)
        draft = {"text": "## Opening\nOpened.", "note": ""}
        revised = {"text": "## Opening\nOpened by the co-chairs.", "note": "Chairs"}

        self.client.post(self.url("governance-save-minutes"), draft)
        self.client.post(self.url("governance-save-minutes"), revised)
        self.client.post(
            self.url("governance-circulate-minutes"), {"comments_until": "2018-12-20"}
        )
        self.client.post(
            self.url("governance-adopt-minutes"), {"adopted_on": "2019-01-10"}
        )
        diff = self.client.get(self.url("governance-compare-minutes") + "?from=1&to=2")

        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.minutes.state, "adopted")
        self.assertEqual(self.meeting.minutes.versions.count(), 2)
        self.assertContains(diff, "<del>", html=False)
        self.assertContains(diff, "Opened by the co-chairs.")

    def test_a_refused_step_shows_its_reason_and_changes_nothing(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)
        self.client.post(self.url("governance-save-minutes"), {"text": "## A\nB"})

        response = self.client.post(
            self.url("governance-adopt-minutes"),
            {"adopted_on": "2019-01-10"},
            follow=True,
        )

        self.assertContains(response, "Minutes are circulated before they are adopted.")
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.minutes.state, "draft")

    def test_the_roll_is_recorded_from_the_form(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)
        seats = self.world.task_force_seats_for_roll()
        form = {f"seat-{seat.pk}": "present" for seat in seats[:2]}

        self.client.post(self.url("governance-record-roll"), form)

        self.assertEqual(self.meeting.attendance.count(), 2)

    def test_steps_are_posted_never_fetched(self) -> None:
        self.client.force_login(self.world.people.secretariat_editor)
        response = self.client.get(self.url("governance-send-invitations"))
        self.assertEqual(response.status_code, 405)

    def test_nobody_else_enters_the_workroom(self) -> None:
        people = self.world.people
        for user in (people.nrcp_albania, people.delegate, people.partner):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                page = self.client.get(self.url("governance-workroom"))
                step = self.client.post(
                    self.url("governance-save-minutes"), {"text": "## A\nB"}
                )
                self.assertEqual(page["Location"], reverse("wagtailadmin_home"))
                self.assertEqual(step.get("Location"), reverse("wagtailadmin_home"))
        self.assertFalse(hasattr(Meeting.objects.get(pk=self.meeting.pk), "minutes"))


class AuditTrailTests(TestCase):
    """Who changed what and when, visible to the secretariat."""

    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()

    def test_minutes_steps_appear_in_the_site_history(self) -> None:
        editor = self.world.people.secretariat_editor
        meeting = self.world.task_force_meeting(dt.date(2018, 12, 4))
        record = minutes.draft(meeting, "## Opening\nOpened.", editor)
        minutes.circulate(record, dt.date(2018, 12, 20), editor)
        self.client.force_login(editor)

        response = self.client.get(reverse("wagtailadmin_reports:site_history"))

        self.assertContains(response, "Minutes drafted")
        self.assertContains(response, "Minutes circulated")
