"""Owners of action items report on them."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from rihub.governance.errors import GovernanceError
from rihub.governance.models import ActionItem, WorkStatus
from rihub.governance.permissions import manages_meetings


def can_update(user: Any, item: ActionItem) -> bool:
    """The secretariat, or the person the item is assigned to."""
    if not user.is_authenticated:
        return False
    owner = item.owner
    return manages_meetings(user) or (owner is not None and owner.user_id == user.pk)


@transaction.atomic
def update_action_item(
    item: ActionItem, user: Any, status: str, evidence: str
) -> ActionItem:
    if not can_update(user, item):
        raise GovernanceError(_("Only the owner of an action item reports on it."))
    if status not in WorkStatus.values:
        raise GovernanceError(_("Choose open, in progress, done or dropped."))
    if status == WorkStatus.DONE and not evidence.strip():
        raise GovernanceError(_("Say what shows the item is done."))

    item.status = status
    item.evidence = evidence.strip()
    item.save(update_fields=["status", "evidence"])
    log(instance=item, action="rihub.action_item.update", user=user)
    return item
