"""The double opt-in: the link mailed after the form confirms the subscription.

The mail goes through a real SMTP server on loopback; the link is read from it.
"""

import datetime as dt
from unittest import mock

from django.core import signing
from django.db.models import F
from django.utils import timezone

from rihub.bulletins.models import Consent, Subscriber, Suppression, address_hash
from rihub.bulletins.subscriptions import personal_data, services, tokens
from rihub.bulletins.tests.subscription_support import (
    ADDRESS,
    SubscriptionTestCase,
    link_in,
    path_of,
)

Reason = Suppression.Reason


class DoubleOptInTests(SubscriptionTestCase):
    def request_link(self) -> str:
        """Send the form; return the path of the link in the mail it caused."""
        self.submit()
        return path_of(link_in(self.mailbox.to(ADDRESS)[-1], "confirm"))

    def subscriber(self) -> Subscriber:
        return Subscriber.objects.get(email=ADDRESS)

    def assert_pending(self) -> None:
        subscriber = self.subscriber()
        self.assertEqual(subscriber.status, Subscriber.Status.PENDING)
        self.assertIsNone(subscriber.confirmed_at)
        self.assertFalse(subscriber.consents.exclude(confirmed_at=None).exists())

    def test_the_link_from_the_mail_confirms_the_subscription(self) -> None:
        link = self.request_link()

        shown = self.client.get(link)
        self.assertContains(shown, "Confirm my subscription")
        self.assert_pending()
        response = self.client.post(link)

        self.assertContains(response, "Your subscription is confirmed")
        subscriber = self.subscriber()
        self.assertEqual(subscriber.status, Subscriber.Status.CONFIRMED)
        self.assertIsNotNone(subscriber.confirmed_at)
        consent = subscriber.consents.get()
        self.assertEqual(consent.confirmed_at, subscriber.confirmed_at)
        preferences = self.client.get(response.context["preferences"])
        self.assertContains(preferences, ADDRESS)

    def test_each_link_confirms_the_consent_it_was_sent_for(self) -> None:
        first = self.request_link()
        self.request_link()

        self.client.post(first)

        earlier, later = self.subscriber().consents.order_by("pk")
        self.assertIsNotNone(earlier.confirmed_at)
        self.assertIsNone(later.confirmed_at)

    def test_confirming_twice_changes_nothing_more(self) -> None:
        link = self.request_link()
        self.client.post(link)
        confirmed_at = self.subscriber().confirmed_at

        response = self.client.post(link)

        self.assertContains(response, "Your subscription is confirmed")
        self.assertEqual(self.subscriber().confirmed_at, confirmed_at)

    def test_a_fresh_confirmation_lifts_an_earlier_suppression(self) -> None:
        lifted = [Reason.UNSUBSCRIBED, Reason.BOUNCED, Reason.COMPLAINED, Reason.ERASED]
        for reason in lifted:
            with self.subTest(reason=reason):
                Suppression.objects.create(
                    address_hash=address_hash(ADDRESS), reason=reason
                )
                self.client.post(self.request_link())
                self.assertFalse(Suppression.holds(ADDRESS))
                Subscriber.objects.update(status=Subscriber.Status.PENDING)

    def test_a_suppression_the_secretariat_added_stays(self) -> None:
        Suppression.objects.create(address_hash=address_hash(ADDRESS), reason="manual")

        self.client.post(self.request_link())

        self.assertEqual(self.subscriber().status, Subscriber.Status.CONFIRMED)
        self.assertEqual(Suppression.objects.get().reason, Reason.MANUAL)

    def test_a_tampered_link_is_refused_and_changes_nothing(self) -> None:
        link = self.request_link()
        token = link.split("/")[-2]
        tampered = link.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))

        for response in (self.client.get(tampered), self.client.post(tampered)):
            self.assertContains(response, "This link is not valid", status_code=400)
        self.assert_pending()

    def test_a_forged_link_is_refused_and_changes_nothing(self) -> None:
        self.request_link()
        subscriber = self.subscriber()
        values = [subscriber.pk, subscriber.link_version, subscriber.consents.get().pk]
        forged = signing.dumps(values, salt="not-our-salt")

        response = self.client.post(f"/bulletin/confirm/{forged}/")

        self.assertContains(response, "This link is not valid", status_code=400)
        self.assert_pending()

    def test_an_expired_link_is_refused_and_changes_nothing(self) -> None:
        link = self.request_link()

        later = timezone.now() + dt.timedelta(days=8)
        with mock.patch(
            "django.core.signing.time.time", return_value=later.timestamp()
        ):
            shown = self.client.get(link)
            pressed = self.client.post(link)

        for response in (shown, pressed):
            self.assertContains(response, "This link has expired", status_code=400)
        self.assert_pending()

    def test_a_link_on_its_last_day_still_works(self) -> None:
        link = self.request_link()

        later = timezone.now() + dt.timedelta(days=6, hours=23)
        with mock.patch(
            "django.core.signing.time.time", return_value=later.timestamp()
        ):
            response = self.client.post(link)

        self.assertContains(response, "Your subscription is confirmed")

    def test_a_link_for_another_purpose_is_refused(self) -> None:
        self.request_link()
        preferences = tokens.sign(tokens.PREFERENCES, self.subscriber())

        response = self.client.post(f"/bulletin/confirm/{preferences}/")

        self.assertContains(response, "This link is not valid", status_code=400)
        self.assert_pending()

    def test_a_raised_link_version_voids_the_link(self) -> None:
        link = self.request_link()
        Subscriber.objects.update(link_version=F("link_version") + 1)

        response = self.client.post(link)

        self.assertContains(response, "This link no longer works", status_code=400)
        self.assert_pending()

    def test_a_used_link_is_refused_once_the_subscriber_left(self) -> None:
        link = self.request_link()
        self.client.post(link)
        services.unsubscribe(self.subscriber())

        response = self.client.post(link)

        self.assertContains(response, "This link was used already", status_code=400)
        self.assertEqual(self.subscriber().status, Subscriber.Status.UNSUBSCRIBED)
        self.assertTrue(Suppression.holds(ADDRESS))

    def test_a_link_of_an_erased_subscriber_is_refused(self) -> None:
        link = self.request_link()
        personal_data.erase(self.subscriber())

        response = self.client.post(link)

        self.assertContains(response, "This link no longer works", status_code=400)
        self.assertFalse(Subscriber.objects.exists())
        self.assertFalse(Consent.objects.exists())
