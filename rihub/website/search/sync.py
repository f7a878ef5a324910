"""Keep the search entries in step with their sources: one object, a branch, all.

An entry is stored only for an object its source calls public, and withdrawn
from every index as soon as that stops being true.
"""

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from rihub.website.search.models import SearchEntry
from rihub.website.search.sources import (
    PAGES,
    SOURCES,
    Description,
    Source,
    public_pages,
)

logger = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
T = TypeVar("T")
# Objects described per transaction, and entries sent to an index at once.
CHUNK, INDEX_CHUNK = 200, 1000
RELATIONS = ("economies", "priority_areas")


def source_of(model: type[models.Model]) -> Source | None:
    return next((s for s in SOURCES if issubclass(model, s.model)), None)


def entries_of(
    source: Source, pks: Iterable[int] | models.QuerySet[Any]
) -> models.QuerySet[SearchEntry]:
    source_type = ContentType.objects.get_for_model(source.model)
    return SearchEntry.objects.filter(source_type=source_type, source_id__in=pks)


class Stored(NamedTuple):
    entries: dict[int, int]  # the entries' keys, by their objects' keys
    written: set[int]  # the keys of entries created or changed

    def __or__(self, other: "Stored") -> "Stored":
        return Stored(self.entries | other.entries, self.written | other.written)


def refresh(source: Source, pk: int) -> bool:
    """Make one object's entry match it: indexed while public, gone otherwise.

    Return whether the object has an entry now.
    """
    found = source.public().filter(pk=pk).first()
    stored = store(source, [found]) if found is not None else Stored({}, set())
    if pk not in stored.entries:
        withdraw(entries_of(source, [pk]))
        return False

    index_entries(stored.written)
    return True


def withdraw(entries: models.QuerySet[SearchEntry]) -> int:
    """Take entries out of every index, then delete them."""
    count = 0
    for entry in entries:
        index.remove_object(entry)
        entry.delete()
        count += 1
    return count


