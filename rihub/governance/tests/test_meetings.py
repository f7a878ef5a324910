"""Planning meetings: their dates, their proposed agenda and their roll."""

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import TestCase

from rihub.directory.models import Economy, Person, Seat
from rihub.directory.services import seat_of
from rihub.governance.errors import GovernanceError
from rihub.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Commitment,
    Meeting,
)
from rihub.governance.services import meetings as service
from rihub.governance.services import minutes
from rihub.governance.tests.world import NRCP, World


class MeetingDatesTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()

    def meeting(self, **fields: object) -> Meeting:
        values = {
            "body": self.world.people.task_force,
            "kind": Meeting.Kind.ANNUAL,
            "title": "Task Force",
            "slug": "task-force",
            "year": 2017,
            "start_date": dt.date(2017, 9, 19),
        }
        return Meeting(**values | fields)

    def assert_refused(self, meeting: Meeting, field: str) -> None:
        with self.assertRaises(ValidationError) as refused:
            meeting.full_clean()
        self.assertIn(field, refused.exception.message_dict)

    def test_a_meeting_cannot_end_before_it_starts(self) -> None:
        self.assert_refused(self.meeting(end_date=dt.date(2017, 9, 18)), "end_date")
        self.assert_refused(
            self.meeting(start_time=dt.time(14), end_time=dt.time(9)), "end_date"
        )

    def test_a_two_day_meeting_may_end_earlier_in_the_day(self) -> None:
        meeting = self.meeting(
            end_date=dt.date(2017, 9, 20), start_time=dt.time(14), end_time=dt.time(13)
        )
        meeting.full_clean()

    def test_times_are_kept_in_the_meetings_time_zone(self) -> None:
        meeting = self.meeting(start_time=dt.time(10), time_zone="Europe/Skopje")
        starts = meeting.starts_at
        assert isinstance(starts, dt.datetime)
        self.assertEqual(starts.utcoffset(), dt.timedelta(hours=2))

    def test_an_unknown_time_zone_is_refused(self) -> None:
        self.assert_refused(self.meeting(time_zone="Mars/Olympus"), "time_zone")

    def test_a_task_force_meeting_belongs_to_the_task_force(self) -> None:
        meeting = self.meeting(body=self.world.high_level_meeting)
        self.assert_refused(meeting, "kind")


class ProposedAgendaTests(TestCase):
    world: World
    editor: User
    first: Meeting

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.editor = cls.world.people.secretariat_editor
        cls.first = cls.world.task_force_meeting(dt.date(2016, 11, 9))
        ActionItem.objects.create(meeting=cls.first, title="Circulate the template")
        ActionItem.objects.create(
            meeting=cls.first, title="Book the venue", status="done"
        )
        ministerial = cls.world.launch()
        Commitment.objects.create(
            meeting=ministerial,
            economy=cls.world.people.serbia,
            text="Register every Roma child at birth",
            priority_area=cls.world.priority_area(),
        )

    def plan(self, day: dt.date) -> Meeting:
        meeting = Meeting(
            body=self.world.people.task_force,
            kind=Meeting.Kind.ANNUAL,
            title=f"Task Force {day.year}",
            slug=f"task-force-{day.year}",
            start_date=day,
            year=day.year,
        )
        return service.plan(meeting, self.editor)

    def test_proposes_adopting_the_previous_minutes_and_reviewing_open_items(self):
        meeting = self.plan(dt.date(2017, 9, 19))

        adoption, review = meeting.agenda_items.order_by("position")

        self.assertEqual(adoption.kind, AgendaItem.Kind.MINUTES_ADOPTION)
        self.assertEqual(adoption.minutes_of, self.first)
        self.assertEqual(review.kind, AgendaItem.Kind.OPEN_ITEMS_REVIEW)
        self.assertIn("Circulate the template", review.description)
        self.assertNotIn("Book the venue", review.description)

    def test_adopted_minutes_are_not_proposed_again(self) -> None:
        draft = minutes.draft(self.first, "## Opening\nOpened.", self.editor)
        minutes.circulate(draft, dt.date(2016, 12, 1), self.editor)
        minutes.adopt(draft, dt.date(2016, 12, 20), self.editor)

        meeting = self.plan(dt.date(2017, 9, 19))

        kinds = list(meeting.agenda_items.values_list("kind", flat=True))
        self.assertEqual(kinds, [AgendaItem.Kind.OPEN_ITEMS_REVIEW])

    def test_bad_dates_are_refused_and_nothing_is_saved(self) -> None:
        meeting = Meeting(
            body=self.world.people.task_force,
            kind=Meeting.Kind.ANNUAL,
            title="Broken",
            slug="broken",
            year=2018,
            start_date=dt.date(2018, 12, 4),
            end_date=dt.date(2018, 12, 3),
        )
        with self.assertRaisesMessage(GovernanceError, "cannot end before it starts"):
            service.plan(meeting, self.editor)
        self.assertFalse(Meeting.objects.filter(slug="broken").exists())

    def test_only_the_secretariat_plans_meetings(self) -> None:
        with self.assertRaises(GovernanceError):
            self.plan_as(self.world.member_nrcp)
        self.assertEqual(Meeting.objects.filter(year=2017).count(), 0)

    def plan_as(self, user: object) -> Meeting:
        meeting = Meeting(
            body=self.world.people.task_force,
            kind=Meeting.Kind.ANNUAL,
            title="Task Force 2017",
            slug="task-force-2017",
            start_date=dt.date(2017, 9, 19),
            year=2017,
        )
        return service.plan(meeting, user)


