"""Generate a large archive fast: documents and news pages in bulk inserts.

Bulk inserts send no signals, so nothing is indexed for search here: the bench
rebuilds the index afterwards, as an operator would after an import.
"""

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from bench.words import Vocabulary
from rihub.directory.models import Economy, PriorityArea
from rihub.website.models import Document, DocumentType, Level, NewsPage
from rihub.website.models.pages import NewsIndexPage

BATCH = 1_000
LANGUAGES = ["en"] * 6 + ["sq", "sr", "mk", "bs", "tr", "fr"]
PUBLISHERS = ["Regional Cooperation Council", "European Commission", "OSCE", ""]
T = TypeVar("T")
Row = dict[str, Any]


@dataclass
class Marked:
    """A generated item carrying a word no other item has, to find it by search."""

    word: str
    title: str
    url: str = ""


@dataclass
class Classification:
    level: str
    economies: list[int] = field(default_factory=list)
    areas: list[int] = field(default_factory=list)


class Generator:
    """Seeded choices of words, dates and classifications."""

    def __init__(self, seed: int = 2020) -> None:
        self.words = Vocabulary(seed)
        self.random = self.words.random
        self.economies = list(Economy.objects.values_list("pk", flat=True))
        self.areas = list(PriorityArea.objects.values_list("pk", flat=True))
        self.today = timezone.localdate()

    def day(self, years: int) -> dt.date:
        return self.today - dt.timedelta(days=self.random.randrange(365 * years))

    def classification(self) -> Classification:
        level = self.random.choice(list(Level))
        count = 1 if level == Level.ECONOMY else self.random.choice([0, 0, 1, 2, 3])
        areas = self.random.randint(0, 2)
        return Classification(
            level,
            self.random.sample(self.economies, min(count, len(self.economies))),
            self.random.sample(self.areas, min(areas, len(self.areas))),
        )


@transaction.atomic
def create_documents(count: int, generator: Generator) -> Marked:
    """Add `count` documents, one in twenty a draft; the first one is marked."""
    classes = [generator.classification() for _ in range(count)]
    documents = [new_document(n, c, generator) for n, c in enumerate(classes)]
    marked = Marked("documentmarkerword", "")
    documents[0].title = marked.title = f"{documents[0].title} {marked.word}"

    Document.objects.bulk_create(documents, batch_size=BATCH)
    pks = [document.pk for document in documents]
    link(Document, "economies", zip(pks, (c.economies for c in classes), strict=True))
    link(Document, "priority_areas", zip(pks, (c.areas for c in classes), strict=True))
    marked.url = documents[0].get_absolute_url()
    return marked


def new_document(
    n: int, classification: Classification, generator: Generator
) -> Document:
    words, live = generator.words, n % 20 != 19
    published = timezone.now() if live else None
    return Document(
        title=words.sentence(4, 12).rstrip("."),
        summary=words.paragraph(20, 45),
        text=words.paragraph(60, 240),
        document_type=generator.random.choice(list(DocumentType)),
        level=classification.level,
        date=generator.day(15),
        language=generator.random.choice(LANGUAGES),
        publisher=generator.random.choice(PUBLISHERS),
        featured=n % 100 == 0,
        live=live,
        first_published_at=published,
        last_published_at=published,
    )


@transaction.atomic
def create_news(count: int, generator: Generator) -> Marked:
    """Add `count` live English news pages under the news index, in bulk.

    1. Give each page the next treebeard path under the index, in order.
    2. Insert the wagtailcore_page rows, then the website_newspage rows that
       point at them, then their economies and priority areas.
    3. Tell the index how many children it has now.
    """
    index = NewsIndexPage.objects.get(locale=Locale.get_default())
    kind = ContentType.objects.get_for_model(NewsPage)
    paths = child_paths(index, count)
    pages = [new_page(index, kind, path, generator) for path in paths]
    marked = Marked("newsmarkerword", "")
    pages[-1].title = pages[-1].draft_title = marked.title = (
        f"{pages[-1].title} {marked.word}"
    )

    Page.objects.bulk_create(pages, batch_size=BATCH)
    classes = [generator.classification() for _ in pages]
    insert_rows(
        NewsPage,
        [news_row(p.pk, c, generator) for p, c in zip(pages, classes, strict=True)],
    )
    pks = [page.pk for page in pages]
    link(NewsPage, "economies", zip(pks, (c.economies for c in classes), strict=True))
    link(NewsPage, "priority_areas", zip(pks, (c.areas for c in classes), strict=True))
    Page.objects.filter(pk=index.pk).update(numchild=models.F("numchild") + count)
    marked.url = pages[-1].get_url()
    return marked


def new_page(index: Page, kind: ContentType, path: str, generator: Generator) -> Page:
    """The wagtailcore_page row of a live news article: what Page.save would fill."""
    title = generator.words.sentence(6, 14).rstrip(".")
    slug = f"{slugify(title)[:60].strip('-')}-{path[-Page.steplen :].lower()}"
    now = timezone.now()
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        path=path,
        depth=index.depth + 1,
        numchild=0,
        url_path=f"{index.url_path}{slug}/",
        content_type=kind,
        locale_id=index.locale_id,
        translation_key=uuid.uuid4(),
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )


def news_row(pk: int, classification: Classification, generator: Generator) -> Row:
    """The website_newspage row of a page: its own fields, body in stored form."""
    words = generator.words
    paragraph = f"<p>{words.paragraph(80, 200)}</p>"
    return {
        "page_ptr_id": pk,
        "level": classification.level,
        "summary": words.paragraph(15, 35)[:400],
        "body": [{"type": "paragraph", "value": paragraph, "id": str(uuid.uuid4())}],
        "date": generator.day(9),
        "source": "",
    }


def child_paths(parent: Page, count: int) -> list[str]:
    """The treebeard paths of `count` new children after the parent's last one."""
    last = parent.get_last_child()
    first = (
        1 if last is None else int(last.path[-Page.steplen :], len(Page.alphabet)) + 1
    )
    return [parent.path + to_step(first + n) for n in range(count)]


def to_step(number: int) -> str:
    """One step of a treebeard path: the number in the tree's alphabet, padded."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def insert_rows(model: type[models.Model], rows: list[Row]) -> None:
    """Insert rows of the model's own table, given as {attname: value}.

    Django refuses bulk_create on a multi-table child, and model instances cost
    more to build than the insert itself: so the insert is written here, each
    value prepared by its field as Django would, defaults filled in likewise.
    """
    fields = [f for f in model._meta.local_concrete_fields if f.attname in rows[0]]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = quote(model._meta.db_table)
    # The table and column names come from the model's metadata, not from input.
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608

    def values(row: Row) -> list[Any]:
        return [f.get_db_prep_save(row[f.attname], connection) for f in fields]

    with connection.cursor() as cursor:
        for batch in batches(rows, BATCH):
            cursor.executemany(sql, [values(row) for row in batch])


def link(
    model: type[models.Model], name: str, pairs: Iterable[tuple[int, list[int]]]
) -> None:
    """Insert the through rows of a many-to-many field from (pk, pks) pairs."""
    m2m: Any = model._meta.get_field(name)
    source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
    rows = [{source: pk, target: other} for pk, pks in pairs for other in pks]
    if rows:
        insert_rows(m2m.remote_field.through, rows)


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
