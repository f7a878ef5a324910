"""Subscribing in a real browser, with the link read from a really received mail.

The live server runs in another thread of this process: the SMTP settings the
mixin overrides, and the cache these tests use, are the process's and reach it.
"""

from django.core.cache import cache
from playwright.sync_api import Page

from rihub.bulletins.models import Subscriber, Suppression
from rihub.bulletins.tests.subscription_support import (
    ADDRESS,
    OWN_CACHE,
    link_in,
    path_of,
)
from rihub.directory.models import PriorityArea
from rihub.tests.browser import BrowserTestCase
from rihub.tests.personas import Personas
from rihub.tests.smtp import SmtpServerMixin


@OWN_CACHE
class SubscriptionInTheBrowserTests(SmtpServerMixin, BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        cache.clear()
        self.people = Personas.create()
        PriorityArea.objects.create(slug="education", name="Education", order=1)
        PriorityArea.objects.create(slug="housing", name="Housing", order=2)

    def tab_order(self, page: Page) -> list[str]:
        """What the keyboard reaches, from the email field to the first button."""
        page.focus("#id_email")
        reached = ["id_email"]
        while reached[-1] != "BUTTON" and len(reached) < 40:
            page.keyboard.press("Tab")
            reached.append(
                page.evaluate(
                    "document.activeElement.id || document.activeElement.tagName"
                )
            )
        return reached

    def subscribe(self, page: Page) -> None:
        """Fill the form in with the keyboard alone, and send it."""
        page.focus("#id_email")
        page.keyboard.type(ADDRESS)
        page.select_option("#id_language", "en")
        page.get_by_label("Albania").focus()
        page.keyboard.press("Space")
        page.get_by_label("Education").focus()
        page.keyboard.press("Space")
        page.focus("#id_consent")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_selector("text=Check your mailbox")

    def test_subscribe_confirm_change_preferences_and_unsubscribe(self) -> None:
        page = self.open("/bulletin/subscribe/")
        self.assert_accessible(page)
        self.subscribe(page)

        link = path_of(link_in(self.mailbox.to(ADDRESS)[0], "confirm"))
        page.goto(self.live_server_url + link)
        self.assert_accessible(page)
        page.click("text=Confirm my subscription")
        page.wait_for_selector("text=Your subscription is confirmed")
        page.click("text=Change your preferences")
        page.wait_for_selector("h1:has-text('Your bulletin preferences')")
        self.assert_accessible(page)

        page.select_option("#id_language", "sq")
        page.get_by_label("Serbia").check()
        page.get_by_label("Education").uncheck()
        page.click("text=Save my preferences")
        page.wait_for_selector("text=Your preferences are saved.")
        subscriber = Subscriber.objects.get(email=ADDRESS)
        self.assertEqual(subscriber.language, "sq")
        self.assertEqual(
            {economy.name for economy in subscriber.economies.all()},
            {"Albania", "Serbia"},
        )
        self.assertFalse(subscriber.priority_areas.exists())

        page.click("text=Unsubscribe from the bulletin")
        page.wait_for_selector("text=You are unsubscribed")
        self.assert_accessible(page)
        subscriber.refresh_from_db()
        self.assertEqual(subscriber.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertTrue(Suppression.holds(ADDRESS))

    def test_the_keyboard_skips_the_honeypot(self) -> None:
        page = self.open("/bulletin/subscribe/")

        reached = self.tab_order(page)

        self.assertEqual(reached[-2:], ["id_consent", "BUTTON"])
        self.assertNotIn("id_website", reached)
        box = page.locator("[aria-hidden=true]:has(#id_website)").bounding_box()
        self.assertLessEqual(box["width"] if box else 0, 1)
