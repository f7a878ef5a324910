"""The read API at /api/v1/, with its OpenAPI schema at /api/v1/openapi.json."""

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query, Schema

from rihub.api import documents, economies, pages
from rihub.api.schemas import (
    CommitmentOut,
    InterventionOut,
    MeetingDetailOut,
    MeetingOut,
)
from rihub.governance import queries
from rihub.governance.models import Commitment, Meeting, Minutes
from rihub.mainstreaming.models import Intervention

api = NinjaAPI(
    title="RI Hub",
    version="1",
    description=(
        "Open data of the Roma Integration project: economies, published meetings,"
        " commitments and interventions, and the website's documents, news and events."
        " Documents, news and events come in pages: `limit` (up to 100) and `offset`."
    ),
    urls_namespace="api",
)
api.add_router("", economies.router)
api.add_router("", documents.router)
api.add_router("", pages.router)


def meeting_out(meeting: Meeting) -> dict[str, object]:
    return {
        "slug": meeting.slug,
        "title": meeting.title,
        "body": meeting.body.name,
        "kind": meeting.kind,
        "year": meeting.year,
        "start_date": meeting.start_date,
        "end_date": meeting.end_date,
        "place": meeting.place,
        "online": meeting.online,
        "status": meeting.status,
        "url": meeting.get_absolute_url(),
    }


@api.get("/meetings", response=list[MeetingOut], tags=["meetings"])
def meetings(request: HttpRequest) -> list[dict[str, object]]:
    return [meeting_out(m) for m in queries.public_meetings()]


@api.get("/meetings/{slug}", response=MeetingDetailOut, tags=["meetings"])
def meeting(request: HttpRequest, slug: str) -> dict[str, object]:
    try:
        found = queries.meeting_page(slug)
    except Meeting.DoesNotExist:
        raise Http404 from None

    record = getattr(found, "minutes", None)
    adopted = record is not None and record.state == Minutes.State.ADOPTED
    text = record.versions.latest("number").text if adopted and record else None
    decisions = [decision.text for decision in found.decisions.all()]
    return meeting_out(found) | {"decisions": decisions, "minutes": text}


class CommitmentFilters(Schema):
    economy: str | None = None
    priority_area: str | None = None
    status: str | None = None


@api.get("/commitments", response=list[CommitmentOut], tags=["commitments"])
def commitments(
    request: HttpRequest, filters: Query[CommitmentFilters]
) -> list[dict[str, object]]:
    found = queries.public_commitments()
    if filters.economy:
        found = found.filter(economy__code=filters.economy)
    if filters.priority_area:
        found = found.filter(priority_area__slug=filters.priority_area)
    if filters.status:
        found = found.filter(status=filters.status)
    return [commitment_out(c) for c in found]


def commitment_out(commitment: Commitment) -> dict[str, object]:
    return {
        "id": commitment.pk,
        "economy": commitment.economy.code,
        "priority_area": commitment.priority_area.slug,
        "text": commitment.text,
        "indicator": commitment.indicator,
        "unit": commitment.unit,
        "baseline": commitment.baseline,
        "target": commitment.target,
        "deadline": commitment.deadline,
        "status": commitment.status,
        "meeting": commitment.meeting.slug,
        "progress": [
            {
                "reported_on": u.reported_on,
                "status": u.status,
                "value": u.value,
                "evidence": u.evidence,
            }
            for u in commitment.progress_updates.all()
        ],
    }


@api.get("/interventions", response=list[InterventionOut], tags=["mainstreaming"])
def interventions(request: HttpRequest) -> list[dict[str, object]]:
    """Public interventions only: those marked internal never leave the platform."""
    found = (
        Intervention.objects.public()
        .select_related("dimension", "body", "priority_area")
        .prefetch_related("economies")
    )
    return [
        {
            "id": item.pk,
            "title": item.title,
            "dimension": str(item.dimension),
            "body": item.body.name,
            "priority_area": item.priority_area.slug,
            "economies": [economy.code for economy in item.economies.all()],
            "status": item.status,
            "proposed_on": item.proposed_on,
        }
        for item in found
    ]
