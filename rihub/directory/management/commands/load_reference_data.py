"""Load the project's reference data: economies, bodies, seats, strategies."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rihub.lib.reference import ReferenceDataError, load_file


class Command(BaseCommand):
    help = (
        "Load the reference data file. Running it again adds what is missing and "
        "refreshes what nobody edited; it never overwrites an editor's change."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            default=settings.RIHUB_REFERENCE_DATA,
            help="A TOML file.",
        )

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            report = load_file(path)
        except ReferenceDataError as error:
            raise CommandError(f"{path}: {error} Nothing was changed.") from None

        if options["verbosity"] > 0:
            for line in report.lines():
                self.stdout.write(f"  {line}")
            self.stdout.write(self.style.SUCCESS(f"Reference data loaded from {path}."))
