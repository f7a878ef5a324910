"""Sending a campaign: claims, batches, retries, refusals and the rate.

The mail goes through a real SMTP server on loopback that refuses, hangs up or
is not there at all when a test asks it to.
"""

import datetime as dt
from collections import Counter
from functools import partial

from django.test import TestCase, override_settings
from django.utils import timezone

from rihub.bulletins.models import (
    BulletinPage,
    Campaign,
    Delivery,
    Subscriber,
    Suppression,
    address_hash,
)
from rihub.bulletins.sending.campaigns import (
    Counts,
    SendingError,
    counts,
    send_campaign,
    start_campaign,
)
from rihub.bulletins.sending.delivery import CLAIM, claim, send_batch
from rihub.bulletins.sending.suppression import suppress
from rihub.bulletins.sending.tasks import send_campaign_task
from rihub.bulletins.tests import sending_world as world
from rihub.tests.smtp import free_port

Status = Delivery.Status
MINUTE = dt.timedelta(minutes=1)


def statuses(campaign: Campaign) -> Counter[str]:
    return Counter(campaign.deliveries.values_list("status", flat=True))


class StartTests(TestCase):
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin()
        world.subscribers(3)
        world.subscribers(1, prefix="pending", status=Subscriber.Status.PENDING)
        world.subscribers(1, prefix="gone", status=Subscriber.Status.UNSUBSCRIBED)
        world.subscribers(1, prefix="bounced")
        suppress("bounced0@example.org", Suppression.Reason.BOUNCED)

    def test_a_delivery_for_each_confirmed_subscriber_not_suppressed(self) -> None:
        campaign = start_campaign(self.bulletin)

        emails = campaign.deliveries.values_list("subscriber__email", flat=True)
        self.assertEqual(sorted(emails), [f"reader{n}@example.org" for n in range(3)])
        self.assertEqual(campaign.status, Campaign.Status.SENDING)
        self.assertIsNotNone(campaign.started_at)

    def test_starting_again_adds_only_who_confirmed_since(self) -> None:
        first = start_campaign(self.bulletin)
        world.subscribers(1, prefix="newcomer")

        again = start_campaign(self.bulletin)

        self.assertEqual(again.pk, first.pk)
        self.assertEqual(again.started_at, first.started_at)
        self.assertEqual(again.deliveries.count(), 4)

    def test_a_sent_campaign_is_left_as_it_is(self) -> None:
        campaign = start_campaign(self.bulletin)
        Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.DONE)
        world.subscribers(1, prefix="latecomer")

        start_campaign(self.bulletin)

        self.assertEqual(campaign.deliveries.count(), 3)

    def test_a_draft_bulletin_is_not_sent(self) -> None:
        draft = world.bulletin(2018, 3, live=False)

        with self.assertRaisesMessage(SendingError, "Only a published bulletin"):
            start_campaign(draft)
        self.assertFalse(Campaign.objects.filter(bulletin=draft).exists())


# Fast enough that no test waits between its batches.
FAST = 600_000


