"""Read the text (and PDF thumbnails) of files already in the library."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser

from rihub.website.models import Document
from rihub.website.tasks import read_document

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Extract the text of every document's file for search, and draw the first "
        "page of each PDF. Uploads are read by the worker; this is for files that "
        "came before it, or after a change to the extraction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only documents with a file but no text yet.",
        )

    def handle(self, *args: Any, missing: bool, **options: Any) -> None:
        documents = Document.objects.exclude(file="").order_by("pk")
        if missing:
            documents = documents.filter(text="")
        total = documents.count()

        unread = []
        for done, document in enumerate(documents.iterator(), start=1):
            if not self.read(document):
                unread.append(document)
            self.progress(done, total)

        self.stdout.write(f"{total - len(unread)} of {total} documents read.")
        for document in unread:
            self.stdout.write(f"  Not read: {document.pk} {document.title}")

    def read(self, document: Document) -> bool:
        # Files stored before uploads were checked have no kind recorded yet.
        if not document.file_sha256:
            try:
                document.record_file()
            except ValidationError as error:
                return self.refuse(document, " ".join(error.messages))
            except OSError as error:
                return self.refuse(document, str(error))
            document.save(update_fields=["file_type", "file_size", "file_sha256"])
        return read_document(document)

    def refuse(self, document: Document, reason: str) -> bool:
        self.stderr.write(f"Document {document.pk}: {reason}")
        return False

    def progress(self, done: int, total: int) -> None:
        if not self.stdout.isatty() and done < total:
            return  # a log file wants the last line only
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        ending = "\n" if done == total else ""
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending=ending)
