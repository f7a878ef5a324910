"""Mainstreaming, the bulletins' highlights, the publications and their sources."""

from itertools import groupby

from django.conf import settings
from django.utils.translation import gettext as _

from rihub.mainstreaming.models import Intervention, Strategy
from rihub.monograph.assembly.economies import document_entry, intervention_entry
from rihub.monograph.assembly.scope import Scope
from rihub.monograph.book import Block, heading, text
from rihub.monograph.richtext import blocks_of
from rihub.website.models import Document


def mainstreaming(scope: Scope) -> list[Block]:
    """Each strategy, its dimensions, and the interventions brought to them."""
    interventions = scope.interventions()
    blocks: list[Block] = []
    for strategy in Strategy.objects.prefetch_related("pillars__dimensions"):
        blocks.append(heading(strategy.title or strategy.name))
        if strategy.description:
            blocks.append(text(strategy.description))
        for pillar in strategy.pillars.all():
            for dimension in pillar.dimensions.all():
                brought = [i for i in interventions if i.dimension_id == dimension.pk]
                blocks.extend(dimension_blocks(str(dimension), brought))
    return blocks


def dimension_blocks(name: str, interventions: list[Intervention]) -> list[Block]:
    if not interventions:
        return []
    return [heading(name, level=2), *map(intervention_entry, interventions)]


def bulletins(scope: Scope) -> list[Block]:
    """Each bulletin under its own heading: its period, summary and editorial."""
    base = settings.WAGTAILADMIN_BASE_URL
    blocks: list[Block] = []
    for page in scope.bulletins():
        blocks += [heading(page.title), text(str(page.period))]
        blocks += [text(page.summary)] if page.summary else []
        blocks += blocks_of(page.editorial, base, top=2)
    return blocks


def compendium(scope: Scope) -> list[Block]:
    """Every publication with its summary, grouped by type."""
    documents = sorted(scope.documents(), key=lambda d: (d.document_type, d.date, d.pk))
    blocks: list[Block] = []
    for _kind, group in groupby(documents, key=lambda d: d.document_type):
        items = list(group)
        blocks.append(heading(items[0].get_document_type_display()))
        blocks.extend(map(document_entry, items))
    return blocks


def bibliography(scope: Scope) -> list[Block]:
    """One reference per publication: publisher, year, title, where to find it."""
    documents = sorted(scope.documents(), key=reference_key)
    return [reference(document) for document in documents]


def reference_key(document: Document) -> tuple[str, int, str]:
    return (document.publisher.casefold(), document.date.year, document.title)


def reference(document: Document) -> Block:
    author = document.publisher or _("Regional Cooperation Council")
    citation = f"{author} ({document.date.year}). {document.title}."
    return {
        "kind": "reference",
        "anchor": f"reference-{document.pk}",
        "text": f"{citation} {document.source}".strip(),
    }