@override_settings(RIHUB_BULLETIN_BATCH=3, RIHUB_BULLETIN_PER_MINUTE=FAST)
class BatchTests(world.ServerMixin, TestCase):
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin()
        world.subscribers(5)

    def setUp(self) -> None:
        super().setUp()
        self.campaign = start_campaign(self.bulletin)
        self.now = timezone.now()

    def test_a_batch_sends_its_share_and_records_each_message(self) -> None:
        result = send_batch(self.campaign, now=self.now)

        self.assertEqual((result.claimed, result.sent), (3, 3))
        self.assertEqual(statuses(self.campaign), {Status.SENT: 3, Status.QUEUED: 2})
        for delivery in self.campaign.deliveries.filter(status=Status.SENT):
            [message] = self.server.to(delivery.subscriber.email)
            self.assertEqual(message["Message-ID"], delivery.message_id)
            self.assertEqual(delivery.attempts, 1)
            self.assertIsNotNone(delivery.sent_at)
            self.assertIsNone(delivery.claimed_until)

    def test_who_left_or_was_suppressed_since_the_start_is_skipped(self) -> None:
        Subscriber.objects.filter(email="reader0@example.org").update(
            status=Subscriber.Status.UNSUBSCRIBED
        )
        suppress("reader1@example.org", Suppression.Reason.COMPLAINED)

        send_campaign(self.campaign)

        self.assertEqual(statuses(self.campaign), {Status.SENT: 3, Status.SKIPPED: 2})
        self.assertEqual(self.server.to("reader0@example.org"), [])
        self.assertEqual(self.server.to("reader1@example.org"), [])
        self.assertEqual(len(self.server.messages), 3)
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.status, Campaign.Status.DONE)

    def test_a_refused_recipient_fails_at_once_and_is_suppressed(self) -> None:
        self.server.refuse = {"reader2@example.org"}

        send_campaign(self.campaign)

        refused = self.campaign.deliveries.get(subscriber__email="reader2@example.org")
        self.assertEqual((refused.status, refused.attempts), (Status.FAILED, 1))
        self.assertIn("550 5.1.1", refused.last_error)
        entry = Suppression.objects.get(
            address_hash=address_hash("reader2@example.org")
        )
        self.assertEqual(entry.reason, Suppression.Reason.REFUSED)
        self.assertNotIn("reader2@example.org", entry.detail)
        self.assertEqual(statuses(self.campaign), {Status.SENT: 4, Status.FAILED: 1})
        self.assertEqual(self.server.to("reader2@example.org"), [])

    def test_a_refused_address_gets_no_later_bulletin(self) -> None:
        self.server.refuse = {"reader2@example.org"}
        send_campaign(self.campaign)

        later = start_campaign(world.bulletin(2018, 3))

        emails = later.deliveries.values_list("subscriber__email", flat=True)
        self.assertNotIn("reader2@example.org", emails)
        self.assertEqual(len(emails), 4)

    def test_a_temporary_refusal_waits_for_a_retry(self) -> None:
        self.server.refuse = {"reader0@example.org"}
        self.server.refuse_code = 450

        send_batch(self.campaign, now=self.now)

        waiting = self.campaign.deliveries.get(subscriber__email="reader0@example.org")
        self.assertEqual(waiting.status, Status.RETRY)
        self.assertEqual(waiting.next_attempt_at, self.now + MINUTE)
        self.assertIn("450", waiting.last_error)
        self.assertFalse(Suppression.objects.exists())

    def test_a_server_that_hangs_up_leaves_the_rest_for_the_next_batch(self) -> None:
        self.server.drop_after = 1

        result = send_batch(self.campaign, now=self.now)

        self.assertEqual((result.sent, result.retry, result.released), (1, 1, 1))
        dropped = self.campaign.deliveries.get(status=Status.RETRY)
        self.assertIn("Server disconnected", dropped.last_error)
        untried = self.campaign.deliveries.filter(status=Status.QUEUED)
        self.assertEqual(sorted(d.attempts for d in untried), [0, 0, 0])

        self.server.drop_after = None
        send_campaign(self.campaign, clock=lambda: self.now + 2 * MINUTE)

        self.assertEqual(statuses(self.campaign), {Status.SENT: 5})
        self.assertEqual(set(Counter(self.server.recipients()).values()), {1})

    @override_settings(EMAIL_TIMEOUT=1)
    def test_a_server_that_stops_answering_times_out_into_a_retry(self) -> None:
        self.server.stall_after = 0
        self.addCleanup(self.server.release.set)

        result = send_batch(self.campaign, now=self.now)

        self.assertEqual((result.sent, result.retry, result.released), (0, 1, 2))
        stuck = self.campaign.deliveries.get(status=Status.RETRY)
        self.assertIn("timed out", stuck.last_error)
        self.assertEqual(self.server.messages, [])

    def test_a_claim_held_by_a_live_worker_is_left_alone(self) -> None:
        claim(self.campaign, self.now)

        taken = send_batch(self.campaign, now=self.now + MINUTE)

        self.assertEqual(taken.claimed, 2)
        self.assertEqual(statuses(self.campaign), {Status.SENT: 2, Status.SENDING: 3})

    def test_an_abandoned_claim_is_taken_over_once_it_runs_out(self) -> None:
        abandoned = claim(self.campaign, self.now)

        send_batch(self.campaign, now=self.now + CLAIM + MINUTE)

        for delivery in abandoned:
            delivery.refresh_from_db()
            self.assertEqual((delivery.status, delivery.attempts), (Status.SENT, 2))
        self.assertEqual(len(self.server.messages), 3)

    def test_a_paused_campaign_sends_nothing(self) -> None:
        Campaign.objects.filter(pk=self.campaign.pk).update(
            status=Campaign.Status.PAUSED
        )

        self.assertEqual(send_batch(self.campaign).claimed, 0)
        self.assertEqual(self.server.messages, [])


