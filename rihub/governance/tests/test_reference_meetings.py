"""The project's known meetings, loaded from the reference data."""

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from rihub.directory.models import Project
from rihub.governance.models import Decision, Meeting
from rihub.governance.services import rules


class ReferenceMeetingsTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        reference = str(settings.RIHUB_REFERENCE_DATA)
        call_command("load_reference_data", reference, verbosity=0)

    def test_the_task_force_met_every_year_of_the_project(self) -> None:
        years = Meeting.objects.filter(body__reference_key="task-force").values_list(
            "year", flat=True
        )
        self.assertEqual(sorted(years), [2016, 2017, 2018, 2019, 2020])
        self.assertEqual(rules.task_force_warnings(Project.load()), [])

    def test_unknown_details_stay_empty(self) -> None:
        fourth = Meeting.objects.get(reference_key="task-force-2019")
        self.assertIsNone(fourth.start_date)
        self.assertEqual(fourth.place, "")
        self.assertEqual(fourth.status, Meeting.Status.HELD)

    def test_the_first_meetings_decisions_are_recorded(self) -> None:
        first = Meeting.objects.get(reference_key="task-force-2016")
        texts = list(
            Decision.objects.filter(meeting=first).values_list("text", flat=True)
        )
        self.assertEqual(len(texts), 4)
        self.assertIn("Rules of Procedure of the Task Force adopted.", texts)

    def test_the_missing_launch_and_conclusion_meetings_are_flagged(self) -> None:
        found = rules.high_level_meeting_warnings()
        self.assertEqual(len(found), 2)
