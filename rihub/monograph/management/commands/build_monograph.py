"""Build the monograph into files: `manage.py build_monograph --out DIR`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rihub.monograph import builds
from rihub.monograph.models import Build, Monograph

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Build the monograph into PDF, HTML (a zip of pages) and EPUB, keep the "
        "build with its fingerprint, and copy its files into a folder. A book "
        "whose inputs have not changed since a build is not built again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--formats", default="pdf,html,epub", help="Comma-separated formats."
        )
        parser.add_argument(
            "--out", required=True, type=Path, help="Folder to write to."
        )
        parser.add_argument(
            "--monograph", help="The monograph's slug (default: the latest one)."
        )

    def handle(self, *args: Any, formats: str, out: Path, **options: Any) -> None:
        monograph = self.monograph(options["monograph"])
        try:
            wanted = builds.formats_of(formats.split(","))
            build = builds.prepare(monograph, wanted)
        except builds.BuildRefused as error:
            raise CommandError(str(error)) from None

        if build.status == Build.Status.DONE:
            self.stdout.write(f"Unchanged since build {build.pk}; its files reused.")
        else:
            builds.run(build, self.progress)

        out.mkdir(parents=True, exist_ok=True)
        # A build reused may hold more formats than were asked for.
        for name in wanted:
            target = out / f"{monograph.slug}.{builds.EXTENSIONS[name]}"
            self.copy(getattr(build, name), target)
        self.stdout.write(f"Build {build.pk}, fingerprint {build.fingerprint}.")

    def monograph(self, slug: str | None) -> Monograph:
        found = Monograph.objects.filter(slug=slug) if slug else Monograph.objects.all()
        monograph = found.first()
        if monograph is None:
            raise CommandError("No such monograph; create it in the admin first.")
        return monograph

    def copy(self, file: Any, target: Path) -> None:
        with file.open("rb") as source:
            target.write_bytes(source.read())
        self.stdout.write(f"  {target}")

    def progress(self, percent: int, step: str) -> None:
        if not self.stdout.isatty() and percent < 100:
            return  # a log file wants the last line only
        filled = BAR_WIDTH * percent // 100
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        ending = "\n" if percent == 100 else ""
        self.stdout.write(f"\r[{bar}] {percent:3d}% {step:<30}", ending=ending)