@override_settings(RIHUB_BULLETIN_BATCH=2, RIHUB_BULLETIN_PER_MINUTE=FAST)
class ServerDownTests(TestCase):
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin()
        world.subscribers(5)

    def setUp(self) -> None:
        self.campaign = start_campaign(self.bulletin)
        self.now = timezone.now()
        self.port = free_port()
        self.enterContext(world.mail_to(self.port))

    def test_deliveries_wait_while_the_server_is_down_then_go_once(self) -> None:
        send_campaign(self.campaign, clock=lambda: self.now)

        self.assertEqual(statuses(self.campaign), {Status.RETRY: 5})
        for delivery in self.campaign.deliveries.all():
            self.assertEqual(delivery.attempts, 1)
            self.assertEqual(delivery.next_attempt_at, self.now + MINUTE)
            self.assertIn("Cannot reach the mail server", delivery.last_error)
            self.assertIn(f"127.0.0.1:{self.port}", delivery.last_error)
            self.assertIn("refused", delivery.last_error)
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.status, Campaign.Status.SENDING)

        # Within the back-off nothing is due, even with the server back.
        server = world.Server()
        self.enterContext(world.smtp_server(server, self.port))
        self.assertEqual(send_batch(self.campaign, now=self.now).claimed, 0)
        self.assertEqual(server.messages, [])

        final = send_campaign(self.campaign, clock=lambda: self.now + 2 * MINUTE)

        self.assertEqual(final, Counts(total=5, sent=5))
        self.assertEqual(Counter(server.recipients()), world_addresses(5))
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.status, Campaign.Status.DONE)
        self.assertIsNotNone(self.campaign.finished_at)

    @override_settings(RIHUB_BULLETIN_ATTEMPTS=3)
    def test_after_the_last_attempt_a_delivery_fails(self) -> None:
        for hours in range(3):
            later = self.now + dt.timedelta(hours=hours)
            send_campaign(self.campaign, clock=partial(identity, later))

        self.assertEqual(statuses(self.campaign), {Status.FAILED: 5})
        self.assertEqual(counts(self.campaign), Counts(total=5, failed=5))
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.status, Campaign.Status.DONE)

    def test_the_wait_doubles_with_each_attempt(self) -> None:
        send_batch(self.campaign, now=self.now)
        send_batch(self.campaign, now=self.now + MINUTE)
        send_batch(self.campaign, now=self.now + 3 * MINUTE)

        first = self.campaign.deliveries.order_by("pk").first()
        assert first is not None
        self.assertEqual(first.attempts, 3)
        self.assertEqual(first.next_attempt_at, self.now + 7 * MINUTE)


def identity(value: dt.datetime) -> dt.datetime:
    return value


def world_addresses(count: int) -> Counter[str]:
    return Counter(f"reader{n}@example.org" for n in range(count))


@override_settings(RIHUB_BULLETIN_BATCH=2, RIHUB_BULLETIN_PER_MINUTE=6)
class RateTests(world.ServerMixin, TestCase):
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin()
        world.subscribers(5)

    def test_batches_keep_to_the_rate_and_report_progress(self) -> None:
        campaign = start_campaign(self.bulletin)
        waits: list[float] = []
        seen: list[Counts] = []

        send_campaign(campaign, progress=seen.append, sleep=waits.append)

        # Two messages at six a minute take twenty seconds; the last batch, one
        # message, has nothing after it to wait for.
        self.assertEqual(len(waits), 2)
        for wait in waits:
            self.assertGreater(wait, 0)
            self.assertLessEqual(wait, 20)
        self.assertEqual([c.sent for c in seen], [2, 4, 5, 5])
        self.assertEqual([c.remaining for c in seen], [3, 1, 0, 0])


@override_settings(RIHUB_BULLETIN_BATCH=2, RIHUB_BULLETIN_PER_MINUTE=FAST)
class TaskTests(world.ServerMixin, TestCase):
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin()
        world.subscribers(5)

    def test_the_task_carries_on_batch_after_batch_until_done(self) -> None:
        campaign = start_campaign(self.bulletin)

        send_campaign_task.enqueue(campaign.pk)

        self.assertEqual(Counter(self.server.recipients()), world_addresses(5))
        campaign.refresh_from_db()
        self.assertEqual(campaign.status, Campaign.Status.DONE)

    def test_the_task_leaves_a_campaign_not_started_alone(self) -> None:
        campaign = Campaign.objects.create(bulletin=self.bulletin)

        send_campaign_task.enqueue(campaign.pk)

        self.assertEqual(self.server.messages, [])
