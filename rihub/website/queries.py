"""What each page type shows, read in a fixed number of queries."""

import datetime as dt
from collections import Counter
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from rihub.directory.models import Body, Economy, Mandate
from rihub.governance.models import Attendance, Commitment, CommitmentStatus, Meeting
from rihub.governance.queries import public_commitments
from rihub.lib.charts import Bar, bar_chart
from rihub.mainstreaming.models import Intervention
from rihub.website.models import (
    Document,
    DocumentLibraryPage,
    DocumentType,
    EconomyProfilePage,
    EventPage,
    NewsPage,
    TopicPage,
)

P = TypeVar("P", bound=Page)
# Strategies and action plans an economy's profile shows; the library has the rest.
PROFILE_DOCUMENTS = 6


def in_language(pages: QuerySet[P]) -> QuerySet[P]:
    """Live public pages in the visitor's language, English where none exists."""
    pages = pages.live().public().select_related("locale")  # type: ignore[attr-defined]
    active, default = Locale.get_active(), Locale.get_default()
    if active.pk == default.pk:
        return pages.filter(locale=default)
    translated = pages.model.objects.filter(locale=active).values("translation_key")
    return pages.filter(
        Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated))
    )


def latest_news(**filters: Any) -> QuerySet[NewsPage]:
    return in_language(NewsPage.objects.filter(**filters)).order_by("-date", "-pk")


def upcoming_events(today: dt.date, **filters: Any) -> QuerySet[EventPage]:
    events = in_language(EventPage.objects.filter(**filters))
    return events.filter(start_date__gte=today).order_by("start_date", "pk")


def recent_events(today: dt.date) -> QuerySet[EventPage]:
    events = in_language(EventPage.objects.filter(start_date__lt=today))
    return events.order_by("-start_date", "-pk")


def economy_profiles() -> dict[int, EconomyProfilePage]:
    """Each economy's profile page, by economy, in the visitor's language."""
    return {
        page.economy_id: page for page in in_language(EconomyProfilePage.objects.all())
    }


def topic_pages() -> dict[int, TopicPage]:
    return {
        page.priority_area_id: page for page in in_language(TopicPage.objects.all())
    }


def commitment_chart(commitments: QuerySet[Commitment], chart_id: str) -> SafeString:
    """How many commitments stand at each status, as an accessible bar chart."""
    counts = Counter(
        dict(commitments.values_list("status").annotate(n=Count("pk")).order_by())
    )
    if not counts:
        return mark_safe("")  # noqa: S308
    bars = [Bar(str(label), counts[value]) for value, label in CommitmentStatus.choices]
    return mark_safe(bar_chart(_("Commitments by status"), bars, chart_id))  # noqa: S308


def home(today: dt.date) -> dict[str, Any]:
    task_force = Body.objects.filter(kind=Body.Kind.TASK_FORCE).first()
    next_meeting = None
    if task_force:
        next_meeting = (
            Meeting.objects.public().of_body(task_force).upcoming(today).first()
        )
    upcoming = list(upcoming_events(today)[:4])
    return {
        "news": latest_news()[:4],
        "events": upcoming or recent_events(today)[:4],
        "events_are_upcoming": bool(upcoming),
        "featured": Document.objects.public().filter(featured=True)[:4],
        "economies": Economy.objects.all(),
        "profiles": economy_profiles(),
        "task_force": task_force,
        "next_task_force_meeting": next_meeting,
        "commitment_chart": commitment_chart(Commitment.objects.public(), "home-chart"),
    }


def library_url(economy: Economy) -> str:
    """The library's list of one economy's documents, in the visitor's language."""
    library = in_language(DocumentLibraryPage.objects.all()).first()
    if library is None:
        return ""
    return f"{library.url}?{urlencode({'economy': economy.code})}"


def economy_profile(economy: Economy, today: dt.date) -> dict[str, Any]:
    commitments = public_commitments().filter(economy=economy)
    return {
        "nrcp": nrcp_mandate(economy, today),
        # The latest few: the library, filtered by the economy, lists them all.
        "strategies": Document.objects.public()
        .filter(
            economies=economy,
            document_type__in=[DocumentType.STRATEGY, DocumentType.ACTION_PLAN],
        )
        .order_by("-date", "-pk")[:PROFILE_DOCUMENTS],
        "library_url": library_url(economy),
        "commitments": commitments,
        "commitment_chart": commitment_chart(
            Commitment.objects.public().filter(economy=economy), "economy-chart"
        ),
        "meetings": attended_meetings(economy),
        "interventions": Intervention.objects.public()
        .filter(economies=economy)
        .select_related("body", "priority_area"),
        "news": latest_news(economies=economy)[:5],
    }


def nrcp_mandate(economy: Economy, today: dt.date) -> Mandate | None:
    """The institution that holds the economy's seat in the Task Force today."""
    return (
        Mandate.objects.held_on(today)
        .filter(
            seat__economy=economy, seat__definition__body__kind=Body.Kind.TASK_FORCE
        )
        .select_related("organisation", "holder")
        .latest_first()
        .first()
    )


def attended_meetings(economy: Economy) -> QuerySet[Meeting]:
    present = [Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE]
    return (
        Meeting.objects.public()
        .filter(attendance__seat__economy=economy, attendance__status__in=present)
        .select_related("body")
        .distinct()
    )


def topic(page: TopicPage) -> dict[str, Any]:
    area = page.priority_area
    return {
        "documents": Document.objects.public().filter(priority_areas=area)[:10],
        "news": latest_news(priority_areas=area)[:5],
        "commitments": public_commitments().filter(priority_area=area),
    }


def section(level: str) -> dict[str, Any]:
    return {
        "documents": Document.objects.public().filter(level=level)[:10],
        "news": latest_news(level=level)[:5],
        "profiles": economy_profiles(),
    }
