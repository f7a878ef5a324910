from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rihub.directory.models import Body, Economy, PriorityArea
from rihub.directory.permissions import economies_of, edits_every_economy
from rihub.governance import queries
from rihub.governance.calendar import calendar
from rihub.governance.errors import GovernanceError
from rihub.governance.extensions import sections_for
from rihub.governance.forms import ActionItemForm, CommentForm, ProgressForm
from rihub.governance.models import (
    ActionItem,
    CommitmentStatus,
    Invitation,
    Meeting,
    Minutes,
)
from rihub.governance.permissions import (
    can_read_draft_minutes,
    can_report_progress,
    manages_meetings,
)
from rihub.governance.services import action_items, commitments, invitations, minutes
from rihub.lib.attempts import attempt

PER_PAGE = 25
REPLIES = [
    (Invitation.Reply.ACCEPTED, Invitation.Reply.ACCEPTED.label),
    (Invitation.Reply.DECLINED, Invitation.Reply.DECLINED.label),
    (Invitation.Reply.SUBSTITUTE, Invitation.Reply.SUBSTITUTE.label),
]
ICS = "text/calendar; charset=utf-8"


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = queries.public_meetings()
    page = Paginator(meetings, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "governance/meeting_list.html", {"page": page})


def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        meeting = queries.meeting_page(slug)
    except Meeting.DoesNotExist:
        raise Http404 from None

    minutes = getattr(meeting, "minutes", None)
    adopted = minutes if minutes and minutes.state == Minutes.State.ADOPTED else None
    context = {
        "meeting": meeting,
        "minutes": adopted,
        "minutes_text": adopted.versions.latest("number").text if adopted else "",
        "sections": sections_for(meeting),
    }
    return render(request, "governance/meeting_detail.html", context)


def all_meetings_calendar(request: HttpRequest) -> HttpResponse:
    ics = calendar(queries.public_meetings(), _("RI Hub: all meetings"))
    return HttpResponse(ics, content_type=ICS)


def body_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    meetings = queries.public_meetings().filter(body=body)
    name = _("RI Hub: %(body)s") % {"body": body.name}
    return HttpResponse(calendar(meetings, name), content_type=ICS)


def meeting_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_object_or_404(queries.public_meetings(), slug=slug)
    if meeting.start_date is None:
        raise Http404  # a calendar event needs a date
    return HttpResponse(calendar([meeting], meeting.title), content_type=ICS)


def commitment_tracker(request: HttpRequest) -> HttpResponse:
    """Every public commitment, filtered by economy, priority area and status."""
    commitments = queries.public_commitments()
    chosen = {
        "economy": request.GET.get("economy", ""),
        "area": request.GET.get("area", ""),
        "status": request.GET.get("status", ""),
    }
    if chosen["economy"]:
        commitments = commitments.filter(economy__code=chosen["economy"])
    if chosen["area"]:
        commitments = commitments.filter(priority_area__slug=chosen["area"])
    if chosen["status"]:
        commitments = commitments.filter(status=chosen["status"])

    context = {
        "page": Paginator(commitments, PER_PAGE).get_page(request.GET.get("page")),
        "chosen": chosen,
        "economies": Economy.objects.all(),
        "areas": PriorityArea.objects.all(),
        "statuses": CommitmentStatus.choices,
        "reportable": reportable_economies(request.user),
    }
    return render(request, "governance/commitment_tracker.html", context)


def reportable_economies(user: Any) -> set[str]:
    """Codes of the economies whose commitments the user may report on."""
    if not user.is_authenticated:
        return set()
    if manages_meetings(user) or edits_every_economy(user):
        return set(Economy.objects.values_list("code", flat=True))
    return set(economies_of(user).values_list("code", flat=True))


def invitation_reply(request: HttpRequest, token: str) -> HttpResponse:
    """Reply to an invitation through its signed link, without signing in."""
    try:
        invitation = invitations.invitation_from(token)
    except GovernanceError as error:
        refused: dict[str, object] = {"problem": str(error)}
        return render(request, "governance/invitation_reply.html", refused, status=400)

    problem = ""
    if request.method == "POST":
        try:
            invitations.record_reply(invitation, request.POST.get("reply", ""))
        except GovernanceError as error:
            problem = str(error)
        else:
            return render(
                request, "governance/invitation_thanks.html", {"invitation": invitation}
            )

    context = {"invitation": invitation, "problem": problem, "replies": REPLIES}
    return render(
        request,
        "governance/invitation_reply.html",
        context,
        status=400 if problem else 200,
    )


def draft_minutes(request: HttpRequest, slug: str) -> HttpResponse:
    """Members of the body read the minutes before adoption, and comment."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    meeting = get_object_or_404(Meeting.objects.select_related("body"), slug=slug)
    record = getattr(meeting, "minutes", None)
    if record is None or not can_read_draft_minutes(request.user, meeting):
        raise Http404

    form = CommentForm(request.POST or None)
    outcome = attempt(
        request,
        form,
        lambda data: minutes.comment(
            record, data["text"], request.user, data["section"]
        ),
    )
    if outcome.done:
        return redirect("governance:draft-minutes", meeting.slug)

    version = record.versions.latest("number")
    context = {
        "meeting": meeting,
        "minutes": record,
        "version": version,
        "comments": version.comments.select_related("author"),
        "form": form,
        "problem": outcome.problem,
    }
    return render(request, "governance/draft_minutes.html", context)


def report_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """An NRCP (or the secretariat) reports progress on a commitment."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    commitment = get_object_or_404(queries.public_commitments(), pk=pk)
    if not can_report_progress(request.user, commitment):
        raise PermissionDenied

    form = ProgressForm(request.POST or None)

    def step(data: dict[str, Any]) -> object:
        return commitments.report_progress(
            commitment,
            request.user,
            data["status"],
            data["reported_on"],
            value=data["value"],
            evidence=data["evidence"],
        )

    outcome = attempt(request, form, step)
    if outcome.done:
        messages.success(request, _("Progress recorded."))
        return redirect("governance:commitment-tracker")

    context = {"commitment": commitment, "form": form, "problem": outcome.problem}
    return render(request, "governance/report_progress.html", context)


def update_action_item(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner of an action item says how far it is, with evidence."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    item = get_object_or_404(
        ActionItem.objects.select_related("owner", "meeting"), pk=pk
    )
    if not action_items.can_update(request.user, item):
        raise PermissionDenied

    initial = {"status": item.status, "evidence": item.evidence}
    form = ActionItemForm(request.POST or None, initial=initial)
    outcome = attempt(
        request,
        form,
        lambda data: action_items.update_action_item(
            item, request.user, data["status"], data["evidence"]
        ),
    )
    if outcome.done:
        messages.success(request, _("Action item updated."))
        return redirect(item.meeting.get_absolute_url())

    context = {"item": item, "form": form, "problem": outcome.problem}
    return render(request, "governance/action_item_form.html", context)
