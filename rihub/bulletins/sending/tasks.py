"""Sending a campaign in the background: one batch a task, each task the next's.

Where the backend can run a task later (the database worker), each task first
enqueues its successor, at the time the rate allows: a worker killed mid-batch
leaves the chain unbroken, and the claims it held run out for the next to take.
"""

import datetime as dt
from dataclasses import asdict

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from rihub.bulletins.models import Campaign
from rihub.bulletins.sending.campaigns import finish, next_due
from rihub.bulletins.sending.delivery import due, send_batch


@task()
def send_campaign_task(campaign_id: int) -> dict[str, int]:
    """Send one batch of the campaign, and see that the next one follows."""
    campaign = Campaign.objects.select_related("bulletin").get(pk=campaign_id)
    if campaign.status != Campaign.Status.SENDING:
        return {}
    deferrable = send_campaign_task.get_backend().supports_defer
    if deferrable:
        enqueue_next(campaign)

    result = send_batch(campaign)

    # A backend that runs tasks at once (in tests) has no later: go on now.
    if not deferrable and due(campaign, timezone.now()).exists():
        send_campaign_task.enqueue(campaign_id)
    finish(campaign)
    return asdict(result)


def enqueue_next(campaign: Campaign) -> None:
    when = next_due(campaign)
    if when is None:
        return
    when = max(when, timezone.now() + pace())
    send_campaign_task.using(run_after=when).enqueue(campaign.pk)


def pace() -> dt.timedelta:
    """The time one full batch takes at RIHUB_BULLETIN_PER_MINUTE."""
    minutes = settings.RIHUB_BULLETIN_BATCH / settings.RIHUB_BULLETIN_PER_MINUTE
    return dt.timedelta(minutes=minutes)
