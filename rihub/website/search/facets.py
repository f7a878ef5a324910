"""Count the results by each filter, one query per filter, as links to narrow them."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import TextChoices
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Economy, PriorityArea
from rihub.website.models import DocumentType, Level
from rihub.website.search.models import Kind

# For each counted value: its key among the counts, its value in the address,
# and its label.
Choice = tuple[str, str, str]


@dataclass(frozen=True)
class Option:
    label: str
    count: int
    url: str
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    options: list[Option]
    clear_url: str


@dataclass(frozen=True)
class FacetSpec:
    param: str
    field: str
    label: Promise
    choices: Callable[[set[str]], list[Choice]]


def fixed(choices: type[TextChoices]) -> Callable[[set[str]], list[Choice]]:
    return lambda keys: [
        (v, v, str(label)) for v, label in choices.choices if v in keys
    ]


def economies(keys: set[str]) -> list[Choice]:
    found = Economy.objects.filter(pk__in=numbers(keys))
    return [(str(economy.pk), economy.code, economy.name) for economy in found]


def priority_areas(keys: set[str]) -> list[Choice]:
    found = PriorityArea.objects.filter(pk__in=numbers(keys))
    return [(str(area.pk), area.slug, area.name) for area in found]


def years(keys: set[str]) -> list[Choice]:
    return [(year, year, year) for year in sorted(keys, reverse=True)]


def languages(keys: set[str]) -> list[Choice]:
    known = settings.RIHUB_DOCUMENT_LANGUAGES
    return [(code, code, str(name)) for code, name in known if code in keys]


def numbers(keys: Iterable[str]) -> list[int]:
    return [int(key) for key in keys if key.isdigit()]


FACETS = [
    FacetSpec("kind", "kind", _("Kind"), fixed(Kind)),
    FacetSpec("type", "document_type", _("Document type"), fixed(DocumentType)),
    FacetSpec("level", "level", _("Level"), fixed(Level)),
    FacetSpec("economy", "economies", _("Economy"), economies),
    FacetSpec("area", "priority_areas", _("Priority area"), priority_areas),
    FacetSpec("year", "year", _("Year"), years),
    FacetSpec("language", "language", _("Language"), languages),
]


def facets(
    counts: dict[str, Counter[str]], params: QueryDict, chosen: dict[str, str]
) -> list[Facet]:
    """Every filter with the values found among the results, and their counts."""
    return [facet(spec, counts[spec.field], params, chosen) for spec in FACETS]


def facet(
    spec: FacetSpec,
    counts: Counter[str],
    params: QueryDict,
    chosen: dict[str, str],
) -> Facet:
    options = [
        Option(
            label=label,
            count=counts[key],
            url=address(params, **{spec.param: value}),
            selected=chosen.get(spec.param) == value,
        )
        for key, value, label in spec.choices(set(counts))
    ]
    return Facet(
        param=spec.param,
        label=str(spec.label),
        options=options,
        clear_url=address(params, **{spec.param: None}),
    )


def address(params: QueryDict, **changes: str | None) -> str:
    """This search's address with some parameters changed, from its first page."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return f"?{query.urlencode()}"
