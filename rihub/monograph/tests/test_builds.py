"""Builds: kept with their fingerprint, made again only when the inputs change."""

from io import StringIO
from unittest import mock

from django.core.management import CommandError, call_command

from rihub.monograph import builds, tasks
from rihub.monograph.models import Build, Monograph
from rihub.monograph.rendering import pdf
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import BookWorld


class BuildTests(MediaTestCase):
    monograph: Monograph

    @classmethod
    def setUpTestData(cls) -> None:
        cls.monograph = BookWorld.create().monograph

    def test_a_build_runs_as_a_task_and_keeps_its_files(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            build = builds.request(self.monograph, ["pdf", "epub"])

        build.refresh_from_db()
        self.assertEqual(build.status, Build.Status.DONE)
        self.assertEqual(build.progress, 100)
        self.assertEqual(build.formats, ["pdf", "epub"])
        self.assertEqual(len(build.fingerprint), 64)
        self.assertRegex(build.pdf.name or "", r"\.pdf$")
        self.assertRegex(build.epub.name or "", r"\.epub$")
        self.assertFalse(build.html)

    def test_a_queued_build_of_unchanged_inputs_points_at_the_same_files(
        self,
    ) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            first = builds.request(self.monograph, ["pdf", "epub"])
        with self.captureOnCommitCallbacks(execute=True):
            second = builds.request(self.monograph, ["pdf"])

        first.refresh_from_db()
        second.refresh_from_db()
        self.assertEqual(second.status, Build.Status.DONE)
        self.assertEqual(second.fingerprint, first.fingerprint)
        self.assertEqual(second.pdf.name, first.pdf.name)

    def test_the_same_inputs_reuse_the_build(self) -> None:
        first = builds.run(builds.prepare(self.monograph, ["pdf"]))

        again = builds.prepare(self.monograph, ["pdf"])

        self.assertEqual(again.pk, first.pk)
        self.assertEqual(Build.objects.count(), 1)

    def test_changed_inputs_give_a_new_fingerprint(self) -> None:
        first = builds.run(builds.prepare(self.monograph, ["html"]))
        self.monograph.foreword = "<p>A new foreword.</p>"
        self.monograph.save()

        second = builds.prepare(self.monograph, ["html"])

        self.assertNotEqual(second.pk, first.pk)
        self.assertNotEqual(second.fingerprint, first.fingerprint)

    def test_a_fresh_build_of_the_same_inputs_gives_the_same_bytes(self) -> None:
        formats = ["pdf", "html", "epub"]
        first = builds.run(builds.prepare(self.monograph, formats))
        Build.objects.update(status=Build.Status.FAILED)  # so none is reused

        second = builds.run(builds.prepare(self.monograph, formats))

        self.assertNotEqual(second.pk, first.pk)
        for name in formats:
            with self.subTest(format=name):
                self.assertEqual(
                    read(getattr(first, name)), read(getattr(second, name))
                )

    def test_a_failed_build_keeps_its_error_and_the_worker_goes_on(self) -> None:
        build = builds.prepare(self.monograph, ["pdf"])
        failure = pdf.TypesettingFailed("error: unknown font")

        with mock.patch.object(pdf, "pdf", side_effect=failure):
            result = tasks.build_monograph.call(build.pk)

        build.refresh_from_db()
        self.assertEqual(result, "")
        self.assertEqual(build.status, Build.Status.FAILED)
        self.assertEqual(build.error, "error: unknown font")
        self.assertIsNotNone(build.finished)

    def test_an_unknown_format_is_refused(self) -> None:
        with self.assertRaises(builds.BuildRefused):
            builds.request(self.monograph, ["docx"])
        self.assertFalse(Build.objects.exists())


def read(file: object) -> bytes:
    with file.open("rb") as opened:  # type: ignore[attr-defined]
        return bytes(opened.read())


class CommandTests(MediaTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        BookWorld.create()

    def test_the_command_writes_each_format_with_a_progress_bar(self) -> None:
        out = self.output()
        stdout = StringIO()

        call_command(
            "build_monograph", "--formats", "pdf,epub", "--out", out, stdout=stdout
        )

        self.assertEqual(
            sorted(path.name for path in out.iterdir()),
            ["roma-integration.epub", "roma-integration.pdf"],
        )
        self.assertIn("[##############################] 100%", stdout.getvalue())
        self.assertTrue((out / "roma-integration.pdf").read_bytes().startswith(b"%PDF"))

    def test_run_twice_it_reuses_the_build(self) -> None:
        call_command("build_monograph", "--out", self.output(), stdout=StringIO())
        stdout = StringIO()

        call_command("build_monograph", "--out", self.output(), stdout=stdout)

        self.assertIn("reused", stdout.getvalue())
        self.assertEqual(Build.objects.count(), 1)

    def test_an_unknown_format_is_a_clear_error(self) -> None:
        with self.assertRaisesMessage(CommandError, "Choose formats among"):
            call_command("build_monograph", "--formats", "doc", "--out", self.output())
