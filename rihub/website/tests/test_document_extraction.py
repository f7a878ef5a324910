"""The text and thumbnail of each library file, read in the background."""

import datetime as dt
import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import SimpleTestCase
from PIL import Image
from wagtail.models import Revision
from wagtail.search.backends import get_search_backend

from rihub.website import extraction
from rihub.website.models import Document, DocumentType
from rihub.website.tasks import extract_document
from rihub.website.tests import samples
from rihub.website.tests.samples import PrivateMedia, upload


class ReadingTests(SimpleTestCase):
    def test_pdf_text(self) -> None:
        text = extraction.text_of(samples.pdf("Roma inclusion in Albania"), "pdf")

        self.assertEqual(text, "Roma inclusion in Albania")

    def test_docx_paragraphs(self) -> None:
        text = extraction.text_of(samples.docx(("Action plan", "Housing")), "docx")

        self.assertEqual(text, "Action plan\nHousing")

    def test_odt_paragraphs_spans_and_spaces(self) -> None:
        content = samples.odt(
            (
                "Progress report",
                'Civil <text:span>registration</text:span><text:s text:c="2"/>2021',
            )
        )

        text = extraction.text_of(content, "odt")

        self.assertEqual(text, "Progress report\nCivil registration  2021")

    def test_xlsx_sheet_names_and_cells(self) -> None:
        content = samples.xlsx("Employment", ("Tirana", "Durrës"))

        text = extraction.text_of(content, "xlsx")

        self.assertEqual(text, "Employment\nTirana\tDurrës\n42")

    def test_the_text_has_a_limit(self) -> None:
        pieces = iter(["a" * extraction.MAX_TEXT, "never read"])

        self.assertEqual(len(extraction.tidy(pieces)), extraction.MAX_TEXT)

    def test_nul_characters_are_dropped(self) -> None:
        self.assertEqual(
            extraction.tidy(iter(["Roma\x00 Integration"])), "Roma Integration"
        )

    def test_a_pdf_thumbnail_is_a_png_300_pixels_wide(self) -> None:
        png = extraction.thumbnail_of(samples.pdf())

        image = Image.open(io.BytesIO(png))
        self.assertEqual(image.format, "PNG")
        self.assertEqual(image.width, extraction.THUMBNAIL_WIDTH)
        # A4 keeps its proportions.
        self.assertAlmostEqual(image.height / image.width, 842 / 595, places=2)

    def test_entities_in_a_package_are_refused(self) -> None:
        bomb = samples.package(
            [
                (
                    "content.xml",
                    '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;&a;</x>',
                )
            ]
        )

        with self.assertRaises(ValueError):
            extraction.text_of(bomb, "odt")


