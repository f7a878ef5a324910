"""Who may read, comment on and report on the records of meetings."""

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from rihub.directory.models import Mandate
from rihub.directory.permissions import economies_of, edits_every_economy
from rihub.governance.errors import GovernanceError
from rihub.governance.models import Commitment, Meeting

MANAGE_MEETINGS = "governance.change_meeting"
REPORT_PROGRESS = "governance.add_progressupdate"


def manages_meetings(user: Any) -> bool:
    """The secretariat runs meetings of every body."""
    return bool(user.is_active and user.has_perm(MANAGE_MEETINGS))


def is_member(user: Any, meeting: Meeting) -> bool:
    """Whether the user holds, or substitutes in, a seat of the meeting's body now."""
    if not user.is_authenticated:
        return False
    mandates = Mandate.objects.current().filter(seat__definition__body=meeting.body_id)
    mine = Q(holder__user=user) | Q(substitute__user=user)
    return mandates.filter(mine).exists()


def can_read_draft_minutes(user: Any, meeting: Meeting) -> bool:
    return manages_meetings(user) or is_member(user, meeting)


def can_comment_on_minutes(user: Any, meeting: Meeting) -> bool:
    """Whoever may read a draft may comment on it."""
    return can_read_draft_minutes(user, meeting)


def can_report_progress(user: Any, commitment: Commitment) -> bool:
    """The secretariat on any commitment; an NRCP on their own economy's."""
    if not (user.is_authenticated and user.has_perm(REPORT_PROGRESS)):
        return False
    if edits_every_economy(user) or manages_meetings(user):
        return True
    return economies_of(user).filter(pk=commitment.economy_id).exists()


def secretariat_only(user: Any) -> None:
    """Refuse a step that only the secretariat takes."""
    if not manages_meetings(user):
        raise GovernanceError(_("Only the secretariat does this."))
