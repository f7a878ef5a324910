"""Search work too long for a request: a branch of pages, or everything."""

from django_tasks import task

from rihub.website.search import sync


@task()
def refresh_pages_under(page_id: int) -> int:
    """Refresh a branch whose addresses or visibility changed."""
    return sync.refresh_pages_under(page_id)


@task()
def rebuild_search_index() -> dict[str, int]:
    return sync.rebuild()
