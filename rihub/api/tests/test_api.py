"""The read API shows what is published, and never a draft."""

import datetime as dt

from django.test import TestCase

from rihub.governance.models import Commitment
from rihub.governance.services import minutes
from rihub.governance.tests.world import World

DRAFT = "## Opening\nA sentence still under discussion."
ADOPTED = "## Opening\nThe Task Force adopted its Rules of Procedure."


class ReadApiTests(TestCase):
    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        editor = cls.world.people.secretariat_editor
        adopted = cls.world.task_force_meeting(dt.date(2016, 11, 9))
        record = minutes.draft(adopted, ADOPTED, editor)
        minutes.circulate(record, dt.date(2016, 12, 1), editor)
        minutes.adopt(record, dt.date(2016, 12, 20), editor)
        drafted = cls.world.task_force_meeting(dt.date(2017, 9, 19))
        record = minutes.draft(drafted, DRAFT, editor)
        minutes.circulate(record, dt.date(2017, 10, 1), editor)
        cls.world.task_force_meeting(
            dt.date(2018, 12, 4), title="Unpublished meeting", published=False
        )
        launch = cls.world.launch()
        Commitment.objects.create(
            meeting=launch,
            economy=cls.world.people.albania,
            text="Register every child",
            priority_area=cls.world.priority_area(),
        )

    def test_meetings_are_listed_without_unpublished_ones(self) -> None:
        titles = [m["title"] for m in self.client.get("/api/v1/meetings").json()]
        self.assertIn("Task Force 2016", titles)
        self.assertNotIn("Unpublished meeting", titles)

    def test_adopted_minutes_are_given_and_drafts_never(self) -> None:
        adopted = self.client.get("/api/v1/meetings/task-force-2016-11-09").json()
        drafted = self.client.get("/api/v1/meetings/task-force-2017-09-19")

        self.assertIn("adopted its Rules of Procedure", adopted["minutes"])
        self.assertIsNone(drafted.json()["minutes"])
        self.assertNotIn(b"still under discussion", drafted.content)

    def test_an_unpublished_meeting_is_not_found(self) -> None:
        response = self.client.get("/api/v1/meetings/task-force-2018-12-04")
        self.assertEqual(response.status_code, 404)

    def test_commitments_filter_by_economy(self) -> None:
        albania = self.client.get("/api/v1/commitments", {"economy": "AL"}).json()
        serbia = self.client.get("/api/v1/commitments", {"economy": "RS"}).json()
        self.assertEqual([c["text"] for c in albania], ["Register every child"])
        self.assertEqual(serbia, [])

    def test_the_openapi_schema_describes_the_api(self) -> None:
        schema = self.client.get("/api/v1/openapi.json").json()
        self.assertIn("/api/v1/meetings/{slug}", schema["paths"])
        self.assertIn("/api/v1/commitments", schema["paths"])
