"""Background work on bulletins that is not sending: printing on publication."""

from django_tasks import task

from rihub.bulletins import publishing


@task()
def bulletin_published(page_id: int) -> str:
    page = publishing.published(page_id)
    return (page.pdf.name or "") if page else ""
