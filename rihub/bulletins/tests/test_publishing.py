"""Publishing a bulletin: its page in the archive, its feed entry, PDF, campaign."""

import datetime as dt
import io
from typing import Any

import feedparser
import pypdf
from django.test import TestCase

from rihub.bulletins import drafting, printing
from rihub.bulletins.models import BulletinPage, Campaign
from rihub.bulletins.quarters import Quarter
from rihub.tests.media import TemporaryMediaMixin
from rihub.website.skeleton import ensure_site
from rihub.website.tests import content

INJECTION = '#import "/etc/passwd" *bold* $x$ ] [ \\ // ="'
EDITORIAL = (
    '<p>The <b>Task Force</b> met in <a href="/events/">Tirana</a>; see '
    '<a href="https://www.rcc.int/romaintegration2020">the project</a>.</p>'
    f"<p>{INJECTION}</p>"
)


def pdf_text(page: BulletinPage) -> tuple[pypdf.PdfReader, str]:
    with page.pdf.open("rb") as file:
        reader = pypdf.PdfReader(io.BytesIO(file.read()))
    return reader, "\n".join(p.extract_text() for p in reader.pages)


class BulletinTestCase(TemporaryMediaMixin, TestCase):
    """Files in a folder of their own; publishing's work done at each commit."""

    def publish(self, page: BulletinPage, **fields: object) -> BulletinPage:
        for name, value in fields.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page


class PublishingTests(BulletinTestCase):
    draft: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        ensure_site()
        content.news("Spring news", dt.date(2018, 4, 3), summary="A platform met.")
        cls.draft = drafting.draft(Quarter(2018, 2), today=dt.date(2018, 7, 1))

    def test_the_draft_is_not_public_anywhere(self) -> None:
        archive = self.client.get("/bulletin/")
        feed = feedparser.parse(self.client.get("/bulletin/feed/").content)

        self.assertEqual(self.client.get("/bulletin/2018-q2/").status_code, 404)
        self.assertNotContains(archive, self.draft.title)
        self.assertEqual(feed.entries, [])
        self.assertFalse(Campaign.objects.exists())

    def test_published_it_is_a_page_of_the_archive_and_of_the_feed(self) -> None:
        page = self.publish(self.draft, editorial=EDITORIAL, summary="Spring in brief.")

        archive = self.client.get("/bulletin/")
        issue = self.client.get("/bulletin/2018-q2/")
        feed = feedparser.parse(self.client.get("/bulletin/feed/").content)

        self.assertContains(archive, 'href="/bulletin/2018-q2/"')
        self.assertContains(issue, "<h2>News</h2>", html=True)
        self.assertContains(issue, "Spring news")
        self.assertContains(issue, page.pdf.url)
        self.assertEqual([entry.title for entry in feed.entries], [page.title])
        self.assertEqual(feed.entries[0].summary, "Spring in brief.")

    def test_published_it_gets_a_tagged_pdf_with_working_links(self) -> None:
        page = self.publish(self.draft, editorial=EDITORIAL)

        reader, text = pdf_text(page)

        root: Any = reader.trailer["/Root"]
        self.assertIn("/StructTreeRoot", root)
        self.assertTrue(root["/MarkInfo"]["/Marked"])
        self.assertEqual(root["/Lang"], "en")
        self.assertEqual(reader.metadata and reader.metadata.title, page.title)
        links = {
            annotation.get_object()["/A"]["/URI"]
            for pdf_page in reader.pages
            for annotation in pdf_page.get("/Annots", [])
        }
        self.assertIn("https://www.rcc.int/romaintegration2020", links)
        self.assertIn("http://127.0.0.1:8000/events/", links)
        self.assertIn("Spring news", text)

    def test_text_that_looks_like_typst_comes_out_as_it_was_written(self) -> None:
        page = self.publish(self.draft, editorial=EDITORIAL, title=INJECTION)

        _reader, text = pdf_text(page)

        flat = " ".join(text.split())
        self.assertIn('#import "/etc/passwd" *bold* $x$ ] [ \\ // ="', flat)

    def test_the_same_bulletin_prints_the_same_bytes(self) -> None:
        page = self.publish(self.draft, editorial=EDITORIAL)

        self.assertEqual(printing.pdf(page), printing.pdf(page))

    def test_the_pdf_is_printed_again_only_when_its_content_changed(self) -> None:
        page = self.publish(self.draft)
        first_name, first_print = page.pdf.name, page.pdf_fingerprint

        unchanged_name = self.publish(page).pdf.name
        changed = self.publish(page, summary="A new summary.")

        self.assertEqual(unchanged_name, first_name)
        self.assertNotEqual(changed.pdf.name, first_name)
        self.assertNotEqual(changed.pdf_fingerprint, first_print)

    def test_publishing_opens_one_campaign_ready_to_send(self) -> None:
        page = self.publish(self.draft)
        self.publish(page, summary="Corrected.")

        campaign = Campaign.objects.get()
        self.assertEqual(campaign.bulletin_id, page.pk)
        self.assertEqual(campaign.status, Campaign.Status.READY)
