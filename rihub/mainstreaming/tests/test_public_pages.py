"""The public matrix, dimension and intervention pages, and the exports."""

import csv
import datetime as dt
import io

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from wagtail.documents.models import Document

from rihub.directory.models import Body
from rihub.governance.models import Decision
from rihub.governance.tests.world import World
from rihub.mainstreaming.models import Dimension, Intervention, Pillar, Strategy
from rihub.mainstreaming.services import propose, take_step


class PublicMainstreamingTests(TestCase):
    world: World
    dimension: Dimension
    shown: Intervention
    hidden: Intervention

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        editor = cls.world.people.secretariat_editor
        committee = Body.objects.create(name="PC", slug="pc", kind="strategy_body")
        strategy = Strategy.objects.create(name="SEE 2020", slug="see2020")
        pillar = Pillar.objects.create(strategy=strategy, name="Inclusive Growth")
        cls.dimension = Dimension.objects.create(pillar=pillar, name="Employment")

        def record(title: str, internal: bool) -> Intervention:
            return propose(
                Intervention(
                    title=title,
                    proposal="P",
                    dimension=cls.dimension,
                    body=committee,
                    priority_area=cls.world.priority_area(),
                    proposed_on=dt.date(2017, 1, 1),
                    internal=internal,
                ),
                [cls.world.people.albania],
                editor,
            )

        cls.shown = record("Roma in labour market measures", internal=False)
        take_step(cls.shown, "submitted", dt.date(2017, 2, 1), editor, "Letter")
        cls.hidden = record("Confidential negotiating position", internal=True)

    def pages(self) -> dict[str, str]:
        return {
            "matrix": reverse("mainstreaming:matrix", args=["see2020"]),
            "by area": reverse("mainstreaming:matrix", args=["see2020"]) + "?by=area",
            "dimension": reverse(
                "mainstreaming:dimension-detail", args=["see2020", self.dimension.pk]
            ),
            "csv": reverse("mainstreaming:export-csv", args=["see2020"]),
            "json": reverse("mainstreaming:export-json", args=["see2020"]),
            "api": "/api/v1/interventions",
            "index": reverse("mainstreaming:strategy-list"),
        }

    def test_internal_interventions_are_never_public(self) -> None:
        for name, path in self.pages().items():
            with self.subTest(page=name):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(b"Confidential negotiating position", response.content)
        hidden = reverse("mainstreaming:intervention-detail", args=[self.hidden.pk])
        self.assertEqual(self.client.get(hidden).status_code, 404)

    def test_the_matrix_counts_public_interventions(self) -> None:
        response = self.client.get(self.pages()["matrix"])
        self.assertContains(response, '1 <span class="muted">(submitted)</span>')

    def test_the_matrix_page_has_the_status_chart_with_its_text(self) -> None:
        response = self.client.get(self.pages()["matrix"])
        self.assertContains(response, 'role="img"')
        self.assertContains(response, "Submitted: 1; Discussed: 0")

    def test_the_dimension_timeline_and_the_intervention_page(self) -> None:
        timeline = self.client.get(self.pages()["dimension"])
        page = self.client.get(
            reverse("mainstreaming:intervention-detail", args=[self.shown.pk])
        )
        self.assertContains(timeline, "Roma in labour market measures")
        self.assertContains(timeline, "1 February 2017")
        self.assertContains(page, "Letter")

    def test_the_decision_it_stems_from_shows_it_on_its_meeting(self) -> None:
        meeting = self.world.task_force_meeting(dt.date(2016, 11, 9))
        decision = Decision.objects.create(meeting=meeting, text="Bring in jobs")
        Intervention.objects.filter(pk__in=[self.shown.pk, self.hidden.pk]).update(
            decision=decision
        )

        page = self.client.get(meeting.get_absolute_url())

        self.assertContains(page, "Brought into the strategy")
        self.assertContains(page, "Roma in labour market measures")
        self.assertNotContains(page, "Confidential negotiating position")

    def test_the_intervention_page_links_its_origin_and_documents(self) -> None:
        meeting = self.world.task_force_meeting(dt.date(2016, 11, 9))
        decision = Decision.objects.create(meeting=meeting, text="Bring in jobs")
        document = Document.objects.create(
            title="Programming document 2017",
            file=ContentFile(b"%PDF-1.4 test", name="programming.pdf"),
        )
        Intervention.objects.filter(pk=self.shown.pk).update(decision=decision)
        self.shown.documents.add(document)

        page = self.client.get(
            reverse("mainstreaming:intervention-detail", args=[self.shown.pk])
        )

        self.assertContains(page, "Programming document 2017")
        self.assertContains(page, f'href="{meeting.get_absolute_url()}"')

    def test_the_exports_carry_the_public_interventions(self) -> None:
        rows = list(
            csv.DictReader(
                io.StringIO(self.client.get(self.pages()["csv"]).content.decode())
            )
        )
        data = self.client.get(self.pages()["json"]).json()

        self.assertEqual(
            [row["title"] for row in rows], ["Roma in labour market measures"]
        )
        self.assertEqual(rows[0]["economies"], "AL")
        self.assertEqual(len(data["interventions"]), 1)
        api = self.client.get("/api/v1/interventions").json()
        self.assertEqual(
            [item["title"] for item in api], ["Roma in labour market measures"]
        )
