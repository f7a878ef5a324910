"""A quarter's draft holds what happened in that quarter, and nothing else."""

import datetime as dt
from io import StringIO

from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import TestCase

from rihub.bulletins import drafting
from rihub.bulletins.models import BulletinPage
from rihub.bulletins.quarters import Quarter
from rihub.directory.models import Body
from rihub.governance.models import (
    Activity,
    Commitment,
    CommitmentStatus,
    Decision,
    Meeting,
    ProgressUpdate,
    WorkStatus,
)
from rihub.governance.services import minutes
from rihub.governance.tests.world import World
from rihub.mainstreaming.models import Dimension, Intervention, Pillar, Strategy
from rihub.mainstreaming.services import propose, take_step
from rihub.website.models import EventPage
from rihub.website.tests import content

Q2 = Quarter(2018, 2)
AFTER = dt.date(2019, 1, 15)  # the day the draft is made: Q2's due items are past


def drafted_items(page: BulletinPage) -> dict[str, list[str]]:
    """Each section's heading, with the titles of its items."""
    return {
        block.value["heading"]: [item["title"] for item in block.value["items"]]
        for block in page.body
    }


def all_titles(page: BulletinPage) -> set[str]:
    return {title for titles in drafted_items(page).values() for title in titles}


class QuarterWorld:
    """Records in the first three quarters of 2018: public and not."""

    @staticmethod
    def create() -> World:
        world = World.create()
        editor = world.people.secretariat_editor
        QuarterWorld.news_and_documents()
        QuarterWorld.meetings(world, editor)
        QuarterWorld.commitments(world, editor)
        QuarterWorld.interventions(world)
        return world

    @staticmethod
    def news_and_documents() -> None:
        content.news("Winter news", dt.date(2018, 3, 31))
        content.news("Spring news", dt.date(2018, 4, 1))
        content.news("Summer news", dt.date(2018, 7, 1))
        content.draft(
            content.english(content.NewsIndexPage),
            content.NewsPage(title="Draft news", date=dt.date(2018, 5, 1)),
        )
        content.document("Spring report", date=dt.date(2018, 6, 30), publisher="RCC")
        content.document("Unpublished report", date=dt.date(2018, 5, 1), live=False)
        content.document("Summer report", date=dt.date(2018, 7, 2))

    @staticmethod
    def meetings(world: World, editor: User) -> None:
        march = world.task_force_meeting(
            dt.date(2018, 3, 10), title="March meeting", published=True
        )
        Decision.objects.create(meeting=march, text="The work plan is agreed.")
        record = minutes.draft(march, "Minutes of March.", editor)
        minutes.circulate(record, dt.date(2018, 4, 1), editor)
        minutes.adopt(record, dt.date(2018, 4, 20), editor)

        held = world.task_force_meeting(
            dt.date(2018, 5, 14),
            title="May meeting",
            published=True,
            status=Meeting.Status.HELD,
        )
        content.event("May meeting in Tirana", dt.date(2018, 5, 14), meeting=held)
        world.task_force_meeting(
            dt.date(2018, 6, 5),
            title="June extraordinary meeting",
            published=True,
            status=Meeting.Status.HELD,
        )
        world.task_force_meeting(
            dt.date(2018, 6, 6),
            title="Unpublished June meeting",
            status=Meeting.Status.HELD,
            published=False,
        )
        world.task_force_meeting(
            dt.date(2018, 9, 20), title="September meeting", published=True
        )
        for title, due, status in [
            ("Map civil registration gaps", dt.date(2018, 5, 1), WorkStatus.DONE),
            ("Train municipal mediators", dt.date(2018, 6, 1), WorkStatus.OPEN),
            ("Autumn study visit", dt.date(2018, 8, 1), WorkStatus.OPEN),
        ]:
            Activity.objects.create(
                meeting=march, title=title, due_date=due, status=status
            )

    @staticmethod
    def commitments(world: World, editor: User) -> None:
        launch = world.launch(published=True)
        commitment = Commitment.objects.create(
            meeting=launch,
            economy=world.people.albania,
            priority_area=world.priority_area(),
            text="Register every birth",
        )
        for day, status in [
            (dt.date(2018, 2, 1), CommitmentStatus.ON_TRACK),
            (dt.date(2018, 4, 2), CommitmentStatus.DELAYED),
            (dt.date(2018, 6, 2), CommitmentStatus.ACHIEVED),
        ]:
            ProgressUpdate.objects.create(
                commitment=commitment,
                reported_on=day,
                status=status,
                evidence=f"Report of {day}",
                reported_by=editor,
            )

    @staticmethod
    def interventions(world: World) -> None:
        committee = Body.objects.create(
            name="Programming Committee", slug="pc", kind=Body.Kind.STRATEGY_BODY
        )
        strategy = Strategy.objects.create(name="SEE 2020", slug="see2020")
        pillar = Pillar.objects.create(strategy=strategy, name="Inclusive Growth")
        dimension = Dimension.objects.create(pillar=pillar, name="Employment")
        nrcp = world.member_nrcp
        for title, internal in [("Roma in labour measures", False), ("Hidden", True)]:
            intervention = Intervention(
                title=title,
                proposal="Count Roma among the target groups.",
                dimension=dimension,
                body=committee,
                priority_area=world.priority_area(),
                proposed_on=dt.date(2018, 1, 10),
                internal=internal,
            )
            propose(intervention, [world.people.albania], nrcp)
            take_step(intervention, "submitted", dt.date(2018, 5, 3), nrcp, "Letter")


