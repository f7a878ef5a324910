"""Background work on the library: the text and thumbnail of each file."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from rihub.website import extraction
from rihub.website.models import Document

logger = logging.getLogger(__name__)


@task()
def extract_document(pk: int, sha256: str) -> bool:
    """Read a document's file in the worker; False if it is gone or unreadable."""
    document = Document.objects.filter(pk=pk, file_sha256=sha256).first()
    if document is None:
        # Deleted, or given another file since: that file has a task of its own.
        return False
    return read_document(document)


def read_document(document: Document) -> bool:
    """Store the text (and a PDF's thumbnail) of the file; False if unreadable.

    An unreadable file leaves the document with no text and no thumbnail.
    """
    kind = document.file_type
    try:
        with document.file.open("rb") as file:
            data = file.read()
        text = extraction.text_of(data, kind)
        thumbnail = extraction.thumbnail_of(data) if kind == "pdf" else None
    except Exception:
        # Parsers of uploaded files fail in many ways: broken, encrypted, hostile.
        logger.warning(
            "Could not read the %s file of document %s",
            kind,
            document.pk,
            exc_info=True,
        )
        store(document, "", None)
        return False

    store(document, text, thumbnail)
    return True


@transaction.atomic
def store(document: Document, text: str, thumbnail: bytes | None) -> None:
    current = (
        Document.objects.select_for_update()
        .filter(pk=document.pk, file_sha256=document.file_sha256)
        .first()
    )
    if current is None:
        # The file was replaced while it was being read; its own task follows.
        return

    previous = current.thumbnail.name
    current.text = text
    if thumbnail is None:
        current.thumbnail = ""
    else:
        current.thumbnail.save(f"{current.pk}.png", ContentFile(thumbnail), save=False)
    current.save(update_fields=["text", "thumbnail", "updated_at"])

    if previous and previous != current.thumbnail.name:
        storage = current.thumbnail.storage
        transaction.on_commit(lambda: storage.delete(previous))
