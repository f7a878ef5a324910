"""Rebuild the site search from its sources, with a progress bar."""

from typing import Any

from django.core.management.base import BaseCommand

from rihub.website.search import sync

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Describe every public page, document, meeting and commitment afresh, "
        "drop the entries of anything no longer public, and rebuild the index."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        self.current = ""
        report = sync.rebuild(progress=self.progress)
        self.finish_line()
        self.stdout.write(
            self.style.SUCCESS(
                f"Search index rebuilt: {report['stored']} entries, "
                f"{report['dropped']} dropped."
            )
        )

    def progress(self, label: str, done: int, total: int) -> None:
        if self.verbosity < 1:
            return
        if label != self.current:
            self.finish_line()
            self.current = label
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stdout.write(f"\r{label:<12} [{bar}] {done}/{total}", ending="")
        self.stdout.flush()

    def finish_line(self) -> None:
        if self.current and self.verbosity >= 1:
            self.stdout.write("")
