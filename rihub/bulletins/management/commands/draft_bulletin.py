"""Draft the bulletin of a quarter: `manage.py draft_bulletin 2018-Q2`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rihub.bulletins import drafting
from rihub.bulletins.quarters import Quarter, QuarterError


class Command(BaseCommand):
    help = "Draft a quarter's bulletin from what happened in it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("quarter", help="the quarter, such as 2018-Q2")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            quarter = Quarter.parse(options["quarter"])
            page = drafting.draft(quarter)
        except (QuarterError, drafting.DraftRefused) as refusal:
            raise CommandError(str(refusal)) from None

        counts = [len(block.value["items"]) for block in page.body]
        self.stdout.write(
            f"Drafted “{page.title}”: {len(counts)} sections, {sum(counts)} items. "
            f"Edit it at /admin/pages/{page.pk}/edit/."
        )
