"""Library uploads: only PDF, DOCX, ODT and XLSX, told from their content, in size.

A refused upload changes nothing: no document, no stored file, no changed field.
"""

import datetime as dt
import hashlib
from typing import Any

import filetype
from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, override_settings
from django.urls import reverse

from rihub.tests.personas import Personas
from rihub.website import uploads
from rihub.website.models import Document, DocumentType
from rihub.website.tests import samples
from rihub.website.tests.samples import PrivateMedia, upload

NOT_ACCEPTED = "not a PDF, DOCX, ODT or XLSX document."
ZIP_REFUSED = "This file is a ZIP archive, not a PDF, DOCX, ODT or XLSX document."


def refusal(name: str, content: bytes) -> str:
    try:
        uploads.check(upload(name, content))
    except ValidationError as error:
        return " ".join(error.messages)
    raise AssertionError(f"{name} was accepted")


class RecognitionTests(SimpleTestCase):
    def test_filetype_tells_the_accepted_kinds_apart(self) -> None:
        for kind, content in [
            ("pdf", samples.pdf()),
            ("docx", samples.docx()),
            ("odt", samples.odt()),
            ("xlsx", samples.xlsx()),
        ]:
            with self.subTest(kind=kind):
                self.assertEqual(filetype.guess(content).extension, kind)
                self.assertEqual(uploads.check(upload(f"file.{kind}", content)), kind)

    def test_the_extension_may_be_in_capitals(self) -> None:
        self.assertEqual(uploads.check(upload("PLAN.PDF", samples.pdf())), "pdf")

    def test_a_zip_archive_is_refused_whatever_its_name(self) -> None:
        for name in ("minutes.zip", "minutes.docx", "minutes.pdf"):
            with self.subTest(name=name):
                self.assertEqual(refusal(name, samples.plain_zip()), ZIP_REFUSED)

    def test_a_package_with_a_documents_names_but_not_its_parts_is_a_zip(
        self,
    ) -> None:
        # The first names say Word to filetype; the content types say nothing.
        fake = samples.package(
            [
                ("[Content_Types].xml", samples.content_types("word/x", "text/xml")),
                ("_rels/.rels", samples.root_relationships("word/document.xml")),
                ("word/document.xml", "<nothing/>"),
            ]
        )
        self.assertEqual(filetype.guess(fake).extension, "docx")

        self.assertEqual(refusal("plan.docx", fake), ZIP_REFUSED)

    def test_an_odf_package_other_than_a_text_is_named(self) -> None:
        spreadsheet = samples.package(
            [
                ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                ("content.xml", "<x/>"),
            ]
        )

        self.assertEqual(
            refusal("budget.odt", spreadsheet),
            f"This file is an OpenDocument spreadsheet (ODS), {NOT_ACCEPTED}",
        )

    def test_an_executable_renamed_pdf_is_refused(self) -> None:
        self.assertEqual(
            refusal("report.pdf", samples.executable()),
            f"This file is a Windows program, {NOT_ACCEPTED}",
        )

    def test_an_image_is_named_as_one(self) -> None:
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

        self.assertEqual(
            refusal("scan.pdf", png), f"This file is an image (PNG), {NOT_ACCEPTED}"
        )

    def test_text_is_not_recognised(self) -> None:
        self.assertIn(
            "could not be recognised from its content",
            refusal("notes.pdf", b"Minutes of the meeting\n"),
        )

    def test_a_docx_named_pdf_is_refused(self) -> None:
        self.assertEqual(
            refusal("plan.pdf", samples.docx()),
            "This file is in DOCX format, but its name does not end in .docx. "
            "Rename it and upload it again.",
        )

    def test_an_xlsx_named_docx_is_refused(self) -> None:
        self.assertIn("This file is in XLSX format", refusal("a.docx", samples.xlsx()))

    @override_settings(RIHUB_DOCUMENT_MAX_MB=50)
    def test_the_limit_comes_from_the_settings(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            uploads.check_size(61 * uploads.MEGABYTE)

        self.assertEqual(
            caught.exception.messages, ["This file is 61 MB; the limit is 50 MB."]
        )
        uploads.check_size(50 * uploads.MEGABYTE)  # the limit itself is allowed

    @override_settings(RIHUB_DOCUMENT_MAX_MB=50)
    def test_a_file_just_over_the_limit_never_reads_as_within_it(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            uploads.check_size(50 * uploads.MEGABYTE + 1)

        self.assertEqual(
            caught.exception.messages, ["This file is 51 MB; the limit is 50 MB."]
        )


class ModelTests(PrivateMedia):
    """The model refuses a bad file however it arrives, form or code."""

    def document(self, name: str, content: bytes) -> Document:
        return Document(
            title="Roma integration strategy",
            document_type=DocumentType.STRATEGY,
            date=dt.date(2021, 3, 1),
            language="en",
            file=upload(name, content),
        )

    def test_full_clean_puts_the_refusal_on_the_file(self) -> None:
        document = self.document("report.pdf", samples.executable())

        with self.assertRaises(ValidationError) as caught:
            document.full_clean()

        self.assertEqual(
            caught.exception.message_dict["file"],
            [f"This file is a Windows program, {NOT_ACCEPTED}"],
        )

    def test_saving_a_refused_file_stores_nothing(self) -> None:
        document = self.document("minutes.docx", samples.plain_zip())

        with self.assertRaises(ValidationError):
            document.save()

        self.assertFalse(Document.objects.exists())
        self.assertEqual(self.stored_files(), [])

    def test_saving_records_kind_size_and_digest(self) -> None:
        content = samples.odt()
        document = self.document("report.odt", content)

        document.save()

        document.refresh_from_db()
        self.assertEqual(document.file_type, "odt")
        self.assertEqual(document.file_size, len(content))
        self.assertEqual(document.file_sha256, hashlib.sha256(content).hexdigest())
        self.assertEqual(self.stored_files(), [document.file.name])

    def test_removing_the_file_forgets_what_was_derived_from_it(self) -> None:
        document = self.document("report.odt", samples.odt())
        document.save()
        Document.objects.filter(pk=document.pk).update(text="Progress report")
        document.refresh_from_db()

        document.file = ""
        document.save()

        document.refresh_from_db()
        self.assertEqual(
            (document.file_type, document.file_size, document.file_sha256),
            ("", None, ""),
        )
        self.assertEqual(document.text, "")


class AdminUploadTests(PrivateMedia):
    """The secretariat uploads through the snippet editor of the back office."""

    world: Personas

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()

    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.world.secretariat_editor)

    def form(self, file: Any = "", **changes: Any) -> dict[str, Any]:
        return {
            "title": "Action plan for Roma integration",
            "summary": "",
            "file": file,
            "document_type": "action_plan",
            "date": "2021-06-30",
            "language": "en",
            "publisher": "",
            "source": "",
            "level": "economy",
            "economies": [self.world.albania.pk],
            **changes,
        }

    def add(self, data: dict[str, Any]) -> Any:
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                reverse("wagtailsnippets_website_document:add"), data
            )

    def edit(self, document: Document, data: dict[str, Any]) -> Any:
        url = reverse("wagtailsnippets_website_document:edit", args=[document.pk])
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data)

    @override_settings(RIHUB_DOCUMENT_MAX_MB=50)
    def test_the_form_states_the_rules(self) -> None:
        response = self.client.get(reverse("wagtailsnippets_website_document:add"))

        self.assertContains(response, 'accept=".pdf,.docx,.odt,.xlsx"')
        self.assertContains(response, "A PDF, DOCX, ODT or XLSX document of at most 50")

    def test_a_pdf_is_uploaded_and_published(self) -> None:
        content = samples.pdf()

        response = self.add(
            self.form(upload("plan.pdf", content), **{"action-publish": "publish"})
        )

        self.assertRedirects(response, reverse("wagtailsnippets_website_document:list"))
        document = Document.objects.get()
        self.assertTrue(document.live)
        self.assertEqual(document.file_type, "pdf")
        self.assertEqual(document.file_sha256, hashlib.sha256(content).hexdigest())
        self.assertEqual(list(document.economies.all()), [self.world.albania])
        self.assertEqual(document.file.read(), content)

    def test_a_wrong_kind_is_refused_with_its_reason(self) -> None:
        response = self.add(self.form(upload("plan.pdf", samples.executable())))

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f"This file is a Windows program, {NOT_ACCEPTED}")
        self.assertFalse(Document.objects.exists())
        self.assertEqual(self.stored_files(), [])

    @override_settings(RIHUB_DOCUMENT_MAX_MB=1)
    def test_a_file_over_the_limit_is_refused(self) -> None:
        # Bytes after %%EOF are ignored by readers; they only make the file big.
        padded = samples.pdf() + b"\n" * (2 * uploads.MEGABYTE)

        response = self.add(self.form(upload("plan.pdf", padded)))

        self.assertContains(response, "This file is 3 MB; the limit is 1 MB.")
        self.assertFalse(Document.objects.exists())
        self.assertEqual(self.stored_files(), [])

    def test_replacing_a_file_with_a_refused_one_changes_nothing(self) -> None:
        self.add(self.form(upload("plan.docx", samples.docx())))
        document = Document.objects.get()
        before = self.stored_files()

        response = self.edit(
            document,
            self.form(upload("plan.docx", samples.plain_zip()), title="Renamed"),
        )

        self.assertContains(response, ZIP_REFUSED)
        after = Document.objects.get()
        self.assertEqual(
            (after.title, after.file.name, after.file_sha256),
            (document.title, document.file.name, document.file_sha256),
        )
        self.assertEqual(self.stored_files(), before)

    def test_a_new_file_for_a_live_document_waits_for_publishing(self) -> None:
        self.add(
            self.form(upload("plan.pdf", samples.pdf()), **{"action-publish": "1"})
        )
        document = Document.objects.get()
        replacement = samples.docx()

        self.edit(document, self.form(upload("plan-2022.docx", replacement)))

        # The draft is a revision: the public still gets the published file.
        self.assertEqual(Document.objects.get().file_type, "pdf")
        self.edit(document, self.form("", **{"action-publish": "1"}))
        published = Document.objects.get()
        self.assertEqual(published.file_type, "docx")
        self.assertEqual(published.file_sha256, hashlib.sha256(replacement).hexdigest())
        self.assertIn("Housing", published.text)

    def test_the_list_filters_and_searches(self) -> None:
        self.add(self.form(title="Housing strategy", document_type="strategy"))
        self.add(
            self.form(
                title="Health report",
                document_type="report",
                economies=[self.world.serbia.pk],
                **{"action-publish": "1"},
            )
        )

        self.assertEqual(self.listed(document_type="report"), ["Health report"])
        self.assertEqual(self.listed(live="false"), ["Housing strategy"])
        self.assertEqual(
            self.listed(economies=str(self.world.serbia.pk)), ["Health report"]
        )
        self.assertEqual(self.listed(q="Housing"), ["Housing strategy"])

    def listed(self, **query: str) -> list[str]:
        url = reverse("wagtailsnippets_website_document:list")
        response = self.client.get(url, query)
        return [document.title for document in response.context["object_list"]]
