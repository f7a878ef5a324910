"""The regional cooperation's meetings and what comes out of them."""

from rihub.governance.models.agenda import AgendaItem
from rihub.governance.models.attendance import Attendance, Observer
from rihub.governance.models.commitment import (
    Assessment,
    Commitment,
    CommitmentStatus,
    ProgressUpdate,
)
from rihub.governance.models.invitation import Invitation
from rihub.governance.models.meeting import Meeting
from rihub.governance.models.minutes import Minutes, MinutesComment, MinutesVersion
from rihub.governance.models.outcomes import ActionItem, Activity, Decision, WorkStatus

__all__ = [
    "ActionItem",
    "Activity",
    "AgendaItem",
    "Assessment",
    "Attendance",
    "Commitment",
    "CommitmentStatus",
    "Decision",
    "Invitation",
    "Meeting",
    "Minutes",
    "MinutesComment",
    "MinutesVersion",
    "Observer",
    "ProgressUpdate",
    "WorkStatus",
]
