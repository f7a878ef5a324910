"""What a monograph may draw on: public records of the period, less those left out.

Every chapter reads through a Scope, so that no unpublished meeting, internal
intervention, draft page or unpublished document reaches any format.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format

from rihub.bulletins.models import BulletinPage
from rihub.governance.models import (
    Activity,
    Assessment,
    Attendance,
    Commitment,
    Decision,
    Meeting,
)
from rihub.governance.models.meeting import MeetingQuerySet
from rihub.mainstreaming.models import Intervention
from rihub.monograph.models import Monograph
from rihub.website.models import Document, NewsPage


@dataclass(frozen=True)
class Scope:
    monograph: Monograph

    @property
    def period(self) -> tuple[int, int]:
        return self.monograph.first_year, self.monograph.last_year

    def meetings(self) -> MeetingQuerySet:
        left_out = self.monograph.left_out_meetings.values("pk")
        return (
            Meeting.objects.public()
            .filter(year__range=self.period)
            .exclude(pk__in=left_out)
            .select_related("body")
            .chronological()
        )

    def decisions(self) -> list[Decision]:
        decisions = Decision.objects.filter(meeting__in=self.meetings())
        return list(decisions.order_by("meeting__start_date", "pk"))

    def activities(self) -> list[Activity]:
        activities = Activity.objects.filter(meeting__in=self.meetings())
        return list(activities.select_related("meeting", "priority_area"))

    def attendance(self) -> list[Attendance]:
        return list(Attendance.objects.filter(meeting__in=self.meetings()))

    def commitments(self) -> list[Commitment]:
        commitments = Commitment.objects.public().filter(meeting__in=self.meetings())
        related = commitments.select_related("economy", "priority_area", "meeting")
        return list(related.prefetch_related("progress_updates"))

    def assessments(self) -> list[Assessment]:
        assessments = Assessment.objects.filter(meeting__in=self.meetings())
        return list(assessments.select_related("economy", "meeting"))

    def interventions(self) -> list[Intervention]:
        interventions = (
            Intervention.objects.public()
            .filter(proposed_on__year__range=self.period)
            .select_related("dimension__pillar__strategy", "body", "priority_area")
            .prefetch_related("economies")
            .order_by("proposed_on", "pk")
        )
        return list(interventions)

    def documents(self) -> list[Document]:
        left_out = self.monograph.left_out_documents.values("pk")
        documents = (
            Document.objects.public()
            .filter(date__year__range=self.period)
            .exclude(pk__in=left_out)
            .prefetch_related("economies", "priority_areas")
            .order_by("date", "pk")
        )
        return list(documents)

    def news(self) -> list[NewsPage]:
        news = NewsPage.objects.live().public().filter(date__year__range=self.period)
        return list(news.order_by("date", "pk"))

    def bulletins(self) -> list[BulletinPage]:
        bulletins = BulletinPage.objects.live().public()
        within = bulletins.filter(year__range=self.period)
        return list(within.order_by("year", "quarter", "pk"))


def day(value: dt.date | None) -> str:
    return date_format(value) if value else ""


def when(meeting: Meeting) -> str:
    """The meeting's dates, or its year when they are not known."""
    if meeting.start_date is None:
        return str(meeting.year)
    if meeting.end_date and meeting.end_date != meeting.start_date:
        return f"{day(meeting.start_date)} – {day(meeting.end_date)}"
    return day(meeting.start_date)


def joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)
