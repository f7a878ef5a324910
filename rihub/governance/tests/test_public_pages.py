"""What visitors see of meetings and commitments, and what they never see."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from rihub.governance.models import (
    ActionItem,
    Activity,
    Assessment,
    Commitment,
    Meeting,
)
from rihub.governance.services import minutes
from rihub.governance.services.commitments import report_progress
from rihub.governance.tests.world import World

DRAFT_TEXT = "## Opening\nA sentence still under discussion."
ADOPTED_TEXT = "## Opening\nThe Task Force adopted its Rules of Procedure."


class PublicMeetingTests(TestCase):
    world: World
    editor: User
    adopted: Meeting
    drafted: Meeting
    hidden: Meeting

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.editor = cls.world.people.secretariat_editor
        cls.adopted = cls.world.task_force_meeting(
            dt.date(2016, 11, 9), start_time=dt.time(10), end_time=dt.time(17)
        )
        record = minutes.draft(cls.adopted, ADOPTED_TEXT, cls.editor)
        minutes.circulate(record, dt.date(2016, 12, 1), cls.editor)
        minutes.adopt(record, dt.date(2016, 12, 20), cls.editor)

        cls.drafted = cls.world.task_force_meeting(dt.date(2017, 9, 19))
        record = minutes.draft(cls.drafted, DRAFT_TEXT, cls.editor)
        minutes.circulate(record, dt.date(2017, 10, 1), cls.editor)

        cls.hidden = cls.world.task_force_meeting(
            dt.date(2018, 12, 4), title="Unpublished meeting", published=False
        )

    def test_adopted_minutes_are_published(self) -> None:
        response = self.client.get(self.adopted.get_absolute_url())
        self.assertContains(response, "<h3>Opening</h3>", html=True)
        self.assertContains(response, "adopted its Rules of Procedure")

    def test_the_meeting_page_shows_its_outcomes(self) -> None:
        ActionItem.objects.create(meeting=self.adopted, title="Circulate the template")
        Activity.objects.create(meeting=self.adopted, title="Regional workshop")
        launch = self.world.launch()
        Commitment.objects.create(
            meeting=launch,
            economy=self.world.people.albania,
            text="Register every child",
            priority_area=self.world.priority_area(),
        )

        task_force = self.client.get(self.adopted.get_absolute_url())
        summit = self.client.get(launch.get_absolute_url())

        self.assertContains(task_force, "Circulate the template")
        self.assertContains(task_force, "Regional workshop")
        self.assertContains(summit, "Albania: Register every child")

    def test_the_conclusion_meeting_shows_its_assessment(self) -> None:
        conclusion = self.world.launch(
            kind=Meeting.Kind.CONCLUSION, slug="conclusion", year=2020
        )
        Assessment.objects.create(
            meeting=conclusion,
            economy=self.world.people.serbia,
            achievements="Every Roma child registered at birth.",
            challenges="Housing legalisation is slow.",
        )

        page = self.client.get(conclusion.get_absolute_url())

        self.assertContains(page, "Every Roma child registered at birth.")
        self.assertContains(page, "Housing legalisation is slow.")

    def test_draft_minutes_are_never_shown(self) -> None:
        response = self.client.get(self.drafted.get_absolute_url())
        self.assertContains(response, "have not been adopted yet")
        self.assertNotContains(response, "still under discussion")

    def test_an_unpublished_meeting_is_nowhere(self) -> None:
        detail = self.client.get(self.hidden.get_absolute_url())
        listing = self.client.get(reverse("governance:meeting-list"))
        feed = self.client.get(reverse("governance:calendar-all"))
        own_feed = self.client.get(
            reverse("governance:calendar-meeting", args=[self.hidden.slug])
        )

        self.assertEqual(detail.status_code, 404)
        self.assertEqual(own_feed.status_code, 404)
        self.assertNotContains(listing, "Unpublished meeting")
        self.assertNotIn(b"Unpublished meeting", feed.content)

    def test_the_calendar_parses_back_with_times_in_the_meetings_zone(self) -> None:
        response = self.client.get(reverse("governance:calendar-all"))
        cal = Calendar.from_ical(response.content)
        events = {str(e["summary"]): e for e in cal.walk("VEVENT")}

        timed = events[f"{self.world.people.task_force.name}: Task Force 2016"]
        start = timed.decoded("dtstart")
        self.assertEqual(start, dt.datetime(2016, 11, 9, 9, tzinfo=dt.UTC))
        self.assertEqual(str(start.tzinfo), "Europe/Belgrade")
        self.assertEqual(timed.decoded("dtend").hour, 17)
        self.assertEqual(len(list(cal.walk("VTIMEZONE"))), 1)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")

    def test_a_day_long_meeting_spans_whole_days(self) -> None:
        url = reverse("governance:calendar-meeting", args=[self.drafted.slug])
        event = Calendar.from_ical(self.client.get(url).content).walk("VEVENT")[0]
        self.assertEqual(event.decoded("dtstart"), dt.date(2017, 9, 19))
        self.assertEqual(event.decoded("dtend"), dt.date(2017, 9, 20))

    def test_uids_stay_the_same_when_a_meeting_changes(self) -> None:
        url = reverse("governance:calendar-meeting", args=[self.drafted.slug])
        before = Calendar.from_ical(self.client.get(url).content).walk("VEVENT")[0]
        Meeting.objects.filter(pk=self.drafted.pk).update(
            title="Renamed", start_date=dt.date(2017, 9, 20)
        )
        after = Calendar.from_ical(self.client.get(url).content).walk("VEVENT")[0]
        self.assertEqual(before["uid"], after["uid"])

    def test_the_body_calendar_has_only_that_bodys_meetings(self) -> None:
        self.world.launch(start_date=dt.date(2016, 6, 1))
        url = reverse("governance:calendar-body", args=["task-force"])
        cal = Calendar.from_ical(self.client.get(url).content)
        summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
        self.assertEqual(len(summaries), 2)
        self.assertFalse(any("Launch" in s for s in summaries))


class CommitmentTrackerTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        people = cls.world.people
        launch = cls.world.launch()
        hidden = Meeting.objects.create(
            body=cls.world.high_level_meeting,
            kind=Meeting.Kind.MINISTERIAL,
            title="Closed session",
            slug="closed",
            year=2017,
            published=False,
        )
        area = cls.world.priority_area()
        albanian = Commitment.objects.create(
            meeting=launch,
            economy=people.albania,
            text="Albanian pledge",
            priority_area=area,
        )
        Commitment.objects.create(
            meeting=launch,
            economy=people.serbia,
            text="Serbian pledge",
            priority_area=area,
        )
        Commitment.objects.create(
            meeting=hidden,
            economy=people.serbia,
            text="Secret pledge",
            priority_area=area,
        )
        report_progress(
            albanian,
            cls.world.member_nrcp,
            "achieved",
            dt.date(2019, 5, 1),
            evidence="Registry report 2018",
        )

    def get(self, **filters: str) -> str:
        response = self.client.get(reverse("governance:commitment-tracker"), filters)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_filters_by_economy_and_status(self) -> None:
        albanian = self.get(economy="AL")
        achieved = self.get(status="achieved")

        self.assertIn("Albanian pledge", albanian)
        self.assertNotIn("Serbian pledge", albanian)
        self.assertIn("Albanian pledge", achieved)
        self.assertNotIn("Serbian pledge", achieved)

    def test_each_commitment_shows_its_progress_history(self) -> None:
        self.assertIn("Registry report 2018", self.get(economy="AL"))

    def test_commitments_of_unpublished_meetings_are_not_shown(self) -> None:
        self.assertNotIn("Secret pledge", self.get())

    def test_queries_do_not_grow_with_the_commitments(self) -> None:
        before = self.count_queries()
        launch = Meeting.objects.get(slug="launch")
        for n in range(30):
            pledge = Commitment.objects.create(
                meeting=launch,
                economy=self.world.people.albania,
                text=f"Pledge {n}",
                priority_area=self.world.priority_area(),
                lowest=Decimal(0),
            )
            report_progress(
                pledge,
                self.world.member_nrcp,
                "on_track",
                dt.date(2019, 1, 1),
                value=Decimal(n),
            )
        self.assertEqual(self.count_queries(), before)

    def count_queries(self) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            self.get()
        return len(queries)


class DraftMinutesForMembersTests(TestCase):
    world: World
    meeting: Meeting

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        editor = cls.world.people.secretariat_editor
        cls.meeting = cls.world.task_force_meeting(dt.date(2017, 9, 19))
        record = minutes.draft(cls.meeting, DRAFT_TEXT, editor)
        until = timezone.localdate() + dt.timedelta(days=14)
        minutes.circulate(record, until, editor)

    def url(self) -> str:
        return reverse("governance:draft-minutes", args=[self.meeting.slug])

    def test_a_member_reads_the_draft_and_comments_on_a_section(self) -> None:
        self.client.force_login(self.world.member_nrcp)

        page = self.client.get(self.url())
        self.client.post(self.url(), {"section": "Opening", "text": "Name both."})

        self.assertContains(page, "still under discussion")
        comment = self.meeting.minutes.versions.get().comments.get()
        self.assertEqual(
            (comment.section, comment.author), ("Opening", self.world.member_nrcp)
        )

    def test_a_delegate_of_the_body_reads_the_draft(self) -> None:
        self.client.force_login(self.world.people.delegate)
        self.assertContains(self.client.get(self.url()), "still under discussion")

    def test_outsiders_and_visitors_never_see_the_draft(self) -> None:
        anonymous = self.client.get(self.url())
        self.assertEqual(anonymous.status_code, 302)
        for user in (self.world.outsider_nrcp, self.world.people.partner):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(self.url())
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(b"still under discussion", response.content)

    def test_an_unknown_section_is_refused_with_a_message(self) -> None:
        self.client.force_login(self.world.member_nrcp)
        response = self.client.post(self.url(), {"section": "Closing", "text": "X"})
        self.assertContains(response, "no section of that name")
        self.assertFalse(self.meeting.minutes.versions.get().comments.exists())
