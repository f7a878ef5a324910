"""Recording interventions and their steps through the site's forms."""

from django.test import TestCase
from django.urls import reverse

from rihub.directory.models import Body
from rihub.governance.tests.world import World
from rihub.mainstreaming.models import Dimension, Intervention, Pillar, Strategy


class InterventionFormTests(TestCase):
    world: World
    committee: Body
    dimension: Dimension

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.committee = Body.objects.create(name="PC", slug="pc", kind="strategy_body")
        strategy = Strategy.objects.create(name="SEE 2020", slug="see2020")
        pillar = Pillar.objects.create(strategy=strategy, name="Inclusive Growth")
        cls.dimension = Dimension.objects.create(pillar=pillar, name="Employment")

    def form(self, *economies: int) -> dict[str, object]:
        return {
            "title": "Roma in labour market measures",
            "proposal": "Count Roma among the target groups.",
            "dimension": self.dimension.pk,
            "body": self.committee.pk,
            "priority_area": self.world.priority_area().pk,
            "proposed_on": "2017-03-01",
            "economies": list(economies),
        }

    def test_an_nrcp_records_one_for_their_economy_and_takes_a_step(self) -> None:
        self.client.force_login(self.world.member_nrcp)
        albania = self.world.people.albania.pk

        created = self.client.post(
            reverse("mainstreaming:record-intervention"), self.form(albania)
        )
        intervention = Intervention.objects.get()
        stepped = self.client.post(
            reverse("mainstreaming:record-step", args=[intervention.pk]),
            {"status": "submitted", "taken_on": "2017-04-01", "evidence": "Letter"},
        )

        self.assertEqual(created.status_code, 302)
        self.assertEqual(stepped.status_code, 302)
        intervention.refresh_from_db()
        self.assertEqual(intervention.status, "submitted")

    def test_another_economy_is_not_on_offer(self) -> None:
        self.client.force_login(self.world.member_nrcp)
        serbia = self.world.people.serbia.pk

        response = self.client.post(
            reverse("mainstreaming:record-intervention"), self.form(serbia)
        )

        self.assertContains(response, "Please correct the fields marked below.")
        self.assertFalse(Intervention.objects.exists())

    def test_a_step_back_by_an_nrcp_is_explained_and_changes_nothing(self) -> None:
        self.client.force_login(self.world.member_nrcp)
        self.client.post(
            reverse("mainstreaming:record-intervention"),
            self.form(self.world.people.albania.pk),
        )
        intervention = Intervention.objects.get()

        response = self.client.post(
            reverse("mainstreaming:record-step", args=[intervention.pk]),
            {"status": "adopted", "taken_on": "2017-04-01"},
        )

        self.assertContains(response, "the next step cannot be")
        self.assertEqual(intervention.steps.count(), 1)

    def test_delegates_are_refused_and_visitors_sent_to_sign_in(self) -> None:
        url = reverse("mainstreaming:record-intervention")
        visitor = self.client.post(url, self.form(self.world.people.albania.pk))
        self.client.force_login(self.world.people.delegate)
        delegate = self.client.post(url, self.form(self.world.people.albania.pk))

        self.assertEqual(visitor.status_code, 302)
        self.assertEqual(delegate.status_code, 403)
        self.assertFalse(Intervention.objects.exists())
