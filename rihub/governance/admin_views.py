"""The secretariat's pages for running a meeting, and the governance dashboard."""

import logging
import smtplib
from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rihub.directory.models import Body, Seat
from rihub.governance.errors import GovernanceError
from rihub.governance.forms import (
    ROLL_CHOICES,
    AdoptForm,
    CirculateForm,
    MinutesTextForm,
)
from rihub.governance.models import Meeting, Minutes, MinutesVersion
from rihub.governance.permissions import manages_meetings
from rihub.governance.services import history, invitations, meetings, minutes, rules

logger = logging.getLogger(__name__)


def secretariat(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not manages_meetings(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


@secretariat
def dashboard(request: HttpRequest) -> HttpResponse:
    recent = Meeting.objects.select_related("body").order_by(
        F("start_date").desc(nulls_last=True), "-year"
    )[:20]
    bodies = Body.objects.filter(meetings__isnull=False).distinct()
    context = {"warnings": rules.warnings(), "meetings": recent, "bodies": bodies}
    return render(request, "governance/admin/dashboard.html", context)


@secretariat
def workroom(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about one meeting: invitations, roll, minutes."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    record = getattr(meeting, "minutes", None)
    versions = list(record.versions.order_by("-number")) if record else []
    context = {
        "meeting": meeting,
        "invitations": meeting.invitations.select_related("person", "seat"),
        "waiting": invitations.not_replied(meeting),
        "uninvitable": invitations.uninvitable(meeting),
        "roll": roll_rows(meeting),
        "roll_choices": ROLL_CHOICES,
        "minutes": record,
        "versions": versions,
        "comments": record_comments(versions),
        "text_form": MinutesTextForm(
            initial={"text": versions[0].text if versions else ""}
        ),
        "circulate_form": CirculateForm(),
        "adopt_form": AdoptForm(meeting=meeting),
    }
    return render(request, "governance/admin/workroom.html", context)


def roll_rows(meeting: Meeting) -> list[tuple[Seat, str]]:
    recorded = dict(meeting.attendance.values_list("seat_id", "status"))
    seats = Seat.objects.of_body(meeting.body).active().labelled()
    return [(seat, recorded.get(seat.pk, "")) for seat in seats]


def record_comments(versions: list[MinutesVersion]) -> list[Any]:
    return [comment for version in versions for comment in version.comments.all()]


def act(
    request: HttpRequest, meeting: Meeting, step: Callable[[], object], done: str
) -> HttpResponse:
    """Run one step; a refusal becomes a message and nothing changes."""
    try:
        step()
    except GovernanceError as error:
        messages.error(request, str(error))
    except (OSError, smtplib.SMTPException):
        logger.exception("Mail failed during a step of %s", meeting)
        messages.error(request, _("The mail server did not answer; try again later."))
    else:
        messages.success(request, done)
    return redirect("governance-workroom", meeting.pk)


@require_POST
@secretariat
def send_invitations(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    step = partial(invitations.send_invitations, meeting, request.user)
    return act(request, meeting, step, _("Invitations sent."))


@require_POST
@secretariat
def record_roll(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)

    @transaction.atomic
    def step() -> None:
        for seat in Seat.objects.of_body(meeting.body).active():
            status = request.POST.get(f"seat-{seat.pk}", "")
            if status:
                meetings.record_attendance(meeting, seat, status, request.user)

    return act(request, meeting, step, _("Roll recorded."))


@require_POST
@secretariat
def save_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MinutesTextForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The minutes need some text."))
        return redirect("governance-workroom", meeting.pk)

    text, note = form.cleaned_data["text"], form.cleaned_data["note"]
    step: Callable[[], object]
    if hasattr(meeting, "minutes"):
        note = note or _("Revised")
        step = partial(minutes.revise, meeting.minutes, text, note, request.user)
    else:
        step = partial(minutes.draft, meeting, text, request.user)
    return act(request, meeting, step, _("Minutes saved as a new version."))


@require_POST
@secretariat
def circulate_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("minutes"), pk=pk)
    form = CirculateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the last day for comments."))
        return redirect("governance-workroom", meeting.pk)

    until = form.cleaned_data["comments_until"]
    step = partial(minutes.circulate, meeting.minutes, until, request.user)
    return act(request, meeting, step, _("Minutes circulated to the members."))


@require_POST
@secretariat
def adopt_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("minutes"), pk=pk)
    form = AdoptForm(request.POST, meeting=meeting)
    if not form.is_valid():
        messages.error(request, _("Give the day of adoption."))
        return redirect("governance-workroom", meeting.pk)

    day, at = form.cleaned_data["adopted_on"], form.cleaned_data["at_meeting"]
    step = partial(minutes.adopt, meeting.minutes, day, request.user, at)
    return act(request, meeting, step, _("Minutes adopted and locked."))


@secretariat
def compare_versions(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    record = get_object_or_404(Minutes, meeting=meeting)
    numbers = [request.GET.get("from", "1"), request.GET.get("to", "2")]
    if not all(number.isdigit() for number in numbers):
        raise Http404
    older = get_object_or_404(record.versions, number=numbers[0])
    newer = get_object_or_404(record.versions, number=numbers[1])
    context = {
        "meeting": meeting,
        "older": older,
        "newer": newer,
        "lines": minutes.diff(older, newer),
    }
    return render(request, "governance/admin/diff.html", context)


@secretariat
def attendance(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    context = {"body": body, "history": history.attendance_history(body)}
    return render(request, "governance/admin/attendance.html", context)