class DraftTests(TestCase):
    page: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        QuarterWorld.create()
        cls.page = drafting.draft(Q2, today=AFTER)

    def test_each_section_holds_the_quarters_records(self) -> None:
        self.assertEqual(
            drafted_items(self.page),
            {
                "News": ["Spring news"],
                "Events and meetings": [
                    "May meeting in Tirana",
                    "June extraordinary meeting",
                ],
                "Minutes and decisions": ["Minutes of March meeting adopted"],
                "Progress on commitments": ["Register every birth"],
                "Mainstreaming in SEE 2020": ["Roma in labour measures"],
                "New documents and publications": ["Spring report"],
                "Implementation of the work plan": [
                    "Map civil registration gaps",
                    "Train municipal mediators",
                ],
                "Coming next quarter": ["September meeting"],
            },
        )

    def test_nothing_from_outside_the_quarter_or_private(self) -> None:
        titles = all_titles(self.page)

        for outside in [
            "Winter news",
            "Summer news",
            "Draft news",
            "Summer report",
            "Unpublished report",
            "March meeting",
            "May meeting",
            "Unpublished June meeting",
            "Hidden",
            "Autumn study visit",
        ]:
            with self.subTest(outside=outside):
                self.assertNotIn(outside, titles)

    def test_items_carry_their_dates_details_and_links(self) -> None:
        sections = {block.value["heading"]: block.value for block in self.page.body}

        commitment = sections["Progress on commitments"]["items"][0]
        self.assertEqual(commitment["date"], dt.date(2018, 6, 2))
        self.assertEqual(commitment["meta"], "Albania · Achieved")
        self.assertEqual(commitment["summary"], "Report of 2018-06-02")
        minutes_item = sections["Minutes and decisions"]["items"][0]
        self.assertEqual(minutes_item["summary"], "The work plan is agreed.")
        event = EventPage.objects.get(title="May meeting in Tirana")
        self.assertEqual(sections["Events and meetings"]["items"][0]["link"], event.url)
        work = sections["Implementation of the work plan"]
        self.assertIn("1 done, 1 late, 0 open", work["intro"].source)
        self.assertEqual([item["meta"] for item in work["items"]], ["Done", "Late"])

    def test_the_draft_is_an_unpublished_page_of_the_archive(self) -> None:
        self.assertFalse(self.page.live)
        self.assertEqual(self.page.get_parent().slug, "bulletin")
        self.assertEqual(self.page.slug, "2018-q2")
        self.assertEqual(self.page.title, "Bulletin April–June 2018")
        self.assertEqual(self.client.get("/bulletin/2018-q2/").status_code, 404)

    def test_a_quarter_with_a_bulletin_is_refused_and_kept(self) -> None:
        with self.assertRaisesMessage(drafting.DraftRefused, "has a bulletin already"):
            drafting.draft(Q2, today=AFTER)

        self.assertEqual(BulletinPage.objects.count(), 1)


class DraftCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        QuarterWorld.create()

    def test_the_command_drafts_the_quarter_and_says_where_to_edit_it(self) -> None:
        out = StringIO()

        call_command("draft_bulletin", "2018-q3", stdout=out)

        page = BulletinPage.objects.get()
        self.assertEqual((page.year, page.quarter), (2018, 3))
        self.assertIn(f"/admin/pages/{page.pk}/edit/", out.getvalue())
        self.assertIn("Summer news", all_titles(page))

    def test_a_malformed_quarter_is_refused_with_its_form(self) -> None:
        with self.assertRaisesMessage(CommandError, "write it as 2018-Q2"):
            call_command("draft_bulletin", "2018-Q5")

        self.assertFalse(BulletinPage.objects.exists())

    def test_an_empty_quarter_gives_an_empty_draft(self) -> None:
        call_command("draft_bulletin", "2030-Q1", stdout=StringIO())

        self.assertEqual(drafted_items(BulletinPage.objects.get()), {})
