"""Refresh search entries once the change to their source is committed.

Saves and deletions of pages, documents, meetings, commitments and minutes
refresh the entries that show them. A moved page, a changed slug or a view
restriction affects a whole branch: its pages that are no longer public leave
the index at once, and a background task refreshes the rest.
"""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_slug_changed, post_page_move

from rihub.governance.models import Commitment, Meeting, Minutes, MinutesVersion
from rihub.website.search import sync, tasks
from rihub.website.search.sources import COMMITMENTS, MEETINGS


def connect() -> None:
    post_save.connect(source_changed, dispatch_uid="sitesearch-save")
    post_delete.connect(source_changed, dispatch_uid="sitesearch-delete")
    m2m_changed.connect(relations_changed, dispatch_uid="sitesearch-m2m")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"sitesearch-restriction-{signal is post_save}",
        )
    post_page_move.connect(branch_changed, dispatch_uid="sitesearch-move")
    page_slug_changed.connect(branch_changed, dispatch_uid="sitesearch-slug")


def after_commit(job: Callable[[], object]) -> None:
    # A failure is logged, not raised: the editor's change is saved already,
    # and `rebuild_search_index` repairs the index.
    transaction.on_commit(job, robust=True)


def source_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    for job in jobs_for(instance):
        after_commit(job)


def relations_changed(sender: type, instance: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        for job in jobs_for(instance):
            after_commit(job)


def jobs_for(instance: Any) -> list[Callable[[], object]]:
    """The refreshes that a change to this object calls for."""
    if isinstance(instance, Meeting):
        return [partial(refresh_meeting, instance.pk)]
    if isinstance(instance, Minutes):
        return [partial(sync.refresh, MEETINGS, instance.meeting_id)]
    if isinstance(instance, MinutesVersion):
        return [partial(refresh_minutes_of, instance.minutes_id)]
    source = sync.source_of(type(instance))
    if source is None:
        return []
    return [partial(sync.refresh, source, instance.pk)]


def refresh_meeting(meeting_id: int) -> None:
    """A meeting, and its commitments: they are public only with it."""
    sync.refresh(MEETINGS, meeting_id)
    for pk in Commitment.objects.filter(meeting_id=meeting_id).values_list(
        "pk", flat=True
    ):
        sync.refresh(COMMITMENTS, pk)


def refresh_minutes_of(minutes_id: int) -> None:
    meeting_id = (
        Minutes.objects.filter(pk=minutes_id)
        .values_list("meeting_id", flat=True)
        .first()
    )
    if meeting_id is not None:
        sync.refresh(MEETINGS, meeting_id)


def restriction_changed(instance: PageViewRestriction, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        after_commit(partial(refresh_branch, instance.page_id))


def branch_changed(instance: Page, **kwargs: Any) -> None:
    after_commit(partial(refresh_branch, instance.pk))


def refresh_branch(page_id: int) -> None:
    sync.withdraw_hidden_pages_under(page_id)
    tasks.refresh_pages_under.enqueue(page_id)
