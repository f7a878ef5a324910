"""A project's whole life in a few records: public ones, and others never shown."""

import datetime as dt
from dataclasses import dataclass

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from rihub.bulletins import drafting
from rihub.bulletins.quarters import Quarter
from rihub.directory.models import Body
from rihub.governance.models import (
    Assessment,
    Attendance,
    Commitment,
    CommitmentStatus,
    Decision,
    Meeting,
    ProgressUpdate,
)
from rihub.governance.tests.world import World
from rihub.mainstreaming.models import Dimension, Intervention, Pillar, Strategy
from rihub.mainstreaming.services import propose, take_step
from rihub.monograph.models import Monograph
from rihub.website.tests import content

INJECTION = '#import "/etc/passwd" *bold* $x$ ] [ \\ // =" #{panic("no")}'
FOREWORD = (
    "<h3>Why this book</h3>"
    '<p>The <b>Task Force</b> met every year; see <a href="https://www.rcc.int/">'
    f"the project</a>.</p><ul><li>One</li><li>Two</li></ul><p>{INJECTION}</p>"
    '<embed embedtype="image" id="{image}" format="fullwidth" alt="A map"/>'
    "<table><caption>Meetings held</caption><tr><th>Year</th><th>Meetings</th></tr>"
    "<tr><td>2017</td><td>1</td></tr></table>"
)
# Whatever is never to reach any format of the book.
PRIVATE = [
    "Secret Task Force meeting",
    "Secret commitment",
    "Hidden intervention",
    "Unpublished report",
    "Left-out report",
    "Left-out meeting",
    "Draft news",
    "Draft bulletin",
]


@dataclass
class BookWorld:
    world: World
    monograph: Monograph

    @classmethod
    def create(cls) -> "BookWorld":
        world = World.create()
        # A live-server test empties every table, Wagtail's root collection too.
        if not Collection.get_first_root_node():
            Collection.add_root(name="Root")
        picture = Image.objects.create(title="Cover", file=get_test_image_file())
        book = cls(
            world,
            Monograph.objects.create(
                title="Roma Integration 2020: the monograph",
                subtitle="Four years of regional cooperation",
                slug="roma-integration",
                first_year=2016,
                last_year=2019,
                foreword=FOREWORD.replace("{image}", str(picture.pk)),
                cover_image=picture,
            ),
        )
        book.meetings()
        book.commitments()
        book.interventions()
        book.publications()
        return book

    def more_records(self) -> None:
        """One more of each kind of record, for counting queries as they grow."""
        area = self.world.priority_area()
        albania = self.world.people.albania
        meeting = self.world.task_force_meeting(dt.date(2019, 6, 1), place="Budva")
        Decision.objects.create(meeting=meeting, text="Another decision.")
        Commitment.objects.create(
            meeting=Meeting.objects.get(slug="launch"),
            economy=albania,
            priority_area=area,
            text="Enrol every child",
        )
        content.document("Another report", economies=[albania], priority_areas=[area])

    def meetings(self) -> None:
        tirana = self.world.task_force_meeting(
            dt.date(2017, 6, 1), title="Task Force in Tirana", place="Tirana"
        )
        Decision.objects.create(meeting=tirana, text="The work plan is agreed.")
        belgrade = self.world.task_force_meeting(
            dt.date(2018, 6, 1), title=f"Task Force {INJECTION}", place="Belgrade"
        )
        for seat, status in zip(
            self.world.task_force_seats_for_roll(),
            [Attendance.Status.PRESENT, Attendance.Status.ABSENT],
            strict=False,
        ):
            Attendance.objects.create(meeting=belgrade, seat=seat, status=status)
        secret = self.world.task_force_meeting(
            dt.date(2018, 9, 1), title="Secret Task Force meeting", published=False
        )
        Decision.objects.create(meeting=secret, text="Secret decision.")
        left_out = self.world.task_force_meeting(
            dt.date(2019, 3, 1), title="Left-out meeting"
        )
        self.monograph.left_out_meetings.add(left_out)

    def commitments(self) -> None:
        area = self.world.priority_area()
        launch = self.world.launch(place="Sofia")
        hidden = self.world.launch(
            title="Closed session", slug="closed", published=False
        )
        made = Commitment.objects.create(
            meeting=launch,
            economy=self.world.people.albania,
            priority_area=area,
            text="Register every birth",
        )
        ProgressUpdate.objects.create(
            commitment=made,
            reported_on=dt.date(2019, 5, 1),
            status=CommitmentStatus.ACHIEVED,
            evidence="Every maternity ward registers births.",
            reported_by=self.world.people.secretariat_editor,
        )
        made.status = CommitmentStatus.ACHIEVED
        made.save()
        Commitment.objects.create(
            meeting=hidden,
            economy=self.world.people.albania,
            priority_area=area,
            text="Secret commitment",
        )
        conclusion = Meeting.objects.create(
            body=self.world.high_level_meeting,
            kind=Meeting.Kind.CONCLUSION,
            title="Conclusion",
            slug="conclusion",
            start_date=dt.date(2019, 11, 20),
            year=2019,
            place="Skopje",
        )
        Assessment.objects.create(
            meeting=conclusion,
            economy=self.world.people.albania,
            achievements="Births are registered.",
            challenges="Housing lags behind.",
        )

    def interventions(self) -> None:
        committee = Body.objects.create(
            name="Programming Committee", slug="pc", kind=Body.Kind.STRATEGY_BODY
        )
        strategy = Strategy.objects.create(name="SEE 2020", slug="see2020")
        pillar = Pillar.objects.create(strategy=strategy, name="Inclusive Growth")
        dimension = Dimension.objects.create(pillar=pillar, name="Employment")
        for title, internal in [
            ("Roma in labour measures", False),
            ("Hidden intervention", True),
        ]:
            intervention = Intervention(
                title=title,
                proposal="Count Roma among the target groups.",
                dimension=dimension,
                body=committee,
                priority_area=self.world.priority_area(),
                proposed_on=dt.date(2018, 1, 10),
                internal=internal,
            )
            propose(intervention, [self.world.people.albania], self.world.member_nrcp)
            nrcp = self.world.member_nrcp
            take_step(intervention, "submitted", dt.date(2018, 5, 3), nrcp, "Letter")

    def publications(self) -> None:
        albania = [self.world.people.albania]
        content.document(
            "Regional report",
            summary="What the economies did.",
            publisher="RCC",
            economies=albania,
            priority_areas=[self.world.priority_area()],
        )
        content.document("Unpublished report", live=False, economies=albania)
        left_out = content.document("Left-out report", economies=albania)
        self.monograph.left_out_documents.add(left_out)
        content.news("Spring news", dt.date(2018, 4, 3), summary="A platform met.")
        content.draft(
            content.english(content.NewsIndexPage),
            content.NewsPage(title="Draft news", date=dt.date(2018, 5, 1)),
        )
        issue = drafting.draft(Quarter(2018, 2), today=dt.date(2018, 7, 1))
        issue.title = "Spring bulletin"
        issue.summary = "The spring in brief."
        issue.editorial = "<h3>Spring</h3><p>The Task Force met in Belgrade.</p>"
        issue.save_revision().publish()
        draft = drafting.draft(Quarter(2018, 3), today=dt.date(2018, 10, 1))
        draft.title = "Draft bulletin"
        draft.save_revision()