class BackgroundTests(PrivateMedia):
    """Saving a file queues its reading; the tests run the queue at once."""

    def document(self, name: str, content: bytes, **fields: object) -> Document:
        document = Document(
            title="Roma integration",
            document_type=DocumentType.REPORT,
            date=dt.date(2020, 6, 1),
            language="en",
            file=upload(name, content),
            **fields,
        )
        with self.captureOnCommitCallbacks(execute=True):
            document.save()
        document.refresh_from_db()
        return document

    def test_a_pdf_gets_its_text_and_thumbnail(self) -> None:
        document = self.document("report.pdf", samples.pdf("Roma inclusion"))

        self.assertEqual(document.text, "Roma inclusion")
        self.assertEqual(document.thumbnail.width, extraction.THUMBNAIL_WIDTH)
        self.assertIn(document.thumbnail.name, self.stored_files())

    def test_the_text_is_searchable(self) -> None:
        self.document("report.pdf", samples.pdf("Segregated settlements"))

        found = get_search_backend().search("settlements", Document)

        self.assertEqual([d.title for d in found], ["Roma integration"])

    def test_other_kinds_get_text_and_no_thumbnail(self) -> None:
        for name, content, expected in [
            ("plan.docx", samples.docx(("Housing",)), "Housing"),
            ("report.odt", samples.odt(("Education",)), "Education"),
            ("data.xlsx", samples.xlsx("Health"), "Health"),
        ]:
            with self.subTest(name=name):
                document = self.document(name, content)

                self.assertEqual(document.text.splitlines()[0], expected)
                self.assertFalse(document.thumbnail)

    def test_a_new_file_replaces_the_text_and_drops_the_old_thumbnail(self) -> None:
        document = self.document("report.pdf", samples.pdf())
        old_thumbnail = document.thumbnail.name

        document.file = upload("report.docx", samples.docx(("Employment",)))
        with self.captureOnCommitCallbacks(execute=True):
            document.save()

        document.refresh_from_db()
        self.assertEqual(document.text, "Employment")
        self.assertFalse(document.thumbnail)
        self.assertNotIn(old_thumbnail, self.stored_files())

    def test_publishing_a_draft_keeps_the_text_read_since(self) -> None:
        document = Document(
            title="Roma integration",
            document_type=DocumentType.REPORT,
            date=dt.date(2020, 6, 1),
            language="en",
            live=False,
            file=upload("report.pdf", samples.pdf("Roma inclusion")),
        )
        with self.captureOnCommitCallbacks(execute=True):
            document.save()
            # Saved before the worker ran, the revision holds no text.
            revision = document.save_revision()

        # Published later, from a fresh copy, as the editor's next request would.
        Revision.objects.get(pk=revision.pk).publish()

        document.refresh_from_db()
        self.assertTrue(document.live)
        self.assertEqual(document.text, "Roma inclusion")
        self.assertTrue(document.thumbnail)

    def test_saving_without_a_new_file_does_not_read_it_again(self) -> None:
        document = self.document("report.pdf", samples.pdf())
        Document.objects.filter(pk=document.pk).update(text="kept")
        document.refresh_from_db()

        document.title = "Renamed"
        with self.captureOnCommitCallbacks(execute=True):
            document.save()

        # Read again, the text would be the PDF's.
        document.refresh_from_db()
        self.assertEqual(document.text, "kept")

    def test_an_encrypted_pdf_is_logged_and_left_without_text(self) -> None:
        with self.assertLogs("rihub.website.tasks", "WARNING") as logs:
            document = self.document("locked.pdf", samples.encrypted_pdf())

        self.assertEqual(document.text, "")
        self.assertFalse(document.thumbnail)
        [record] = logs.records
        message = f"Could not read the pdf file of document {document.pk}"
        self.assertEqual(record.getMessage(), message)
        assert record.exc_info is not None
        self.assertIsInstance(record.exc_info[1], extraction.UnreadableFile)

    def test_a_broken_pdf_is_logged_and_left_without_text(self) -> None:
        broken = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R"

        with self.assertLogs("rihub.website.tasks", "WARNING"):
            document = self.document("broken.pdf", broken)

        self.assertEqual(document.text, "")
        self.assertFalse(document.thumbnail)

    def test_a_task_for_a_replaced_file_does_nothing(self) -> None:
        document = self.document("report.docx", samples.docx(("Housing",)))
        Document.objects.filter(pk=document.pk).update(text="")

        read = extract_document.call(document.pk, "0" * 64)

        self.assertFalse(read)
        document.refresh_from_db()
        self.assertEqual(document.text, "")


class CommandTests(PrivateMedia):
    def stored_document(self, title: str, content: bytes, name: str) -> Document:
        """A document whose file came before the worker: nothing derived from it."""
        document = Document.objects.create(
            title=title,
            document_type=DocumentType.REPORT,
            date=dt.date(2019, 1, 1),
            language="en",
        )
        path = document.file.storage.save(f"library/{name}", ContentFile(content))
        Document.objects.filter(pk=document.pk).update(file=path)
        document.file.name = path
        return document

    def run_command(self, *args: str) -> str:
        out = io.StringIO()
        call_command("extract_document_text", *args, stdout=out, stderr=io.StringIO())
        return out.getvalue()

    def test_every_file_is_read_with_a_progress_bar(self) -> None:
        pdf = self.stored_document("Strategy", samples.pdf("Strategy 2030"), "s.pdf")
        docx = self.stored_document("Plan", samples.docx(("Plan 2022",)), "p.docx")

        output = self.run_command()

        self.assertIn(f"[{'#' * 30}] 2/2", output)
        self.assertIn("2 of 2 documents read.", output)
        pdf.refresh_from_db()
        docx.refresh_from_db()
        self.assertEqual((pdf.text, pdf.file_type), ("Strategy 2030", "pdf"))
        self.assertEqual((docx.text, docx.file_type), ("Plan 2022", "docx"))
        self.assertTrue(pdf.thumbnail)

    def test_missing_reads_only_documents_without_text(self) -> None:
        read = self.stored_document("Read", samples.pdf("Old text"), "r.pdf")
        Document.objects.filter(pk=read.pk).update(text="Kept as it was")
        unread = self.stored_document("Unread", samples.odt(("New text",)), "u.odt")

        output = self.run_command("--missing")

        self.assertIn("1 of 1 documents read.", output)
        read.refresh_from_db()
        unread.refresh_from_db()
        self.assertEqual(read.text, "Kept as it was")
        self.assertEqual(unread.text, "New text")

    def test_files_that_cannot_be_read_are_listed(self) -> None:
        self.stored_document("Program", samples.executable(), "setup.pdf")
        gone = self.stored_document("Gone", samples.pdf(), "gone.pdf")
        Path(gone.file.path).unlink()

        output = self.run_command()

        self.assertIn("0 of 2 documents read.", output)
        self.assertIn("Not read: ", output)
        self.assertIn(" Program", output)
        self.assertIn(" Gone", output)
