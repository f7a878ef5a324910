"""Send the one reminder of each invitation to a meeting coming soon.

Run it daily (cron or a systemd timer); running it more often sends nothing twice.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from rihub.governance.services.invitations import send_reminders


class Command(BaseCommand):
    help = "Remind invitees of meetings in the coming days; each at most once."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_reminders(timezone.localdate())
        self.stdout.write(f"{count} reminders sent.")
