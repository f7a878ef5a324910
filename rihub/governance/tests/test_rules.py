"""The governance rules, shown as warnings to the secretariat."""

import datetime as dt

from django.test import TestCase

from rihub.directory.models import Project
from rihub.directory.services import seat_of
from rihub.governance.models import Meeting
from rihub.governance.services import meetings, rules
from rihub.governance.tests.world import NRCP, World


def rule_names(found: list[rules.RuleWarning]) -> list[str]:
    return [warning.rule for warning in found]


class RuleTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        project = Project.load()
        project.first_year, project.last_year = 2016, 2018
        project.save()

    def hlm(self, kind: str, year: int) -> Meeting:
        return Meeting.objects.create(
            body=self.world.high_level_meeting,
            kind=kind,
            title=f"{kind} {year}",
            slug=f"{kind}-{year}",
            year=year,
        )

    def test_launch_and_conclusion_are_each_expected_once(self) -> None:
        self.assertEqual(len(rules.high_level_meeting_warnings()), 2)

        self.hlm(Meeting.Kind.LAUNCH, 2016)
        self.hlm(Meeting.Kind.CONCLUSION, 2019)
        self.assertEqual(rules.high_level_meeting_warnings(), [])

        self.hlm(Meeting.Kind.CONCLUSION, 2020)
        found = rules.high_level_meeting_warnings()
        self.assertEqual(len(found), 1)
        self.assertIn("2 conclusion meetings", found[0].message)

    def test_a_project_year_without_a_task_force_meeting_is_flagged(self) -> None:
        self.world.task_force_meeting(dt.date(2016, 11, 9))
        self.world.task_force_meeting(dt.date(2018, 12, 4))

        found = rules.task_force_warnings(Project.load())

        self.assertEqual(len(found), 1)
        self.assertIn("2017", found[0].message)

    def test_a_held_meeting_with_an_incomplete_roll_is_flagged(self) -> None:
        meeting = self.world.task_force_meeting(dt.date(2018, 12, 4), status="held")
        self.assertEqual(rule_names(rules.roll_warnings()), ["roll-covers-every-seat"])

        editor = self.world.people.secretariat_editor
        for seat in meetings.missing_from_roll(meeting):
            meetings.record_attendance(meeting, seat, "excused", editor)
        self.assertEqual(rules.roll_warnings(), [])

    def test_a_held_meeting_below_its_quorum_is_flagged(self) -> None:
        task_force = self.world.people.task_force
        task_force.quorum = 2
        task_force.save()
        meeting = self.world.task_force_meeting(dt.date(2018, 12, 4), status="held")
        editor = self.world.people.secretariat_editor
        albania = seat_of(task_force, NRCP, self.world.people.albania)
        meetings.record_attendance(meeting, albania, "present", editor)

        self.assertEqual(rule_names(rules.quorum_warnings()), ["quorum"])

        serbia = seat_of(task_force, NRCP, self.world.people.serbia)
        meetings.record_attendance(meeting, serbia, "substitute", editor)
        self.assertEqual(rules.quorum_warnings(), [])
