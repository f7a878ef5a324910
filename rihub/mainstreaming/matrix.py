"""The matrix of a strategy's dimensions by economies (or priority areas)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from rihub.directory.models import Economy, PriorityArea
from rihub.mainstreaming.lifecycle import progress
from rihub.mainstreaming.models import Dimension, Intervention, Strategy


@dataclass
class Cell:
    count: int = 0
    furthest: str = ""  # the status furthest along the path, "" when empty

    def add(self, status: str) -> None:
        self.count += 1
        if not self.furthest or progress(status) > progress(self.furthest):
            self.furthest = status


@dataclass
class Matrix:
    dimensions: list[Dimension]
    columns: list[Economy] | list[PriorityArea]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)

    def cell(self, dimension: Dimension, column: Economy | PriorityArea) -> Cell:
        return self.cells.get((dimension.pk, column.pk), Cell())

    def rows(self) -> list[tuple[Dimension, list[Cell]]]:
        return [(d, [self.cell(d, c) for c in self.columns]) for d in self.dimensions]


def by_economy(strategy: Strategy, interventions: QuerySet[Intervention]) -> Matrix:
    """Count each intervention once in every economy it concerns."""
    found = interventions.filter(dimension__pillar__strategy=strategy).values_list(
        "dimension_id", "economies__id", "status"
    )
    return build(strategy, list(Economy.objects.all()), found)


def by_priority_area(
    strategy: Strategy, interventions: QuerySet[Intervention]
) -> Matrix:
    found = interventions.filter(dimension__pillar__strategy=strategy).values_list(
        "dimension_id", "priority_area_id", "status"
    )
    return build(strategy, list(PriorityArea.objects.all()), found)


def build(
    strategy: Strategy,
    columns: list[Economy] | list[PriorityArea],
    found: object,
) -> Matrix:
    dimensions = list(
        Dimension.objects.filter(pillar__strategy=strategy).select_related("pillar")
    )
    cells: dict[tuple[int, int], Cell] = defaultdict(Cell)
    for dimension_id, column_id, status in found:  # type: ignore[attr-defined]
        cells[(dimension_id, column_id)].add(status)
    return Matrix(dimensions, columns, dict(cells))
