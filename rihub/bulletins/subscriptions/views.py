"""The subscriber's pages: sign-up, confirmation, preferences, unsubscribe, data.

Every page reached through a signed link is never cached: it is one person's.
A refused link answers 400 with the reason, and changes nothing.
"""

import json
import logging
import smtplib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from rihub.bulletins.models import Subscriber
from rihub.bulletins.subscriptions import personal_data, services, tokens
from rihub.bulletins.subscriptions.forms import PreferencesForm, SubscribeForm
from rihub.lib.errors import Refusal

logger = logging.getLogger(__name__)
TEMPLATES = "bulletins/subscriptions"
ONE_CLICK = "One-Click"
MAIL_FAILED = 503


def page(
    request: HttpRequest, name: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(request, f"{TEMPLATES}/{name}.html", context, status=status)


def refused(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    return page(request, "refused", {"problem": str(refusal)}, status=400)


def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST or None)
    problem, status = "", 400 if form.is_bound else 200
    if form.is_bound and form.is_valid():
        try:
            services.subscribe(
                form.cleaned_data["email"],
                form.cleaned_data["language"],
                form.cleaned_data["economies"],
                form.cleaned_data["priority_areas"],
                client=request.META.get("REMOTE_ADDR", ""),
            )
        except services.TooManyRequests as refusal:
            problem, status = str(refusal), 429
        except (OSError, smtplib.SMTPException):
            logger.warning("The mail server refused a confirmation", exc_info=True)
            problem = _("The mail server did not answer. Please try again later.")
            status = MAIL_FAILED
        else:
            return redirect("bulletins:subscribe-sent")

    wording = services.consent_wording()
    context = {
        "form": form,
        "problem": problem,
        "wording": wording,
        "wording_version": services.wording_version(wording),
    }
    return page(request, "subscribe", context, status=status)


def subscribe_sent(request: HttpRequest) -> HttpResponse:
    # The same answer whether or not the address was subscribed already.
    return page(request, "subscribe_sent", {})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Confirm by pressing a button: mail scanners that follow links cannot."""
    try:
        consent = tokens.consent_from(token)
        if request.method == "POST":
            services.confirm(consent)
        else:
            services.check_confirmable(consent)
    except Refusal as refusal:
        return refused(request, refusal)

    subscriber = consent.subscriber
    context = {
        "consent": consent,
        "subscriber": subscriber,
        "preferences": tokens.preferences_path(subscriber),
    }
    return page(request, "confirm", context)


def with_subscriber(
    purpose: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Give the view the subscriber a signed link names, or refuse the link."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def checked(request: HttpRequest, token: str) -> HttpResponse:
            try:
                subscriber = tokens.subscriber_from(token, purpose)
            except Refusal as refusal:
                return refused(request, refusal)
            return view(request, subscriber)

        return never_cache(checked)

    return decorate


@require_http_methods(["GET", "POST"])
@with_subscriber(tokens.PREFERENCES)
def preferences(request: HttpRequest, subscriber: Subscriber) -> HttpResponse:
    initial = {
        "language": subscriber.language,
        "economies": subscriber.economies.all(),
        "priority_areas": subscriber.priority_areas.all(),
    }
    form = PreferencesForm(request.POST or None, initial=initial)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        services.update_preferences(
            subscriber, data["language"], data["economies"], data["priority_areas"]
        )
        messages.success(request, _("Your preferences are saved."))
        return redirect(request.path)

    context = {
        "form": form,
        "subscriber": subscriber,
        "token": tokens.sign(tokens.PREFERENCES, subscriber),
        "unsubscribe": tokens.unsubscribe_path(subscriber),
    }
    return page(request, "preferences", context, status=400 if form.is_bound else 200)


@require_http_methods(["GET"])
@with_subscriber(tokens.PREFERENCES)
def download_data(request: HttpRequest, subscriber: Subscriber) -> HttpResponse:
    return data_response(
        personal_data.export_data(subscriber), "rihub-bulletin-data.json"
    )


def data_response(data: dict[str, Any], filename: str) -> HttpResponse:
    """A person's data as a JSON file to save."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@with_subscriber(tokens.PREFERENCES)
def erase(request: HttpRequest, subscriber: Subscriber) -> HttpResponse:
    if request.method == "POST":
        personal_data.erase(subscriber, _("Erased by the subscriber"))
        return page(request, "erased", {})
    context = {
        "subscriber": subscriber,
        "token": tokens.sign(tokens.PREFERENCES, subscriber),
    }
    return page(request, "erase", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
@with_subscriber(tokens.UNSUBSCRIBE)
def unsubscribe(request: HttpRequest, subscriber: Subscriber) -> HttpResponse:
    """Show a button to unsubscribe; or unsubscribe at once, as RFC 8058 asks.

    A mail client's one-click POST carries no cookie and no CSRF token: the signed
    link alone authorises it. Any other POST is the page's button, checked for CSRF.
    """
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == ONE_CLICK:
        return unsubscribed(request, subscriber)
    if request.method == "POST":
        return csrf_protect(unsubscribed)(request, subscriber)
    return page(request, "unsubscribe", {"subscriber": subscriber})


def unsubscribed(request: HttpRequest, subscriber: Subscriber) -> HttpResponse:
    services.unsubscribe(subscriber)
    return page(request, "unsubscribe", {"subscriber": subscriber})
