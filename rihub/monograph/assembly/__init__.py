"""Put the monograph together from the platform's public records.

1. Read each included chapter, in the book's own order, through one Scope.
2. Give each economy a chapter of its own, in the directory's order.
3. Add the front matter: title, period, foreword, labels for the formats.
"""

from collections.abc import Callable

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override

from rihub.directory.models import Economy
from rihub.monograph.assembly import assessment, governance, publications
from rihub.monograph.assembly.economies import EconomyRecords
from rihub.monograph.assembly.scope import Scope
from rihub.monograph.book import Block, Book, chapter
from rihub.monograph.chapters import Chapter
from rihub.monograph.models import Monograph
from rihub.monograph.rendering.cover import cover_of
from rihub.monograph.richtext import blocks_of
from rihub.website.linked_data import PUBLISHER_NAME

Reader = Callable[[Scope], list[Block]]

READERS: dict[Chapter, Reader] = {
    Chapter.GOVERNANCE: governance.project_and_governance,
    Chapter.COOPERATION: governance.cooperation,
    Chapter.MAINSTREAMING: publications.mainstreaming,
    Chapter.BULLETINS: publications.bulletins,
    Chapter.PUBLICATIONS: publications.compendium,
    Chapter.ASSESSMENT: assessment.assessment,
    Chapter.ANNEXES: assessment.annexes,
    Chapter.BIBLIOGRAPHY: publications.bibliography,
    Chapter.INDEX: lambda scope: [],
}


def assemble(monograph: Monograph) -> Book:
    with override(monograph.language):
        scope = Scope(monograph)
        return front_matter(monograph) | {"chapters": chapters(scope)}


def chapters(scope: Scope) -> list[Block]:
    parts: list[Block] = []
    for key in Chapter:
        if not scope.monograph.includes(key):
            continue
        if key == Chapter.ECONOMIES:
            parts.extend(economy_chapters(scope))
        else:
            parts.append(chapter(key.value, str(key.label), READERS[key](scope)))
    return parts


def economy_chapters(scope: Scope) -> list[Block]:
    records = EconomyRecords(scope)
    return [
        chapter(
            f"economy-{economy.code.lower()}", economy.name, records.blocks(economy)
        )
        for economy in Economy.objects.all()
    ]


def front_matter(monograph: Monograph) -> Book:
    base = settings.WAGTAILADMIN_BASE_URL
    period = f"{monograph.first_year}–{monograph.last_year}"
    return {
        "title": monograph.title,
        "subtitle": monograph.subtitle,
        "period": period,
        "lang": monograph.language,
        "publisher": PUBLISHER_NAME,
        "year": monograph.last_year,
        "cover": cover_of(monograph.cover_image),
        "foreword": blocks_of(monograph.foreword, base),
        "labels": {
            "foreword": _("Foreword"),
            "contents": _("Contents"),
            "index": _("Index"),
            "pages": _("Pages of the book"),
            "covering": _("Covering %(period)s") % {"period": period},
        },
    }
