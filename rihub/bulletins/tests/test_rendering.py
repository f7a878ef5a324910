"""The bulletin as an email: its parts, styles, addresses, headers and language.

The message is read as the SMTP server on loopback received it.
"""

import re
from unittest import mock

from django.test import TestCase, override_settings

from rihub.bulletins.models import BulletinPage, Campaign, Delivery, Subscriber
from rihub.bulletins.sending import rendering
from rihub.bulletins.sending.campaigns import start_campaign
from rihub.bulletins.sending.delivery import send_batch
from rihub.bulletins.subscriptions import tokens
from rihub.bulletins.tests import sending_world as world
from rihub.tests.smtp import SmtpServerMixin

BASE = "https://romaintegration.example.org"
UNSUBSCRIBE = re.compile(rf"^<{BASE}(/[a-z]+)?/bulletin/unsubscribe/([^/]+)/>$")


@override_settings(WAGTAILADMIN_BASE_URL=BASE)
class MessageTests(SmtpServerMixin, TestCase):
    bulletin: BulletinPage
    albanian: BulletinPage
    campaign: Campaign

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin(image=world.picture())
        cls.albanian = world.translated(cls.bulletin, "sq", "Strehimi dhe punësimi")
        world.subscribers(1, prefix="english")
        world.subscribers(1, language="sq", prefix="albanian")
        world.subscribers(1, language="sr", prefix="serbian")

    def setUp(self) -> None:
        super().setUp()
        self.campaign = start_campaign(self.bulletin)
        send_batch(self.campaign)

    def received(self, address: str) -> world.EmailMessage:
        [message] = self.mailbox.to(address)
        assert isinstance(message, world.EmailMessage)
        return message

    def test_a_message_has_a_text_part_and_an_html_part(self) -> None:
        message = self.received("english0@example.org")

        self.assertEqual(message.get_content_type(), "multipart/alternative")
        found = world.parts(message)
        self.assertEqual(set(found), {"text/plain", "text/html"})
        self.assertIn("Annual meeting in Tirana", found["text/plain"])
        self.assertIn("Annual meeting in Tirana", found["text/html"])
        self.assertNotIn("<p>", found["text/plain"])

    def test_styles_are_inlined_in_a_single_column_of_600_pixels(self) -> None:
        html = world.parts(self.received("english0@example.org"))["text/html"]

        self.assertNotIn("<style", html)
        self.assertIn("max-width: 600px", html)
        self.assertRegex(html, r'<h1 style="[^"]*font-size: 26px')
        self.assertRegex(html, r'<a href="[^"]*" style="[^"]*color: #0b5394')

    def test_links_and_images_have_absolute_addresses(self) -> None:
        found = world.parts(self.received("english0@example.org"))
        html, text = found["text/html"], found["text/plain"]

        addresses = re.findall(r'(?:href|src)="([^"]*)"', html)
        self.assertTrue(addresses)
        for address in addresses:
            self.assertTrue(address.startswith(("https://", "http://")), address)
        self.assertIn(f'href="{BASE}/meetings/task-force-2018/"', html)
        self.assertIn(f'href="{BASE}/news/"', html)
        self.assertIn('href="https://example.org/report.pdf"', html)
        self.assertRegex(html, rf'<img src="{BASE}/media/images/[^"]+\.png"')
        self.assertIn('alt="Young Roma"', html)
        self.assertIn(f"<{BASE}/news/>", text)
        self.assertIn(f"{BASE}/meetings/task-force-2018/", text)

    def test_the_headers_let_a_mail_client_unsubscribe_in_one_click(self) -> None:
        message = self.received("english0@example.org")
        subscriber = Subscriber.objects.get(email="english0@example.org")

        found = UNSUBSCRIBE.match(message["List-Unsubscribe"].strip())
        assert found is not None, message["List-Unsubscribe"]
        named = tokens.subscriber_from(found[2], tokens.UNSUBSCRIBE)
        self.assertEqual(named, subscriber)
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")

    def test_both_parts_show_the_unsubscribe_and_preferences_links(self) -> None:
        message = self.received("english0@example.org")
        link = message["List-Unsubscribe"].strip().strip("<>")
        found = world.parts(message)

        for content in found.values():
            self.assertIn(link, content)
            self.assertIn(f"{BASE}/bulletin/preferences/", content)
        self.assertNotIn(rendering.UNSUBSCRIBE, found["text/html"])
        self.assertNotIn(rendering.PREFERENCES, found["text/plain"])

    def test_each_subscriber_has_links_of_their_own(self) -> None:
        english = self.received("english0@example.org")["List-Unsubscribe"]
        serbian = self.received("serbian0@example.org")["List-Unsubscribe"]

        self.assertNotEqual(english, serbian)

    def test_a_subscriber_reads_the_translation_in_their_language(self) -> None:
        message = self.received("albanian0@example.org")

        self.assertIn("Strehimi dhe punësimi", message["Subject"])
        html = world.parts(message)["text/html"]
        self.assertIn('<html lang="sq"', html)
        self.assertIn(f"<{BASE}/sq/bulletin/unsubscribe/", message["List-Unsubscribe"])

    def test_without_a_translation_the_subscriber_reads_english(self) -> None:
        message = self.received("serbian0@example.org")

        self.assertIn("Housing and employment", message["Subject"])
        self.assertIn('<html lang="en"', world.parts(message)["text/html"])

    def test_a_draft_translation_is_not_sent(self) -> None:
        BulletinPage.objects.filter(pk=self.albanian.pk).update(live=False)
        editions = rendering.Editions(self.bulletin)

        self.assertEqual(editions.page_for("sq"), self.bulletin)

    def test_the_message_id_is_the_same_for_every_attempt(self) -> None:
        delivery = Delivery.objects.get(subscriber__email="english0@example.org")
        message = self.received("english0@example.org")

        self.assertEqual(message["Message-ID"], delivery.message_id)
        again = rendering.message_for(delivery).message()
        self.assertEqual(again["Message-ID"], delivery.message_id)
        self.assertRegex(delivery.message_id, r"^<bulletin\.\d+\.\d+@[^>]+>$")


class EditionTests(TestCase):
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin()
        world.translated(cls.bulletin, "sq", "Strehimi dhe punësimi")
        world.subscribers(3, prefix="english")
        world.subscribers(2, language="sq", prefix="albanian")
        world.subscribers(2, language="tr", prefix="turkish")

    def test_each_language_is_rendered_once_per_run(self) -> None:
        campaign = start_campaign(self.bulletin)
        with mock.patch.object(
            rendering, "render_edition", wraps=rendering.render_edition
        ) as render:
            result = send_batch(campaign)

        self.assertEqual(result.sent, 7)
        # English serves the Turkish readers too: two editions for seven messages.
        self.assertEqual(render.call_count, 2)

    def test_the_preview_shows_the_email_with_placeholder_links(self) -> None:
        html = rendering.preview_html(self.bulletin)

        self.assertIn("Housing and employment", html)
        self.assertIn('href="#unsubscribe"', html)
        self.assertIn('href="#preferences"', html)
        self.assertNotIn(rendering.UNSUBSCRIBE, html)

    def test_the_preview_mode_of_the_page_serves_it(self) -> None:
        response = self.bulletin.serve_preview(mock.Mock(), "email")

        self.assertContains(response, "Annual meeting in Tirana")