class AttendanceRollTests(TestCase):
    world: World
    meeting: Meeting
    editor: User
    albania: Seat
    serbia: Seat

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.editor = cls.world.people.secretariat_editor
        cls.meeting = cls.world.task_force_meeting(dt.date(2018, 12, 4))
        cls.albania = seat_of(
            cls.world.people.task_force, NRCP, cls.world.people.albania
        )
        cls.serbia = seat_of(cls.world.people.task_force, NRCP, cls.world.people.serbia)

    def test_records_each_seat_once_and_corrects_in_place(self) -> None:
        service.record_attendance(self.meeting, self.albania, "absent", self.editor)
        service.record_attendance(self.meeting, self.albania, "present", self.editor)

        entry = Attendance.objects.get(meeting=self.meeting, seat=self.albania)
        self.assertEqual(entry.status, "present")
        self.assertNotIn(self.albania, service.missing_from_roll(self.meeting))
        self.assertIn(self.serbia, service.missing_from_roll(self.meeting))

    def test_a_seat_of_another_body_is_refused(self) -> None:
        minister = Seat.objects.get(
            definition__body=self.world.high_level_meeting,
            economy=self.world.people.albania,
        )
        with self.assertRaisesMessage(GovernanceError, "another body"):
            service.record_attendance(self.meeting, minister, "present", self.editor)
        self.assertFalse(Attendance.objects.exists())

    def test_one_person_cannot_fill_two_seats_at_once(self) -> None:
        person = Person.objects.create(given_name="Ana", family_name="Twice")
        service.record_attendance(
            self.meeting, self.albania, "present", self.editor, attendee=person
        )
        with self.assertRaisesMessage(GovernanceError, "already fills another seat"):
            service.record_attendance(
                self.meeting, self.serbia, "present", self.editor, attendee=person
            )
        self.assertFalse(Attendance.objects.filter(seat=self.serbia).exists())

    def test_an_unknown_status_is_refused(self) -> None:
        with self.assertRaises(GovernanceError):
            service.record_attendance(self.meeting, self.albania, "late", self.editor)

    def test_a_new_economy_joins_the_roll_to_fill(self) -> None:
        Economy.objects.create(code="ME", name="Montenegro", short_name="ME")
        labels = [seat.label for seat in service.missing_from_roll(self.meeting)]
        self.assertIn("National Roma Contact Point of Montenegro", labels)
