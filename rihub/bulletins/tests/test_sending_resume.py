"""A send killed midway, then resumed: nobody gets the bulletin twice, or never.

`manage.py send_bulletin` runs in a child process against a copy of the test
database. The SMTP server stops answering after seven messages, so the child
hangs mid-batch, and is killed there; the parent then resumes the campaign once
the dead worker's claims have run out.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.test import TransactionTestCase, override_settings
from django.utils import timezone

from rihub.bulletins.models import Campaign, Delivery
from rihub.bulletins.sending.campaigns import send_campaign
from rihub.bulletins.sending.delivery import CLAIM
from rihub.bulletins.tests import sending_world as world
from rihub.tests.smtp import free_port

Status = Delivery.Status
SUBSCRIBERS, BATCH, ACCEPTED = 12, 5, 7
# A guard against a child that never reaches the server, not a measure of speed.
PATIENCE = 120


@override_settings(RIHUB_BULLETIN_BATCH=BATCH, RIHUB_BULLETIN_PER_MINUTE=600_000)
class KilledSendTests(TransactionTestCase):
    def setUp(self) -> None:
        world.bulletin()
        world.subscribers(SUBSCRIBERS)
        self.server = world.Server()
        self.port = free_port()
        self.enterContext(world.smtp_server(self.server, self.port))
        self.enterContext(world.mail_to(self.port))
        self.folder = Path(self.enterContext(tempfile.TemporaryDirectory()))

    def test_a_killed_send_resumes_and_reaches_everyone_exactly_once(self) -> None:
        self.server.stall_after = ACCEPTED
        child = self.send_in_child()
        stalled = self.server.stalled.wait(PATIENCE)
        child.kill()
        output = child.communicate()[0]
        self.server.release.set()
        self.assertTrue(stalled, output)

        self.take_database_back()
        self.assertEqual(len(self.server.messages), ACCEPTED)
        found = Counter(Delivery.objects.values_list("status", flat=True))
        # Seven accepted and recorded; the eighth in flight and two more claimed
        # by the dead worker; two never reached.
        self.assertEqual(found, {Status.SENT: 7, Status.SENDING: 3, Status.QUEUED: 2})

        self.server.stall_after = None
        later = timezone.now() + CLAIM
        campaign = Campaign.objects.get()
        send_campaign(campaign, clock=lambda: later)

        received = Counter(self.server.recipients())
        expected = {f"reader{n}@example.org": 1 for n in range(SUBSCRIBERS)}
        self.assertEqual(received, expected)
        self.assertEqual(
            Counter(Delivery.objects.values_list("status", flat=True)),
            {Status.SENT: SUBSCRIBERS},
        )
        # The dead worker's three claims, each taken over for a second attempt.
        self.assertEqual(Delivery.objects.filter(attempts=2).count(), 3)
        campaign.refresh_from_db()
        self.assertEqual(campaign.status, Campaign.Status.DONE)

    def send_in_child(self) -> subprocess.Popen[str]:
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "rihub.settings",
            "RIHUB_VAR_DIR": str(self.folder),
            "SECRET_KEY": settings.SECRET_KEY,
            "DATABASE_URL": self.database_for_child(),
            "EMAIL_URL": f"smtp://127.0.0.1:{self.port}?timeout={PATIENCE}",
            "RIHUB_BULLETIN_BATCH": str(BATCH),
            "RIHUB_BULLETIN_PER_MINUTE": "600000",
        }
        return subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "send_bulletin", "2018-Q2"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def database_for_child(self) -> str:
        """The test database as the child reaches it: a file copy for SQLite."""
        settings_dict = connection.settings_dict
        if connection.vendor != "sqlite":
            user = quote(settings_dict["USER"] or "")
            password = quote(settings_dict["PASSWORD"] or "")
            host = settings_dict["HOST"] or "localhost"
            port = settings_dict["PORT"] or 5432
            name = settings_dict["NAME"]
            return f"postgres://{user}:{password}@{host}:{port}/{name}"

        connection.ensure_connection()
        copy = sqlite3.connect(self.folder / "child.sqlite3")
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{self.folder / 'child.sqlite3'}"

    def take_database_back(self) -> None:
        """Read what the child wrote: for SQLite, copy its file back in."""
        if connection.vendor != "sqlite":
            return
        copy = sqlite3.connect(self.folder / "child.sqlite3")
        copy.backup(connection.connection)
        copy.close()
