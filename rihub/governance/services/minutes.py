"""The life of minutes: drafted, circulated, commented, revised, adopted, locked."""

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from rihub.directory.models import Mandate, Person
from rihub.governance.errors import GovernanceError
from rihub.governance.models import Meeting, Minutes, MinutesComment, MinutesVersion
from rihub.governance.permissions import can_comment_on_minutes, secretariat_only

State = Minutes.State


@transaction.atomic
def draft(meeting: Meeting, text: str, user: Any) -> Minutes:
    """Start the minutes of a meeting with their first version."""
    secretariat_only(user)
    if hasattr(meeting, "minutes"):
        raise GovernanceError(_("This meeting has minutes already; revise them."))

    minutes = Minutes.objects.create(meeting=meeting)
    add_version(minutes, text, user, note=_("First draft"))
    log(instance=minutes, action="rihub.minutes.draft", user=user)
    return minutes


@transaction.atomic
def revise(minutes: Minutes, text: str, note: str, user: Any) -> MinutesVersion:
    secretariat_only(user)
    minutes = locked_for_update(minutes)
    if minutes.locked:
        raise GovernanceError(_("Adopted minutes are locked and cannot change."))

    version = add_version(minutes, text, user, note=note)
    log(instance=minutes, action="rihub.minutes.revise", user=user)
    return version


@transaction.atomic
def circulate(minutes: Minutes, comments_until: dt.date, user: Any) -> Minutes:
    secretariat_only(user)
    minutes = locked_for_update(minutes)
    if minutes.locked:
        raise GovernanceError(_("Adopted minutes are locked and cannot change."))
    if comments_until < minutes.meeting_day():
        raise GovernanceError(_("The comment deadline is before the meeting."))

    minutes.state = State.CIRCULATED
    minutes.comment_deadline = comments_until
    minutes.save(update_fields=["state", "comment_deadline"])
    log(instance=minutes, action="rihub.minutes.circulate", user=user)
    transaction.on_commit(lambda: tell_members(minutes))
    return minutes


def tell_members(minutes: Minutes) -> int:
    """Mail each member of the body the link to the draft and the deadline."""
    meeting = minutes.meeting
    link = settings.WAGTAILADMIN_BASE_URL + reverse(
        "governance:draft-minutes", args=[meeting.slug]
    )
    sent = 0
    for person in members(meeting):
        context = {
            "person": person,
            "meeting": meeting,
            "minutes": minutes,
            "link": link,
        }
        with translation.override(person.language):
            subject = render_to_string(
                "governance/email/circulated_subject.txt", context
            )
            body = render_to_string("governance/email/circulated.txt", context)
        EmailMessage(" ".join(subject.split()), body, to=[person.email]).send()
        sent += 1
    return sent


def members(meeting: Meeting) -> list[Person]:
    """Holders and substitutes of the body's seats today, who have an address."""
    mandates = Mandate.objects.current().filter(seat__definition__body=meeting.body_id)
    people = Person.objects.filter(
        Q(mandates__in=mandates) | Q(substitute_mandates__in=mandates)
    )
    return list(people.exclude(email="").distinct())


@transaction.atomic
def comment(
    minutes: Minutes, text: str, user: Any, section: str = ""
) -> MinutesComment:
    """Comment on the current version, while the minutes are circulated."""
    minutes = locked_for_update(minutes)
    if not can_comment_on_minutes(user, minutes.meeting):
        raise GovernanceError(_("Only members of the body comment on its minutes."))
    if minutes.state != State.CIRCULATED:
        raise GovernanceError(_("Comments are taken while the minutes circulate."))
    deadline = minutes.comment_deadline
    if deadline and timezone.localdate() > deadline:
        raise GovernanceError(_("The time for comments has ended."))
    if not text.strip():
        raise GovernanceError(_("A comment needs some text."))
    version = minutes.versions.latest("number")
    if section and section not in sections(version.text):
        raise GovernanceError(_("The minutes have no section of that name."))

    return MinutesComment.objects.create(
        version=version, section=section, text=text.strip(), author=user
    )


@transaction.atomic
def adopt(
    minutes: Minutes,
    on: dt.date,
    user: Any,
    at_meeting: Meeting | None = None,
) -> Minutes:
    """Adopt the current version, at a later meeting or by written procedure."""
    secretariat_only(user)
    minutes = locked_for_update(minutes)
    if minutes.locked:
        raise GovernanceError(_("These minutes were adopted already."))
    if minutes.state != State.CIRCULATED:
        raise GovernanceError(_("Minutes are circulated before they are adopted."))
    if on < minutes.meeting_day():
        raise GovernanceError(_("Minutes cannot be adopted before the meeting."))

    minutes.state = State.ADOPTED
    minutes.adopted_on = on
    minutes.adopted_at = at_meeting
    minutes.adopted_by = (
        Minutes.Adoption.AT_MEETING
        if at_meeting
        else Minutes.Adoption.WRITTEN_PROCEDURE
    )
    minutes.save()
    Meeting.objects.filter(pk=minutes.meeting_id).update(
        status=Meeting.Status.MINUTES_ADOPTED
    )
    log(instance=minutes, action="rihub.minutes.adopt", user=user)
    return minutes


def add_version(minutes: Minutes, text: str, user: Any, note: str) -> MinutesVersion:
    if not text.strip():
        raise GovernanceError(_("The minutes need some text."))
    last = minutes.versions.order_by("-number").first()
    number = last.number + 1 if last else 1
    return MinutesVersion.objects.create(
        minutes=minutes, number=number, text=text, note=note, author=user
    )


def locked_for_update(minutes: Minutes) -> Minutes:
    """Reload the minutes under a row lock, so two editors cannot interleave."""
    return (
        Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    )


def sections(text: str) -> list[str]:
    return [line[3:].strip() for line in text.splitlines() if line.startswith("## ")]


@dataclass(frozen=True)
class DiffLine:
    change: str  # "same", "removed" or "added"
    text: str


def diff(older: MinutesVersion, newer: MinutesVersion) -> list[DiffLine]:
    """The lines of two versions, marked as kept, removed or added."""
    old, new = older.text.splitlines(), newer.text.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += [DiffLine("same", text) for text in old[i1:i2]]
            continue
        lines += [DiffLine("removed", text) for text in old[i1:i2]]
        lines += [DiffLine("added", text) for text in new[j1:j2]]
    return lines
