"""Recording interventions and their steps, each in one transaction."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from rihub.directory.models import Economy
from rihub.directory.permissions import economies_of, edits_every_economy
from rihub.governance.errors import GovernanceError
from rihub.mainstreaming.lifecycle import is_forward
from rihub.mainstreaming.models import (
    Intervention,
    InterventionStatus,
    InterventionStep,
)

RECORD = "mainstreaming.add_intervention"


def in_scope(user: Any, economies: list[Economy]) -> bool:
    """The secretariat acts for every economy; an NRCP for their own only."""
    if not (user.is_authenticated and user.has_perm(RECORD)):
        return False
    if edits_every_economy(user):
        return True
    own = set(economies_of(user).values_list("pk", flat=True))
    return bool(economies) and {e.pk for e in economies} <= own


@transaction.atomic
def propose(
    intervention: Intervention, economies: list[Economy], user: Any
) -> Intervention:
    """Record a new intervention, proposed on its day, for the economies concerned."""
    if not economies:
        raise GovernanceError(_("Name at least one economy concerned."))
    if not in_scope(user, economies):
        raise GovernanceError(_("An economy outside your own is not yours to record."))
    if intervention.proposed_on > timezone.localdate():
        raise GovernanceError(_("A proposal cannot be dated in the future."))

    intervention.status = InterventionStatus.PROPOSED
    intervention.recorded_by = user
    intervention.full_clean(exclude=["economies"])
    intervention.save()
    intervention.economies.set(economies)
    InterventionStep.objects.create(
        intervention=intervention,
        status=InterventionStatus.PROPOSED,
        taken_on=intervention.proposed_on,
        recorded_by=user,
    )
    log(instance=intervention, action="wagtail.create", user=user)
    return intervention


@transaction.atomic
def take_step(
    intervention: Intervention,
    status: str,
    on: dt.date,
    user: Any,
    evidence: str = "",
    reason: str = "",
) -> InterventionStep:
    """Move one step on; the secretariat may also go back, giving a reason."""
    intervention = Intervention.objects.select_for_update().get(pk=intervention.pk)
    if not in_scope(user, list(intervention.economies.all())):
        raise GovernanceError(
            _("You can update only your own economy's interventions.")
        )
    if status not in InterventionStatus.values:
        raise GovernanceError(_("Choose one of the intervention's statuses."))
    if on < intervention.proposed_on:
        raise GovernanceError(_("A step cannot be dated before the proposal."))
    if on > timezone.localdate():
        raise GovernanceError(_("A step cannot be dated in the future."))

    forward = is_forward(intervention.status, status)
    if forward and not evidence.strip():
        raise GovernanceError(_("Give the evidence of the step: minutes, a document."))
    if not forward:
        correcting = edits_every_economy(user)
        if not correcting:
            raise GovernanceError(
                _("From %(current)s the next step cannot be %(wanted)s.")
                % {"current": intervention.get_status_display(), "wanted": status}
            )
        if not reason.strip():
            raise GovernanceError(_("Say why the step is taken back or skipped."))

    step = InterventionStep.objects.create(
        intervention=intervention,
        status=status,
        taken_on=on,
        evidence=evidence.strip(),
        reason=reason.strip(),
        recorded_by=user,
    )
    Intervention.objects.filter(pk=intervention.pk).update(status=status)
    log(instance=intervention, action="wagtail.edit", user=user)
    return step
