"""The matrix's numbers, against a fixture counted by hand."""

import datetime as dt

from django.test import TestCase

from rihub.directory.models import Body, Economy, PriorityArea
from rihub.governance.tests.world import World
from rihub.mainstreaming import matrix
from rihub.mainstreaming.models import Dimension, Intervention, Pillar, Strategy
from rihub.mainstreaming.services import propose, take_step


class MatrixTests(TestCase):
    """Employment x Albania: 2 (adopted furthest); Employment x Serbia: 1
    (discussed); Health x Serbia: 1 (withdrawn); the internal one counts only
    when asked for."""

    world: World
    strategy: Strategy
    employment: Dimension
    health: Dimension

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.create()
        people = cls.world.people
        editor = people.secretariat_editor
        committee = Body.objects.create(name="PC", slug="pc", kind="strategy_body")
        cls.strategy = Strategy.objects.create(name="SEE 2020", slug="see2020")
        pillar = Pillar.objects.create(strategy=cls.strategy, name="Inclusive Growth")
        cls.employment = Dimension.objects.create(pillar=pillar, name="Employment")
        cls.health = Dimension.objects.create(pillar=pillar, name="Health")
        housing = PriorityArea.objects.create(slug="housing", name="Housing")

        def record(dimension, economies, steps, internal=False, area=None):
            intervention = propose(
                Intervention(
                    title="I",
                    proposal="P",
                    dimension=dimension,
                    body=committee,
                    priority_area=area or cls.world.priority_area(),
                    proposed_on=dt.date(2017, 1, 1),
                    internal=internal,
                ),
                economies,
                editor,
            )
            for n, status in enumerate(steps, start=1):
                take_step(intervention, status, dt.date(2017, 1 + n, 1), editor, "M")

        both = [people.albania, people.serbia]
        record(cls.employment, [people.albania], ["submitted", "discussed", "adopted"])
        record(cls.employment, both, ["submitted", "discussed"])
        record(cls.health, [people.serbia], ["withdrawn"], area=housing)
        record(cls.health, [people.albania], ["submitted"], internal=True)

    def test_counts_and_furthest_status_per_dimension_and_economy(self) -> None:
        people = self.world.people
        grid = matrix.by_economy(self.strategy, Intervention.objects.public())

        def cell(dimension: Dimension, economy: Economy) -> tuple[int, str]:
            found = grid.cell(dimension, economy)
            return found.count, found.furthest

        self.assertEqual(cell(self.employment, people.albania), (2, "adopted"))
        self.assertEqual(cell(self.employment, people.serbia), (1, "discussed"))
        self.assertEqual(cell(self.health, people.serbia), (1, "withdrawn"))
        self.assertEqual(cell(self.health, people.albania), (0, ""))

    def test_internal_interventions_count_only_inside(self) -> None:
        people = self.world.people
        grid = matrix.by_economy(self.strategy, Intervention.objects.all())
        self.assertEqual(grid.cell(self.health, people.albania).count, 1)

    def test_counts_per_priority_area(self) -> None:
        grid = matrix.by_priority_area(self.strategy, Intervention.objects.public())
        housing = PriorityArea.objects.get(slug="housing")
        civil = self.world.priority_area()
        self.assertEqual(grid.cell(self.health, housing).count, 1)
        self.assertEqual(grid.cell(self.employment, civil).count, 2)
