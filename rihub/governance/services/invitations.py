"""Invitations to meetings, replies through signed links, and one reminder each."""

import datetime as dt
import logging
import smtplib
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rihub.directory.models import Person, Seat
from rihub.directory.services import holder_on
from rihub.governance.calendar import calendar
from rihub.governance.errors import GovernanceError
from rihub.governance.models import Invitation, Meeting
from rihub.governance.permissions import secretariat_only

logger = logging.getLogger(__name__)
SALT = "rihub.governance.invitation"
Reply = Invitation.Reply


def send_invitations(meeting: Meeting, user: Any) -> list[Invitation]:
    """Invite each seat's holder on the meeting's first day; return the new ones.

    Each invitation is saved and sent on its own, so a mail server that fails
    half-way leaves the ones already sent recorded, and a second run sends the rest.
    """
    secretariat_only(user)
    if meeting.start_date is None:
        raise GovernanceError(_("A meeting needs its date before invitations go out."))

    sent = []
    seats = Seat.objects.of_body(meeting.body).active().labelled()
    for seat in seats:
        person = invitee(seat, meeting.start_date)
        if person is not None:
            invitation = invite(meeting, seat, person)
            if invitation is not None:
                sent.append(invitation)

    Meeting.objects.filter(pk=meeting.pk, status=Meeting.Status.PLANNED).update(
        status=Meeting.Status.INVITATIONS_SENT
    )
    return sent


def invitee(seat: Seat, day: dt.date) -> Person | None:
    """The seat's holder on the day, or the substitute if only they have an address."""
    mandate = holder_on(seat, day)
    if mandate is None:
        return None
    for person in (mandate.holder, mandate.substitute):
        if person is not None and person.email:
            return person
    return None


def uninvitable(meeting: Meeting) -> list[Seat]:
    """Active seats whose holder and substitute have no address to invite."""
    if meeting.start_date is None:
        return []
    seats = Seat.objects.of_body(meeting.body).active().labelled()
    return [seat for seat in seats if invitee(seat, meeting.start_date) is None]


@transaction.atomic
def invite(meeting: Meeting, seat: Seat, person: Person) -> Invitation | None:
    invitation, created = Invitation.objects.get_or_create(
        meeting=meeting, person=person, defaults={"seat": seat, "email": person.email}
    )
    if not created:
        return None
    deliver(invitation, "invitation")
    return invitation


def deliver(invitation: Invitation, kind: str) -> None:
    """Mail an invitation or a reminder, in the person's language, with the .ics."""
    meeting = invitation.meeting
    context = {
        "invitation": invitation,
        "meeting": meeting,
        "link": reply_link(invitation),
    }
    with translation.override(invitation.person.language):
        subject = render_to_string(f"governance/email/{kind}_subject.txt", context)
        body = render_to_string(f"governance/email/{kind}.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, to=[invitation.email])
    message.attach("meeting.ics", calendar([meeting], meeting.title), "text/calendar")
    message.send()


def reply_link(invitation: Invitation) -> str:
    token = signing.dumps(invitation.pk, salt=SALT)
    path = reverse("governance:invitation-reply", args=[token])
    return settings.WAGTAILADMIN_BASE_URL + path


def invitation_from(token: str) -> Invitation:
    """The invitation a signed link names, if the link is genuine and fresh."""
    max_age = dt.timedelta(days=settings.RIHUB_INVITATION_LINK_DAYS)
    try:
        pk = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        message = _("This link has expired. Ask the secretariat for a new one.")
        raise GovernanceError(message) from None
    except signing.BadSignature:
        message = _("This link is not valid. Check that it was copied whole.")
        raise GovernanceError(message) from None
    try:
        return Invitation.objects.select_related("meeting", "person", "seat").get(pk=pk)
    except Invitation.DoesNotExist:
        raise GovernanceError(_("This invitation was withdrawn.")) from None


@transaction.atomic
def record_reply(invitation: Invitation, reply: str) -> Invitation:
    """Record a reply; sending the substitute invites the mandate's substitute."""
    if reply not in {Reply.ACCEPTED, Reply.DECLINED, Reply.SUBSTITUTE}:
        raise GovernanceError(_("Choose whether you will attend."))
    meeting = invitation.meeting
    if meeting.start_date and meeting.start_date < timezone.localdate():
        raise GovernanceError(_("This meeting has taken place; replies are closed."))

    if reply == Reply.SUBSTITUTE:
        invite_substitute(invitation)
    invitation.reply = reply
    invitation.replied = timezone.now()
    invitation.save(update_fields=["reply", "replied"])
    return invitation


def invite_substitute(invitation: Invitation) -> None:
    mandate = holder_on(invitation.seat, invitation.meeting.start_date or dt.date.max)
    substitute = mandate.substitute if mandate else None
    if substitute is None or not substitute.email:
        raise GovernanceError(
            _("No substitute with an email address is recorded for this seat.")
        )
    invite(invitation.meeting, invitation.seat, substitute)


def not_replied(meeting: Meeting) -> list[Invitation]:
    waiting = meeting.invitations.filter(reply=Reply.NONE)
    return list(waiting.select_related("person", "seat__definition", "seat__economy"))


def send_reminders(today: dt.date) -> int:
    """Remind, once, everyone still expected at meetings in the next days.

    A reminder is claimed with a conditional update before it is sent, so two
    workers running at once never remind the same person twice.
    """
    last_day = today + dt.timedelta(days=settings.RIHUB_REMINDER_DAYS)
    due = Invitation.objects.filter(
        meeting__start_date__range=(today, last_day), reminded__isnull=True
    ).exclude(reply__in=[Reply.DECLINED, Reply.SUBSTITUTE])

    reminded = 0
    for invitation in due.select_related("meeting__body", "person"):
        claim = Invitation.objects.filter(pk=invitation.pk, reminded__isnull=True)
        if not claim.update(reminded=timezone.now()):
            continue
        try:
            deliver(invitation, "reminder")
        except (OSError, smtplib.SMTPException):
            # Give the claim back so that the next run tries again.
            logger.exception("Reminder to %s failed", invitation.email)
            Invitation.objects.filter(pk=invitation.pk).update(reminded=None)
            continue
        reminded += 1
    return reminded
