"""Attendance across the meeting series, per seat and per economy."""

import datetime as dt

from django.test import TestCase
from django.urls import reverse

from rihub.directory.services import seat_of
from rihub.governance.services.history import attendance_history
from rihub.governance.services.meetings import record_attendance
from rihub.governance.tests.world import NRCP, World


class AttendanceHistoryTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        people = cls.world.people
        editor = people.secretariat_editor
        albania = seat_of(people.task_force, NRCP, people.albania)
        serbia = seat_of(people.task_force, NRCP, people.serbia)
        first = cls.world.task_force_meeting(dt.date(2016, 11, 9))
        second = cls.world.task_force_meeting(dt.date(2017, 9, 19))
        record_attendance(first, albania, "present", editor)
        record_attendance(second, albania, "absent", editor)
        record_attendance(first, serbia, "substitute", editor)
        record_attendance(second, serbia, "present", editor)

    def test_each_seat_has_its_status_per_meeting_in_order(self) -> None:
        history = attendance_history(self.world.people.task_force)
        rows = {row.seat.label: row.statuses for row in history.seats}

        self.assertEqual(
            [m.title for m in history.meetings], ["Task Force 2016", "Task Force 2017"]
        )
        self.assertEqual(
            rows["National Roma Contact Point of Albania"], ["present", "absent"]
        )
        self.assertEqual(rows["European Commission"], ["", ""])

    def test_each_economy_has_its_share_of_seats_filled(self) -> None:
        history = attendance_history(self.world.people.task_force)
        shares = {
            row.economy.code: (row.attended, row.recorded, row.share)
            for row in history.economies
        }
        self.assertEqual(shares, {"AL": (1, 2, 50), "RS": (2, 2, 100)})

    def test_the_secretariat_sees_the_history_and_nobody_else(self) -> None:
        url = reverse("governance-attendance", args=["task-force"])
        self.client.force_login(self.world.people.secretariat_editor)
        page = self.client.get(url)
        self.assertContains(page, "50%")
        self.assertContains(page, "Represented by a substitute")

        self.client.force_login(self.world.people.delegate)
        refused = self.client.get(url)
        self.assertEqual(refused["Location"], reverse("wagtailadmin_home"))
