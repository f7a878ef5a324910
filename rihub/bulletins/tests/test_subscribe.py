"""The sign-up form: a pending subscriber, a consent and a mail; or a refusal.

The mail goes through a real SMTP server on loopback.
"""

import hashlib

from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from rihub.bulletins.models import Consent, Subscriber
from rihub.bulletins.subscriptions import services
from rihub.bulletins.tests.subscription_support import (
    ADDRESS,
    SubscriptionTestCase,
    html_of,
    link_in,
    text_of,
)
from rihub.tests.smtp import free_port


class SubscribeFormTests(SubscriptionTestCase):
    def assert_nothing_recorded(self) -> None:
        self.assertFalse(Subscriber.objects.exists())
        self.assertFalse(Consent.objects.exists())
        self.assertEqual(self.mailbox.messages, [])

    def test_the_form_shows_the_consent_statement_and_hides_the_honeypot(self):
        response = self.client.get(reverse("bulletins:subscribe"))

        self.assertContains(response, services.consent_wording())
        self.assertContains(response, 'id="consent-statement"')
        self.assertContains(
            response, '<div class="visually-hidden" aria-hidden="true">'
        )
        self.assertContains(response, "Leave this field empty")
        self.assertContains(response, 'tabindex="-1"')
        self.assertContains(response, "Albania")
        self.assertContains(response, "Education")

    def test_a_request_records_a_pending_subscriber_and_mails_the_link(self):
        response = self.submit()

        self.assertRedirects(response, reverse("bulletins:subscribe-sent"))
        subscriber = Subscriber.objects.get(email=ADDRESS)
        self.assertEqual(subscriber.status, Subscriber.Status.PENDING)
        self.assertIsNone(subscriber.confirmed_at)
        self.assertEqual(list(subscriber.economies.all()), [self.people.albania])
        self.assertEqual(list(subscriber.priority_areas.all()), [self.education])
        consent = subscriber.consents.get()
        self.assertEqual(consent.wording, services.consent_wording())
        digest = hashlib.sha256(consent.wording.encode()).hexdigest()
        self.assertEqual(consent.wording_version, digest)
        self.assertEqual(consent.language, "en")
        self.assertIsNone(consent.confirmed_at)

        message = self.mailbox.to(ADDRESS)[0]
        self.assertEqual(
            message["Subject"], "Confirm your subscription to the RI Hub bulletin"
        )
        link = link_in(message, "confirm")
        self.assertTrue(link.startswith("http://127.0.0.1:8000/bulletin/confirm/"))
        self.assertIn("works for 7 days", text_of(message))
        self.assertIn(f'href="{link}"', html_of(message))

    def test_the_address_is_kept_in_lower_case(self) -> None:
        self.submit(email="Reader@Example.ORG")
        self.submit(email="READER@example.org")

        self.assertEqual(
            list(Subscriber.objects.values_list("email", flat=True)), [ADDRESS]
        )

    def test_the_consent_is_kept_in_the_language_of_the_form(self) -> None:
        self.client.get("/sq/bulletin/subscribe/")
        with translation.override("sq"):
            version = services.wording_version(services.consent_wording())

        response = self.submit(
            path="/sq/bulletin/subscribe/", language="tr", wording_version=version
        )

        self.assertEqual(response.status_code, 302)
        consent = Consent.objects.get()
        self.assertEqual((consent.language, consent.wording_version), ("sq", version))
        self.assertEqual(consent.subscriber.language, "tr")
        link = link_in(self.mailbox.messages[0], "confirm")
        # The link opens the page in the bulletin's language.
        self.assertIn("/tr/bulletin/confirm/", link)

    def test_asking_again_before_confirming_refreshes_the_request(self) -> None:
        self.submit()
        self.submit(language="sr", priority_areas=[self.housing.pk])

        subscriber = Subscriber.objects.get()
        self.assertEqual(subscriber.language, "sr")
        self.assertEqual(list(subscriber.priority_areas.all()), [self.housing])
        self.assertEqual(subscriber.consents.count(), 2)
        self.assertEqual(len(self.mailbox.to(ADDRESS)), 2)

    def test_a_subscribed_address_gets_the_same_answer_and_a_preferences_link(self):
        subscriber = self.confirmed()
        stranger = self.submit(email="stranger@example.org")

        response = self.submit(language="sr", economies=[self.people.serbia.pk])

        self.assertEqual(response.status_code, stranger.status_code)
        self.assertEqual(response["Location"], stranger["Location"])
        message = self.mailbox.to(ADDRESS)[0]
        self.assertEqual(message["Subject"], "Your subscription to the RI Hub bulletin")
        self.assertIn("/bulletin/preferences/", link_in(message, "preferences"))
        self.assertIn("/bulletin/unsubscribe/", link_in(message, "unsubscribe"))
        self.assertNotIn("/bulletin/confirm/", text_of(message))
        # Whoever typed the address changed nothing of its subscription.
        subscriber.refresh_from_db()
        self.assertEqual(subscriber.language, "en")
        self.assertEqual(list(subscriber.economies.all()), [self.people.albania])
        self.assertEqual(subscriber.consents.count(), 1)

    def test_an_invalid_address_is_refused_and_changes_nothing(self) -> None:
        response = self.submit(email="reader.example.org")

        self.assertContains(response, "Enter a valid email address.", status_code=400)
        self.assertContains(
            response, "Please correct the fields marked below.", status_code=400
        )
        self.assert_nothing_recorded()

    def test_an_unknown_language_or_interest_is_refused(self) -> None:
        for change in ({"language": "xx"}, {"priority_areas": [999_999]}):
            with self.subTest(change=change):
                response = self.submit(**change)
                self.assertContains(response, "Select a valid choice", status_code=400)
        self.assert_nothing_recorded()

    def test_without_consent_nothing_is_recorded(self) -> None:
        response = self.submit(consent="")

        self.assertContains(response, "Tick the box to agree", status_code=400)
        self.assert_nothing_recorded()

    def test_a_form_filled_in_by_a_program_is_refused(self) -> None:
        response = self.submit(website="https://cheap-pills.example.com")

        self.assertContains(
            response, "a field that must stay empty was filled in", status_code=400
        )
        self.assert_nothing_recorded()

    def test_a_consent_statement_changed_since_the_form_opened_is_shown_again(self):
        response = self.submit(wording_version="an-older-wording")

        self.assertContains(response, "The consent statement changed", status_code=400)
        self.assertContains(
            response,
            services.wording_version(services.consent_wording()),
            status_code=400,
        )
        self.assert_nothing_recorded()

    @override_settings(RIHUB_SUBSCRIBE_PER_HOUR=2)
    def test_a_client_over_the_hourly_limit_is_refused(self) -> None:
        for number in (1, 2):
            self.submit(email=f"reader{number}@example.org")

        response = self.submit(email="reader3@example.org")

        self.assertContains(response, "too many requests", status_code=429)
        self.assertFalse(Subscriber.objects.filter(email="reader3@example.org"))
        self.assertEqual(len(self.mailbox.messages), 2)
        other_client = self.submit(email="reader3@example.org", client="192.0.2.9")
        self.assertEqual(other_client.status_code, 302)

    @override_settings(RIHUB_SUBSCRIBE_PER_HOUR=2)
    def test_an_address_over_the_hourly_limit_is_refused_from_any_client(self):
        for client in ("192.0.2.1", "198.51.100.1"):
            self.submit(client=client)

        response = self.submit(client="203.0.113.1")

        self.assertContains(response, "too many requests", status_code=429)
        self.assertEqual(Consent.objects.count(), 2)
        self.assertEqual(len(self.mailbox.to(ADDRESS)), 2)

    def test_a_mail_server_that_does_not_answer_leaves_nothing_recorded(self):
        with override_settings(EMAIL_PORT=free_port()):
            response = self.submit()

        self.assertContains(response, "The mail server did not answer", status_code=503)
        self.assert_nothing_recorded()
