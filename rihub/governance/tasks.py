"""Background work on meetings."""

from django.utils import timezone
from django_tasks import task

from rihub.governance.services.invitations import send_reminders


@task()
def remind_invitees() -> int:
    """Send the day's reminders in the worker; return how many went out."""
    return send_reminders(timezone.localdate())
