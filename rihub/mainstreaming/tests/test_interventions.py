"""Recording interventions: who may, and what is refused."""

import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.test import TestCase

from rihub.directory.models import Body, Economy, Person
from rihub.governance.errors import GovernanceError
from rihub.governance.tests.world import World
from rihub.mainstreaming.models import (
    Dimension,
    Intervention,
    InterventionStep,
    Pillar,
    Strategy,
)
from rihub.mainstreaming.services import propose, take_step


class InterventionTests(TestCase):
    world: World
    committee: Body
    dimension: Dimension

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        cls.committee = Body.objects.create(
            name="Programming Committee", slug="pc", kind=Body.Kind.STRATEGY_BODY
        )
        strategy = Strategy.objects.create(name="SEE 2020", slug="see2020")
        pillar = Pillar.objects.create(strategy=strategy, name="Inclusive Growth")
        cls.dimension = Dimension.objects.create(pillar=pillar, name="Employment")

    def new(self, user: object, *economies: Economy) -> Intervention:
        intervention = Intervention(
            title="Roma in active labour market measures",
            proposal="Count Roma among the target groups of the measures.",
            dimension=self.dimension,
            body=self.committee,
            priority_area=self.world.priority_area(),
            proposed_on=dt.date(2017, 3, 1),
        )
        return propose(intervention, list(economies), user)

    def test_the_path_from_proposal_to_implementation(self) -> None:
        nrcp, albania = self.world.member_nrcp, self.world.people.albania
        intervention = self.new(nrcp, albania)
        steps = ["submitted", "discussed", "adopted", "implemented"]

        for n, status in enumerate(steps, start=1):
            take_step(intervention, status, dt.date(2017, 3 + n, 1), nrcp, "Minutes")

        intervention.refresh_from_db()
        self.assertEqual(intervention.status, "implemented")
        self.assertEqual(
            list(intervention.steps.values_list("status", flat=True)),
            ["proposed", *steps],
        )

    def test_a_skipped_step_is_refused_and_changes_nothing(self) -> None:
        intervention = self.new(self.world.member_nrcp, self.world.people.albania)

        with self.assertRaisesMessage(GovernanceError, "the next step cannot be"):
            take_step(
                intervention, "adopted", dt.date(2017, 4, 1), self.world.member_nrcp
            )

        intervention.refresh_from_db()
        self.assertEqual(intervention.status, "proposed")
        self.assertEqual(intervention.steps.count(), 1)

    def test_only_the_secretariat_steps_back_and_only_with_a_reason(self) -> None:
        editor = self.world.people.secretariat_editor
        intervention = self.new(self.world.member_nrcp, self.world.people.albania)
        take_step(intervention, "submitted", dt.date(2017, 4, 1), editor, "Letter")

        with self.assertRaises(GovernanceError):
            take_step(
                intervention, "proposed", dt.date(2017, 4, 2), self.world.member_nrcp
            )
        with self.assertRaisesMessage(GovernanceError, "Say why"):
            take_step(intervention, "proposed", dt.date(2017, 4, 2), editor)
        step = take_step(
            intervention, "proposed", dt.date(2017, 4, 2), editor, reason="Sent early"
        )

        self.assertEqual(step.reason, "Sent early")
        self.assertEqual(InterventionStep.objects.filter(status="proposed").count(), 2)

    def test_a_step_without_evidence_is_refused(self) -> None:
        intervention = self.new(self.world.member_nrcp, self.world.people.albania)
        with self.assertRaisesMessage(GovernanceError, "Give the evidence"):
            take_step(
                intervention, "submitted", dt.date(2017, 4, 1), self.world.member_nrcp
            )
        self.assertEqual(intervention.steps.count(), 1)

    def test_a_step_dated_before_the_proposal_is_refused(self) -> None:
        intervention = self.new(self.world.member_nrcp, self.world.people.albania)
        with self.assertRaisesMessage(GovernanceError, "before the proposal"):
            take_step(
                intervention, "submitted", dt.date(2016, 1, 1), self.world.member_nrcp
            )
        self.assertEqual(intervention.steps.count(), 1)

    def test_an_economy_outside_the_nrcps_scope_is_refused(self) -> None:
        people = self.world.people
        with self.assertRaisesMessage(GovernanceError, "outside your own"):
            self.new(self.world.member_nrcp, people.albania, people.serbia)
        self.assertFalse(Intervention.objects.exists())

    def test_an_nrcp_cannot_update_another_economys_intervention(self) -> None:
        people = self.world.people
        serbian = self.new(people.secretariat_editor, people.serbia)

        with self.assertRaisesMessage(GovernanceError, "your own economy"):
            take_step(serbian, "submitted", dt.date(2017, 4, 1), self.world.member_nrcp)
        serbian.refresh_from_db()
        self.assertEqual(serbian.status, "proposed")

    def test_delegates_partners_and_visitors_record_nothing(self) -> None:
        people = self.world.people
        for user in (people.delegate, people.partner, AnonymousUser()):
            with self.subTest(user=str(user)), self.assertRaises(GovernanceError):
                self.new(user, people.albania)
        self.assertFalse(Intervention.objects.exists())

    def test_a_partner_working_in_a_ministry_is_still_no_nrcp(self) -> None:
        people = self.world.people
        Person.objects.create(
            given_name="P",
            family_name="Partner",
            organisation=people.albanian_ministry,
            user=people.partner,
        )
        with self.assertRaises(GovernanceError):
            self.new(people.partner, people.albania)

    def test_the_secretariat_records_for_any_economy(self) -> None:
        people = self.world.people
        intervention = self.new(
            people.secretariat_editor, people.albania, people.serbia
        )
        self.assertEqual(intervention.economies.count(), 2)
