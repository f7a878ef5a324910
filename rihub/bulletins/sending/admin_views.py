"""The secretariat's view of each bulletin's campaign: counts, errors, a start."""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rihub.bulletins.models import BulletinPage, Campaign, Delivery
from rihub.bulletins.sending.campaigns import (
    Counts,
    SendingError,
    counts,
    start_campaign,
)
from rihub.bulletins.sending.tasks import send_campaign_task

# While a campaign is sending, its page reloads itself this often.
REFRESH_SECONDS = 5
LAST_ERRORS = 10
CHANGE = "bulletins.change_campaign"


def permitted(
    permission: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked

    return decorate


@permitted("bulletins.view_campaign")
def campaign_list(request: HttpRequest) -> HttpResponse:
    bulletins = list(
        BulletinPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("campaign")
        .order_by("-year", "-quarter")
    )
    figures = counts_by_campaign([b.pk for b in bulletins])
    rows = [(b, campaign_of(b), figures.get(b.pk, Counts())) for b in bulletins]
    return render(request, "bulletins/admin/campaign_list.html", {"rows": rows})


def campaign_of(bulletin: BulletinPage) -> Campaign | None:
    return getattr(bulletin, "campaign", None)


def counts_by_campaign(bulletin_ids: list[int]) -> dict[int, Counts]:
    """Every listed campaign's counts, in one query."""
    rows = (
        Delivery.objects.filter(campaign__bulletin__in=bulletin_ids)
        .values_list("campaign__bulletin", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_bulletin: dict[int, dict[str, int]] = defaultdict(dict)
    for bulletin, status, n in rows:
        by_bulletin[bulletin][status] = n
    return {pk: Counts.of(found) for pk, found in by_bulletin.items()}


@permitted("bulletins.view_campaign")
def campaign_detail(request: HttpRequest, bulletin_id: int) -> HttpResponse:
    bulletin = get_object_or_404(BulletinPage, pk=bulletin_id)
    campaign = Campaign.objects.filter(bulletin=bulletin).first()
    sending = campaign is not None and campaign.status == Campaign.Status.SENDING
    context = {
        "bulletin": bulletin,
        "campaign": campaign,
        "counts": counts(campaign) if campaign else Counts(),
        "errors": last_errors(campaign) if campaign else [],
        "refresh": REFRESH_SECONDS if sending else None,
        "can_start": startable(campaign) and request.user.has_perm(CHANGE),
    }
    return render(request, "bulletins/admin/campaign_detail.html", context)


def last_errors(campaign: Campaign) -> list[Delivery]:
    failing = campaign.deliveries.filter(
        status__in=[Delivery.Status.RETRY, Delivery.Status.FAILED]
    ).exclude(last_error="")
    return list(failing.select_related("subscriber").order_by("-pk")[:LAST_ERRORS])


def startable(campaign: Campaign | None) -> bool:
    return campaign is None or campaign.status in {
        Campaign.Status.READY,
        Campaign.Status.PAUSED,
    }


@require_POST
@permitted(CHANGE)
def start_sending(request: HttpRequest, bulletin_id: int) -> HttpResponse:
    bulletin = get_object_or_404(BulletinPage, pk=bulletin_id)
    campaign = Campaign.objects.filter(bulletin=bulletin).first()
    if not startable(campaign):
        messages.info(request, _("This bulletin is being sent or was sent already."))
        return redirect("bulletins-campaign", bulletin_id)

    try:
        campaign = start_campaign(bulletin)
    except SendingError as error:
        messages.error(request, str(error))
        return redirect("bulletins-campaign", bulletin_id)

    send_campaign_task.enqueue(campaign.pk)
    messages.success(request, _("Sending has started."))
    return redirect("bulletins-campaign", bulletin_id)
