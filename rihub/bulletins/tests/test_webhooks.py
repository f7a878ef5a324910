"""The mail provider's bounce and complaint reports, posted as Postmark posts them."""

import base64
import json
from typing import Any

from anymail.exceptions import (  # type: ignore[import-untyped]
    AnymailInsecureWebhookWarning,
)
from anymail.signals import (  # type: ignore[import-untyped]
    AnymailTrackingEvent,
    tracking,
)
from django.test import TestCase, override_settings

from rihub.bulletins.models import (
    Campaign,
    Delivery,
    Subscriber,
    Suppression,
    address_hash,
)

# Connects the receiver as the URLconf does, for the test that sends the signal.
from rihub.bulletins.sending import webhooks  # noqa: F401
from rihub.bulletins.sending.campaigns import start_campaign
from rihub.bulletins.sending.delivery import send_batch
from rihub.bulletins.tests import sending_world as world

URL = "/anymail/postmark/tracking/"
SECRET = "postmark:a-long-webhook-secret"  # noqa: S105
READER = "reader0@example.org"


def postmark_bounce(email: str, kind: str = "HardBounce") -> dict[str, Any]:
    """A bounce report as Postmark's webhook documentation gives it."""
    return {
        "RecordType": "Bounce",
        "MessageStream": "broadcast",
        "ID": 4323372036854775807,
        "Type": kind,
        "TypeCode": 1,
        "Name": "Hard bounce",
        "Tag": "bulletin",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message "
        "(ex: unknown user, mailbox not found).",
        "Details": f"smtp;550 5.1.1 The email account <{email}> does not exist",
        "Email": email,
        "From": "bulletin@romaintegration.example.org",
        "BouncedAt": "2018-07-02T16:33:54.9070259Z",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Housing and employment: RI Hub bulletin 2018-Q2",
    }


def postmark_complaint(email: str) -> dict[str, Any]:
    return postmark_bounce(email, "SpamComplaint") | {
        "RecordType": "SpamComplaint",
        "TypeCode": 512,
        "Name": "Spam complaint",
        "Description": "The subscriber explicitly marked this message as spam.",
        "Details": "Test spam complaint details",
    }


def postmark_delivery(email: str) -> dict[str, Any]:
    return {
        "RecordType": "Delivery",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Recipient": email,
        "DeliveredAt": "2018-07-02T16:33:54.9070259Z",
        "Details": "Test delivery webhook details",
        "Tag": "bulletin",
        "ServerID": 23,
        "Metadata": {},
    }


def basic_auth(secret: str) -> str:
    return "Basic " + base64.b64encode(secret.encode()).decode()


@override_settings(ANYMAIL={"WEBHOOK_SECRET": SECRET})
class PostmarkWebhookTests(TestCase):
    campaign: Campaign

    @classmethod
    def setUpTestData(cls) -> None:
        world.subscribers(2)
        cls.campaign = start_campaign(world.bulletin())
        send_batch(cls.campaign)

    def post(self, payload: dict[str, Any], secret: str | None = SECRET) -> Any:
        headers = {"Authorization": basic_auth(secret)} if secret else {}
        return self.client.post(
            URL, json.dumps(payload), content_type="application/json", headers=headers
        )

    def delivery(self, email: str = READER) -> Delivery:
        return self.campaign.deliveries.get(subscriber__email=email)

    def test_a_hard_bounce_suppresses_the_address_and_unsubscribes(self) -> None:
        response = self.post(postmark_bounce(READER))

        self.assertEqual(response.status_code, 200)
        entry = Suppression.objects.get(address_hash=address_hash(READER))
        self.assertEqual(entry.reason, Suppression.Reason.BOUNCED)
        self.assertIn("550 5.1.1", entry.detail)
        self.assertNotIn(READER, entry.detail)
        subscriber = Subscriber.objects.get(email=READER)
        self.assertEqual(subscriber.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertIsNotNone(subscriber.unsubscribed_at)
        delivery = self.delivery()
        self.assertEqual(delivery.status, Delivery.Status.FAILED)
        self.assertIn("Postmark: The server was unable to deliver", delivery.last_error)
        self.assertEqual(self.delivery("reader1@example.org").status, "sent")

    def test_a_complaint_suppresses_the_address(self) -> None:
        self.post(postmark_complaint(READER))

        entry = Suppression.objects.get(address_hash=address_hash(READER))
        self.assertEqual(entry.reason, Suppression.Reason.COMPLAINED)
        self.assertEqual(self.delivery().status, Delivery.Status.FAILED)

    def test_a_delivery_report_changes_nothing(self) -> None:
        response = self.post(postmark_delivery(READER))

        self.assertEqual(response.status_code, 200)
        self.assertFalse(Suppression.objects.exists())
        self.assertEqual(self.delivery().status, Delivery.Status.SENT)

    def test_a_post_without_the_secret_is_refused_and_changes_nothing(self) -> None:
        for secret in (None, "postmark:a-guess"):
            with self.subTest(secret=secret):
                response = self.post(postmark_bounce(READER), secret=secret)

                self.assertEqual(response.status_code, 400)
        self.assertFalse(Suppression.objects.exists())
        subscriber = Subscriber.objects.get(email=READER)
        self.assertEqual(subscriber.status, Subscriber.Status.CONFIRMED)
        self.assertEqual(self.delivery().status, Delivery.Status.SENT)

    @override_settings(ANYMAIL={"WEBHOOK_SECRET": None})
    def test_with_no_secret_configured_reports_are_ignored(self) -> None:
        with self.assertWarns(AnymailInsecureWebhookWarning):
            self.post(postmark_bounce(READER), secret=None)

        self.assertFalse(Suppression.objects.exists())
        self.assertEqual(self.delivery().status, Delivery.Status.SENT)

    def test_a_report_naming_our_message_id_fails_that_delivery(self) -> None:
        later = start_campaign(world.bulletin(2018, 3))
        send_batch(later)
        earlier = self.delivery()
        event = AnymailTrackingEvent(
            event_type="rejected",
            recipient=READER.upper(),
            message_id=earlier.message_id.strip("<>"),
            reject_reason="blocked",
        )

        tracking.send(sender=object, event=event, esp_name="Amazon SES")

        earlier.refresh_from_db()
        self.assertEqual(earlier.status, Delivery.Status.FAILED)
        self.assertIn("Amazon SES: blocked", earlier.last_error)
        newer = later.deliveries.get(subscriber__email=READER)
        self.assertEqual(newer.status, Delivery.Status.SENT)
        entry = Suppression.objects.get(address_hash=address_hash(READER))
        self.assertEqual(entry.reason, Suppression.Reason.REFUSED)
