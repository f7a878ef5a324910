"""Unsubscribing: a page with a button, and the one-click POST of RFC 8058.

A mail client's one-click POST has no cookie and no CSRF token; these tests use
a client that enforces CSRF, as a browser's request would be checked.
"""

import datetime as dt
from unittest import mock

from django.core import signing
from django.db.models import F
from django.test import Client, override_settings
from django.utils import timezone

from rihub.bulletins.models import Subscriber, Suppression
from rihub.bulletins.subscriptions import tokens
from rihub.bulletins.tests.subscription_support import (
    ADDRESS,
    SubscriptionTestCase,
    link_in,
    path_of,
)

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


class UnsubscribeTests(SubscriptionTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.subscriber = self.confirmed()
        self.link = path_of(tokens.unsubscribe_url(self.subscriber))
        self.mail_client = Client(enforce_csrf_checks=True)

    def assert_still_subscribed(self) -> None:
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.status, Subscriber.Status.CONFIRMED)
        self.assertIsNone(self.subscriber.unsubscribed_at)
        self.assertFalse(Suppression.holds(ADDRESS))

    def assert_unsubscribed(self) -> None:
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertIsNotNone(self.subscriber.unsubscribed_at)
        suppression = Suppression.objects.get()
        self.assertEqual(suppression.reason, Suppression.Reason.UNSUBSCRIBED)
        self.assertTrue(Suppression.holds(ADDRESS))

    def test_following_the_link_only_shows_a_button(self) -> None:
        response = self.client.get(self.link)

        self.assertContains(response, '<button type="submit">Unsubscribe</button>')
        self.assertIn("no-store", response["Cache-Control"])
        self.assert_still_subscribed()

    def test_pressing_the_button_unsubscribes(self) -> None:
        browser = Client(enforce_csrf_checks=True)
        shown = browser.get(self.link)

        response = browser.post(
            self.link, {"csrfmiddlewaretoken": shown.context["csrf_token"]}
        )

        self.assertContains(response, "You are unsubscribed")
        self.assert_unsubscribed()

    def test_a_post_that_is_neither_the_button_nor_one_click_is_refused(self):
        response = self.mail_client.post(self.link, {"List-Unsubscribe": "Yes"})

        self.assertEqual(response.status_code, 403)
        self.assert_still_subscribed()

    def test_the_one_click_post_unsubscribes_without_csrf_token(self) -> None:
        response = self.mail_client.post(self.link, ONE_CLICK)

        self.assertContains(response, "You are unsubscribed")
        self.assertNotIn("csrftoken", self.mail_client.cookies)
        self.assert_unsubscribed()

    def test_the_one_click_post_may_come_url_encoded(self) -> None:
        response = self.mail_client.post(
            self.link,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )

        self.assertEqual(response.status_code, 200)
        self.assert_unsubscribed()

    def test_unsubscribing_twice_keeps_the_first_time(self) -> None:
        self.mail_client.post(self.link, ONE_CLICK)
        self.subscriber.refresh_from_db()
        first = self.subscriber.unsubscribed_at

        response = self.mail_client.post(self.link, ONE_CLICK)

        self.assertEqual(response.status_code, 200)
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.unsubscribed_at, first)
        self.assertEqual(Suppression.objects.count(), 1)

    def test_a_link_from_a_bulletin_years_old_still_works(self) -> None:
        later = timezone.now() + dt.timedelta(days=10 * 365)
        with mock.patch(
            "django.core.signing.time.time", return_value=later.timestamp()
        ):
            response = self.mail_client.post(self.link, ONE_CLICK)

        self.assertEqual(response.status_code, 200)
        self.assert_unsubscribed()

    def test_a_tampered_link_is_refused_and_changes_nothing(self) -> None:
        token = self.link.split("/")[-2]
        tampered = self.link.replace(token, "x" + token[1:])

        for response in (
            self.client.get(tampered),
            self.mail_client.post(tampered, ONE_CLICK),
        ):
            self.assertContains(response, "This link is not valid", status_code=400)
        self.assert_still_subscribed()

    def test_a_link_for_another_purpose_is_refused(self) -> None:
        others = [
            tokens.sign(tokens.PREFERENCES, self.subscriber),
            signing.dumps([self.subscriber.pk, 1], salt="another-salt"),
        ]
        for token in others:
            with self.subTest(token=token):
                response = self.mail_client.post(
                    f"/bulletin/unsubscribe/{token}/", ONE_CLICK
                )
                self.assertContains(response, "not valid", status_code=400)
        self.assert_still_subscribed()

    def test_a_raised_link_version_voids_the_link(self) -> None:
        Subscriber.objects.update(link_version=F("link_version") + 1)

        response = self.mail_client.post(self.link, ONE_CLICK)

        self.assertContains(response, "This link no longer works", status_code=400)
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.status, Subscriber.Status.CONFIRMED)
        self.assertFalse(Suppression.objects.exists())

    def test_the_link_in_the_preferences_mail_unsubscribes(self) -> None:
        self.submit()
        link = path_of(link_in(self.mailbox.to(ADDRESS)[0], "unsubscribe"))

        self.mail_client.post(link, ONE_CLICK)

        self.assert_unsubscribed()


class UnsubscribeLinkTests(SubscriptionTestCase):
    """What the sending part puts in each bulletin."""

    @override_settings(WAGTAILADMIN_BASE_URL="https://rihub.example.org")
    def test_links_are_absolute_and_in_the_subscriber_language(self) -> None:
        subscriber = self.confirmed(language="sq")

        unsubscribe = tokens.unsubscribe_url(subscriber)
        preferences = tokens.preferences_url(subscriber)

        self.assertTrue(
            unsubscribe.startswith("https://rihub.example.org/sq/bulletin/unsubscribe/")
        )
        self.assertTrue(
            preferences.startswith("https://rihub.example.org/sq/bulletin/preferences/")
        )
        self.assertEqual(
            tokens.list_unsubscribe_headers(subscriber),
            {
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )

    def test_the_language_prefixed_link_unsubscribes_too(self) -> None:
        subscriber = self.confirmed(language="sq")

        response = Client(enforce_csrf_checks=True).post(
            path_of(tokens.unsubscribe_url(subscriber)), ONE_CLICK
        )

        self.assertEqual(response.status_code, 200)
        self.assertTrue(Suppression.holds(subscriber.email))
