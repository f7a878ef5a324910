"""The preferences page, opened through the signed link mailed to a subscriber."""

import datetime as dt
import re
from unittest import mock

from django.test import Client
from django.utils import timezone

from rihub.bulletins.models import Subscriber, Suppression
from rihub.bulletins.subscriptions import tokens
from rihub.bulletins.tests.subscription_support import (
    ADDRESS,
    SubscriptionTestCase,
    link_in,
    path_of,
)


class PreferencesTests(SubscriptionTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.subscriber = self.confirmed()
        self.link = path_of(tokens.preferences_url(self.subscriber))

    def changes(self) -> dict[str, object]:
        return {
            "language": "mk",
            "economies": [self.people.albania.pk, self.people.serbia.pk],
            "priority_areas": [self.housing.pk],
        }

    def assert_unchanged(self) -> None:
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.language, "en")
        self.assertEqual(list(self.subscriber.economies.all()), [self.people.albania])
        self.assertEqual(list(self.subscriber.priority_areas.all()), [self.education])

    def test_the_link_mailed_to_a_subscribed_address_opens_the_page(self) -> None:
        self.submit()
        link = path_of(link_in(self.mailbox.to(ADDRESS)[0], "preferences"))

        response = self.client.get(link)

        self.assertContains(response, ADDRESS)
        self.assertContains(response, "Confirmed")
        checked = re.findall(r'value="(\d+)"[^>]*checked', response.content.decode())
        self.assertEqual(
            sorted(checked),
            sorted([str(self.people.albania.pk), str(self.education.pk)]),
        )
        self.assertIn("no-store", response["Cache-Control"])

    def test_the_subscriber_changes_language_and_interests(self) -> None:
        response = self.client.post(self.link, self.changes(), follow=True)

        self.assertContains(response, "Your preferences are saved.")
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.language, "mk")
        self.assertEqual(
            set(self.subscriber.economies.all()),
            {self.people.albania, self.people.serbia},
        )
        self.assertEqual(list(self.subscriber.priority_areas.all()), [self.housing])

    def test_interests_may_all_be_cleared(self) -> None:
        self.client.post(self.link, {"language": "en"})

        self.assertFalse(self.subscriber.economies.exists())
        self.assertFalse(self.subscriber.priority_areas.exists())

    def test_a_bad_choice_is_refused_and_changes_nothing(self) -> None:
        response = self.client.post(
            self.link, self.changes() | {"economies": [999_999]}
        )

        self.assertContains(response, "Select a valid choice", status_code=400)
        self.assertContains(
            response, "Please correct the fields marked below.", status_code=400
        )
        self.assert_unchanged()

    def test_an_expired_link_is_refused_and_changes_nothing(self) -> None:
        later = timezone.now() + dt.timedelta(days=366)
        with mock.patch(
            "django.core.signing.time.time", return_value=later.timestamp()
        ):
            shown = self.client.get(self.link)
            posted = self.client.post(self.link, self.changes())

        for response in (shown, posted):
            self.assertContains(response, "This link has expired", status_code=400)
        self.assert_unchanged()

    def test_a_tampered_link_is_refused_and_changes_nothing(self) -> None:
        token = self.link.split("/")[-2]
        tampered = self.link.replace(token, token[:10] + token[11:])

        response = self.client.post(tampered, self.changes())

        self.assertContains(response, "This link is not valid", status_code=400)
        self.assert_unchanged()

    def test_an_unsubscribe_link_does_not_open_the_preferences(self) -> None:
        token = tokens.sign(tokens.UNSUBSCRIBE, self.subscriber)

        response = self.client.post(f"/bulletin/preferences/{token}/", self.changes())

        self.assertEqual(response.status_code, 400)
        self.assert_unchanged()

    def test_the_subscriber_unsubscribes_from_the_page(self) -> None:
        browser = Client(enforce_csrf_checks=True)
        page = browser.get(self.link).content.decode()
        action = re.search(r'<form method="post" action="([^"]+)">', page)
        assert action is not None

        response = browser.post(
            action.group(1), {"csrfmiddlewaretoken": browser.cookies["csrftoken"].value}
        )

        self.assertContains(response, "You are unsubscribed")
        self.subscriber.refresh_from_db()
        self.assertEqual(self.subscriber.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertTrue(Suppression.holds(ADDRESS))
        again = self.client.get(self.link)
        self.assertContains(again, "You are unsubscribed and receive no bulletin.")
        self.assertNotContains(again, "Unsubscribe from the bulletin")
