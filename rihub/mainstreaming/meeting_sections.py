"""What a meeting's page shows of mainstreaming: interventions that followed it."""

from django.db.models import Q

from rihub.governance.extensions import Section, add_meeting_section
from rihub.governance.models import Meeting
from rihub.mainstreaming.models import Intervention


@add_meeting_section
def interventions_that_followed(meeting: Meeting) -> Section | None:
    """Public interventions that stem from the meeting's decisions or commitments."""
    stems = Q(decision__meeting=meeting) | Q(commitment__meeting=meeting)
    found = list(Intervention.objects.public().filter(stems).distinct())
    if not found:
        return None
    return Section("mainstreaming/includes/followed.html", {"interventions": found})