@transaction.atomic
def store(source: Source, found: list[Any]) -> Stored:
    """Write the entries of public objects, without indexing them yet.

    1. Describe each object; one that cannot be described is left out.
    2. Create the missing entries and update the changed ones, in bulk.
    3. Set their economies and priority areas.

    An entry that would not change is not written, nor indexed again.
    """
    source.prepare(found)
    described = {obj.pk: d for obj in found if (d := source.describe(obj))}
    source_type = ContentType.objects.get_for_model(source.model)
    entries = entries_of(source, list(described))
    existing = {entry.source_id: entry for entry in entries}
    new, changed = [], []
    for pk, description in described.items():
        values = description.columns()
        entry = existing.get(pk)
        if entry is None:
            new.append(SearchEntry(source_type=source_type, source_id=pk, **values))
        elif any(getattr(entry, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(entry, name, value)
            entry.indexed_at = timezone.now()
            changed.append(entry)

    SearchEntry.objects.bulk_create(new)
    SearchEntry.objects.bulk_update(changed, [*Description.COLUMNS, "indexed_at"])
    stored = dict(entries.values_list("source_id", "pk"))
    written = {stored[entry.source_id] for entry in [*new, *changed]}
    for relation in RELATIONS:
        written |= relate(relation, {stored[pk]: d for pk, d in described.items()})
    return Stored(stored, written)


def relate(relation: str, described: dict[int, Description]) -> set[int]:
    """Make the relation's rows match the descriptions; return the entries changed."""
    descriptor = getattr(SearchEntry, relation)
    through, field = descriptor.through, descriptor.field
    own = f"{field.m2m_field_name()}_id"
    other = f"{field.m2m_reverse_field_name()}_id"
    wanted = {
        (pk, other_pk)
        for pk, description in described.items()
        for other_pk in getattr(description, relation)
    }
    rows = through.objects.filter(**{f"{own}__in": list(described)})
    present = {
        (row[own], row[other]): row["pk"] for row in rows.values("pk", own, other)
    }

    stale = [pk for pair, pk in present.items() if pair not in wanted]
    if stale:
        through.objects.filter(pk__in=stale).delete()
    missing = wanted - present.keys()
    through.objects.bulk_create(
        [through(**{own: pk, other: other_pk}) for pk, other_pk in missing]
    )
    return {pk for pk, _other_pk in missing} | {
        pair[0] for pair in present if pair not in wanted
    }


def withdraw_hidden_pages_under(page_id: int) -> int:
    """Withdraw at once the entries of a branch's pages that are no longer public."""
    branch = Page.objects.filter(path__startswith=branch_path(page_id))
    hidden = branch.exclude(pk__in=public_pages().values("pk")).values("pk")
    return withdraw(entries_of(PAGES, hidden))


def refresh_pages_under(page_id: int) -> int:
    """Refresh a page and all its descendants; return how many are indexed."""
    withdraw_hidden_pages_under(page_id)
    branch = PAGES.public().filter(path__startswith=branch_path(page_id))
    stored = store_all(PAGES, branch, progress=None)
    index_entries(stored.written)
    return len(stored.entries)


def branch_path(page_id: int) -> str:
    """The tree path of a page, or one no page has when the page is gone."""
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    return path or "-"


def rebuild(progress: Progress | None = None) -> dict[str, int]:
    """Describe every public object afresh, drop all other entries, reindex.

    1. Store an entry for each public object of each source, a chunk at a time.
    2. Withdraw the entries not stored in this run: their sources went away.
    3. Rebuild each backend's index of entries from the stored ones.
    4. Let the database count its rows afresh, to plan searches well.
    """
    kept: set[tuple[int, int]] = set()
    for source in SOURCES:
        source_type = ContentType.objects.get_for_model(source.model)
        stored = store_all(source, source.public(), progress)
        kept.update((source_type.pk, pk) for pk in stored.entries)

    rows = SearchEntry.objects.values_list("pk", "source_type", "source_id")
    stale = [pk for pk, *source in rows.iterator() if tuple(source) not in kept]
    dropped = sum(
        withdraw(SearchEntry.objects.filter(pk__in=chunk))
        for chunk in batched(stale, CHUNK)
    )
    reindex(progress)
    analyze()
    return {"stored": len(kept), "dropped": dropped}


def analyze() -> None:
    """Refresh the planner's statistics of the tables a rebuild filled.

    A database plans a search by how many rows it expects; right after a
    rebuild its figures are those of the old index, and its plans can be
    worse by orders of magnitude until it looks again.
    """
    tables = [SearchEntry._meta.db_table, "wagtailsearch_indexentry"]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def store_all(
    source: Source, objects: models.QuerySet[Any], progress: Progress | None
) -> Stored:
    """Store the entries of these public objects, a chunk at a time."""
    label = str(source.model._meta.verbose_name_plural)
    pks = list(objects.order_by("pk").values_list("pk", flat=True))
    stored = Stored({}, set())
    for done, chunk in enumerate(batched(pks, CHUNK), start=1):
        found = list(source.public().filter(pk__in=chunk))
        stored |= store(source, found)
        if progress:
            progress(label, min(done * CHUNK, len(pks)), len(pks))
    return stored


def index_entries(pks: set[int]) -> None:
    """Add or update entries in every index that updates as content changes."""
    backends = list(get_search_backends(with_auto_update=True))
    for chunk in batched(sorted(pks), INDEX_CHUNK):
        entries = list(SearchEntry.get_indexed_objects().filter(pk__in=chunk))
        for backend in backends:
            try:
                backend.add_bulk(SearchEntry, entries)
            except Exception:
                # As Wagtail does: an outside search service that is down must
                # not undo the editor's change; the database backends raise.
                if not backend.catch_indexing_errors:
                    raise
                logger.exception("Search entries not indexed by %s", backend)


def reindex(progress: Progress | None = None) -> None:
    """Fill each backend's index with every entry, as one rebuild of that index."""
    entries = SearchEntry.get_indexed_objects()
    total = entries.count()
    for backend in get_search_backends():
        if backend.rebuilder_class is None:
            continue  # a backend that reads the tables directly keeps no index

        rebuilder = backend.rebuilder_class(backend.get_index_for_model(SearchEntry))
        target = rebuilder.start()
        target.add_model(SearchEntry)
        done = 0
        for chunk in chunks_by_pk(entries):
            target.add_items(SearchEntry, chunk)
            done += len(chunk)
            if progress:
                progress("index", done, total)
        rebuilder.finish()


def chunks_by_pk(
    entries: models.QuerySet[SearchEntry],
) -> Iterator[list[SearchEntry]]:
    entries = entries.order_by("pk")
    last = 0
    while chunk := list(entries.filter(pk__gt=last)[:INDEX_CHUNK]):
        yield chunk
        last = chunk[-1].pk


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
