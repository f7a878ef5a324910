"""Reporting progress on commitments."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from rihub.governance.errors import GovernanceError
from rihub.governance.models import Commitment, CommitmentStatus, ProgressUpdate
from rihub.governance.permissions import can_report_progress


@transaction.atomic
def report_progress(
    commitment: Commitment,
    user: Any,
    status: str,
    on: dt.date,
    value: Decimal | None = None,
    evidence: str = "",
) -> ProgressUpdate:
    """Add a dated progress update; the commitment takes its status."""
    if not can_report_progress(user, commitment):
        raise GovernanceError(
            _("You can report only on your own economy's commitments.")
        )
    if status not in CommitmentStatus.values:
        raise GovernanceError(_("Choose one of the commitment statuses."))
    if on > timezone.localdate():
        raise GovernanceError(_("Progress cannot be reported for a future date."))
    if value is not None and not commitment.accepts(value):
        raise GovernanceError(out_of_range(commitment))

    update = ProgressUpdate.objects.create(
        commitment=commitment,
        reported_on=on,
        status=status,
        value=value,
        evidence=evidence,
        reported_by=user,
    )
    # An update for an earlier day does not overrule a later one.
    latest = commitment.progress_updates.latest("reported_on", "pk")
    Commitment.objects.filter(pk=commitment.pk).update(status=latest.status)
    log(instance=commitment, action="rihub.progress.report", user=user)
    return update


def out_of_range(commitment: Commitment) -> str:
    lowest, highest = commitment.lowest, commitment.highest
    if lowest is not None and highest is not None:
        return _("The value must lie between %(lowest)s and %(highest)s.") % {
            "lowest": lowest,
            "highest": highest,
        }
    if lowest is not None:
        return _("The value cannot be below %(lowest)s.") % {"lowest": lowest}
    return _("The value cannot be above %(highest)s.") % {"highest": highest}
