"""Read models of governance for public pages, in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from rihub.governance.models import Assessment, Commitment, Meeting, ProgressUpdate


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.public().select_related("body")


def meeting_page(slug: str) -> Meeting:
    """A published meeting with its agenda, decisions and adopted minutes."""
    return (
        public_meetings()
        .select_related("minutes")
        .prefetch_related(
            "agenda_items__documents",
            "decisions",
            "activities",
            "action_items",
            Prefetch(
                "commitments",
                queryset=Commitment.objects.select_related("economy", "priority_area"),
            ),
            Prefetch(
                "assessments", queryset=Assessment.objects.select_related("economy")
            ),
        )
        .get(slug=slug)
    )


def public_commitments() -> QuerySet[Commitment]:
    return (
        Commitment.objects.public()
        .select_related("economy", "priority_area", "meeting")
        .prefetch_related(
            Prefetch(
                "progress_updates",
                queryset=ProgressUpdate.objects.order_by("-reported_on", "-pk"),
            )
        )
    )
