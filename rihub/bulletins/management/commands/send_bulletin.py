"""Mail a quarter's bulletin to its subscribers, with a progress bar."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rihub.bulletins.models import BulletinPage, Campaign
from rihub.bulletins.quarters import Quarter, QuarterError
from rihub.bulletins.sending.campaigns import (
    Counts,
    SendingError,
    counts,
    send_campaign,
    start_campaign,
)

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Send the quarter's published bulletin (written as 2018-Q2) to every "
        "confirmed subscriber who has not had it yet; run again, it resumes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("quarter", help="the bulletin's quarter, as 2018-Q2")

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        bulletin = published_bulletin(options["quarter"])

        try:
            campaign = start_campaign(bulletin)
        except SendingError as error:
            raise CommandError(str(error)) from None
        if campaign.status == Campaign.Status.DONE:
            line = summary(counts(campaign))
            self.stdout.write(self.style.SUCCESS(f"Already sent. {line}."))
            return

        final = send_campaign(campaign, progress=self.progress)
        if self.verbosity >= 1:
            self.stdout.write("")
        self.report(final)

    def progress(self, figures: Counts) -> None:
        if self.verbosity < 1:
            return
        total = figures.total
        filled = BAR_WIDTH * figures.finished // total if total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stdout.write(
            f"\r[{bar}] {figures.finished}/{total}  sent {figures.sent}"
            f"  failed {figures.failed}  remaining {figures.remaining}",
            ending="",
        )
        self.stdout.flush()

    def report(self, figures: Counts) -> None:
        line = summary(figures)
        if figures.remaining:
            self.stdout.write(
                self.style.WARNING(
                    f"{line}: {figures.retry} will be retried; "
                    "run the command again later to send them."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Bulletin sent. {line}."))


def summary(figures: Counts) -> str:
    return (
        f"Sent {figures.sent}, failed {figures.failed}, "
        f"skipped {figures.skipped}, remaining {figures.remaining}"
    )


def published_bulletin(text: str) -> BulletinPage:
    """The quarter's live bulletin in the site's main language."""
    try:
        quarter = Quarter.parse(text)
    except QuarterError as error:
        raise CommandError(str(error)) from None
    found = (
        BulletinPage.objects.live()
        .filter(year=quarter.year, quarter=quarter.number)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    if found is None:
        raise CommandError(f"No bulletin is published for {quarter}.")
    return found
