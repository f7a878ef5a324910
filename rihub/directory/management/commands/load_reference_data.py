"""Load the project's reference data: economies, bodies, seats, strategies."""

import importlib
import tomllib
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from rihub.lib.reference import LoadReport, ReferenceDataError

DEFAULT_FILE = settings.BASE_DIR / "rihub" / "data" / "ri2020.toml"


class Command(BaseCommand):
    help = (
        "Load the reference data file. Running it again adds what is missing and "
        "refreshes what nobody edited; it never overwrites an editor's change."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", nargs="?", type=Path, default=DEFAULT_FILE, help="A TOML file."
        )

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            report = load_file(path)
        except ReferenceDataError as error:
            raise CommandError(f"{path}: {error} Nothing was changed.") from None

        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded from {path}."))


def load_file(path: Path) -> LoadReport:
    """Validate the whole file, then load it in one transaction."""
    data = read(path)
    loaders = [
        importlib.import_module(config.reference_loader)  # type: ignore[attr-defined]
        for config in apps.get_app_configs()
        if hasattr(config, "reference_loader")
    ]

    known = set().union(*(loader.SECTIONS for loader in loaders))
    unknown = sorted(set(data) - known)
    if unknown:
        raise ReferenceDataError(f"unknown section {unknown[0]!r}.")
    parsed = [(loader, loader.parse(data)) for loader in loaders]

    report = LoadReport()
    with transaction.atomic():
        for loader, records in parsed:
            loader.load(records, report)
    return report


def read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        raise ReferenceDataError("no such file.") from None
    except tomllib.TOMLDecodeError as error:
        raise ReferenceDataError(f"not valid TOML: {error}.") from None
