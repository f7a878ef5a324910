"""The campaign's task in the database worker: one batch a task, each enqueuing
the next at the time the rate or the retries allow."""

import datetime as dt
from collections import Counter
from io import StringIO

from django.core.management import call_command
from django.test import TransactionTestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from rihub.bulletins.models import Campaign, Delivery
from rihub.bulletins.sending.campaigns import start_campaign
from rihub.bulletins.sending.tasks import send_campaign_task
from rihub.bulletins.tests import sending_world as world
from rihub.tests.smtp import free_port

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker() -> None:
    """Run every task that is due, then stop."""
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


def waiting_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(status="READY").order_by("run_after"))


@override_settings(TASKS=DATABASE_TASKS, RIHUB_BULLETIN_BATCH=2)
class WorkerTests(TransactionTestCase):
    def setUp(self) -> None:
        world.subscribers(5)
        self.campaign = start_campaign(world.bulletin())
        self.server = world.Server()
        self.port = free_port()

    @override_settings(RIHUB_BULLETIN_PER_MINUTE=600_000)
    def test_the_worker_sends_the_campaign_task_after_task(self) -> None:
        self.enterContext(world.smtp_server(self.server, self.port))
        self.enterContext(world.mail_to(self.port))

        send_campaign_task.enqueue(self.campaign.pk)
        run_worker()

        received = Counter(self.server.recipients())
        self.assertEqual(set(received.values()), {1})
        self.assertEqual(len(received), 5)
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.status, Campaign.Status.DONE)
        self.assertEqual(waiting_tasks(), [])

    @override_settings(RIHUB_BULLETIN_PER_MINUTE=60)
    def test_the_next_batch_waits_for_the_rate(self) -> None:
        self.enterContext(world.smtp_server(self.server, self.port))
        self.enterContext(world.mail_to(self.port))
        before = timezone.now()

        send_campaign_task.enqueue(self.campaign.pk)
        run_worker()

        # Two messages at sixty a minute: the next task runs two seconds on.
        self.assertEqual(len(self.server.messages), 2)
        [follower] = waiting_tasks()
        assert follower.run_after is not None
        self.assertGreaterEqual(follower.run_after, before + dt.timedelta(seconds=2))

    @override_settings(RIHUB_BULLETIN_PER_MINUTE=600_000)
    def test_with_the_server_down_the_chain_waits_for_the_retries(self) -> None:
        self.enterContext(world.mail_to(self.port))

        send_campaign_task.enqueue(self.campaign.pk)
        run_worker()

        retries = Delivery.objects.filter(status=Delivery.Status.RETRY)
        self.assertEqual(retries.count(), 5)
        [follower] = waiting_tasks()
        first_retry = min(d.next_attempt_at for d in retries if d.next_attempt_at)
        self.assertEqual(follower.run_after, first_retry)
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.status, Campaign.Status.SENDING)
