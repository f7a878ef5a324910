"""`manage.py send_bulletin 2018-Q2`: the quarter's bulletin, with a progress bar."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from rihub.bulletins.models import BulletinPage, Campaign, Delivery
from rihub.bulletins.tests import sending_world as world
from rihub.tests.smtp import free_port


def send(*args: str) -> str:
    out = StringIO()
    call_command("send_bulletin", *args, stdout=out)
    return out.getvalue()


@override_settings(RIHUB_BULLETIN_BATCH=2, RIHUB_BULLETIN_PER_MINUTE=600_000)
class SendBulletinTests(world.ServerMixin, TestCase):
    bulletin: BulletinPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.bulletin = world.bulletin()
        world.translated(cls.bulletin, "sq", "Strehimi dhe punësimi")
        world.subscribers(4)
        world.subscribers(1, language="sq", prefix="albanian")

    def test_it_sends_with_a_progress_bar_and_prints_the_counts(self) -> None:
        output = send("2018-Q2")

        self.assertIn("[" + "#" * 12 + "." * 18 + "] 2/5  sent 2  failed 0", output)
        self.assertIn("[" + "#" * 30 + "] 5/5  sent 5  failed 0  remaining 0", output)
        self.assertIn(
            "Bulletin sent. Sent 5, failed 0, skipped 0, remaining 0.", output
        )
        self.assertEqual(len(self.server.messages), 5)
        [albanian] = self.server.to("albanian0@example.org")
        self.assertIn("Strehimi dhe punësimi", albanian["Subject"])

    def test_failures_are_counted(self) -> None:
        self.server.refuse = {"reader3@example.org"}

        output = send("2018-q2")

        self.assertIn("Sent 4, failed 1, skipped 0, remaining 0.", output)

    def test_with_the_server_down_it_says_what_waits_for_a_retry(self) -> None:
        with world.mail_to(free_port()):
            output = send("2018-Q2")

        self.assertIn(
            "Sent 0, failed 0, skipped 0, remaining 5: 5 will be retried", output
        )
        self.assertIn("run the command again later", output)
        self.assertEqual(
            set(Delivery.objects.values_list("status", flat=True)), {"retry"}
        )

    def test_a_second_run_sends_nothing_again(self) -> None:
        send("2018-Q2")
        self.server.messages.clear()

        output = send("2018-Q2")

        self.assertIn("Already sent. Sent 5, failed 0, skipped 0, remaining 0.", output)
        self.assertEqual(self.server.messages, [])

    def test_a_quarter_without_a_published_bulletin_is_named(self) -> None:
        world.bulletin(2019, 1, live=False)

        for quarter in ("2019-Q1", "2020-Q4"):
            with (
                self.subTest(quarter),
                self.assertRaisesMessage(
                    CommandError, f"No bulletin is published for {quarter}."
                ),
            ):
                send(quarter)
        self.assertFalse(Campaign.objects.exclude(bulletin=self.bulletin).exists())

    def test_a_badly_written_quarter_is_refused(self) -> None:
        with self.assertRaisesMessage(CommandError, "write it as 2018-Q2"):
            send("2018/2")
        self.assertEqual(self.server.messages, [])
