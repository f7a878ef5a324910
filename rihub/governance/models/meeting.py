import datetime as dt
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from modelcluster.models import ClusterableModel

from rihub.directory.models import Body, ReferenceRecord

KINDS_OF_BODY = {
    "launch": Body.Kind.HIGH_LEVEL_MEETING,
    "conclusion": Body.Kind.HIGH_LEVEL_MEETING,
    "ministerial": Body.Kind.HIGH_LEVEL_MEETING,
    "annual": Body.Kind.TASK_FORCE,
    "extraordinary": Body.Kind.TASK_FORCE,
}


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def public(self) -> "MeetingQuerySet":
        return self.filter(published=True)

    def upcoming(self, today: dt.date) -> "MeetingQuerySet":
        return self.filter(start_date__gte=today).order_by("start_date")

    def of_body(self, body: Body) -> "MeetingQuerySet":
        return self.filter(body=body)

    def chronological(self) -> "MeetingQuerySet":
        return self.order_by(
            "year", models.F("start_date").asc(nulls_last=True), "number", "pk"
        )


class Meeting(ReferenceRecord, ClusterableModel):
    """One sitting of a body, from planning to adopted minutes."""

    class Kind(models.TextChoices):
        LAUNCH = "launch", _("High-Level Meeting: launch")
        CONCLUSION = "conclusion", _("High-Level Meeting: conclusion")
        MINISTERIAL = "ministerial", _("Other ministerial meeting")
        ANNUAL = "annual", _("Annual Task Force meeting")
        EXTRAORDINARY = "extraordinary", _("Extraordinary Task Force meeting")
        REGULAR = "regular", _("Meeting")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        INVITATIONS_SENT = "invitations_sent", _("Invitations sent")
        HELD = "held", _("Held")
        MINUTES_ADOPTED = "minutes_adopted", _("Minutes adopted")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(
        _("number"), null=True, blank=True, help_text=_("Its place in the series.")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("Filled from the start date when that is known.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=60, default="Europe/Belgrade"
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    description = models.TextField(_("description"), blank=True)
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Shown on the public website.")
    )
    source = models.URLField(_("source"), max_length=500, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-year", models.F("start_date").desc(nulls_last=True), "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting-detail", args=[self.slug])

    def save(self, *args: object, **kwargs: object) -> None:
        if self.start_date:
            self.year = self.start_date.year
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        errors = self.faults()
        if errors:
            raise ValidationError(errors)

    def faults(self) -> dict[str, StrOrPromise]:
        errors: dict[str, StrOrPromise] = {}
        if self.time_zone not in available_timezones():
            errors["time_zone"] = _("Choose a time zone such as Europe/Belgrade.")
        if self.end_date and not self.start_date:
            errors["end_date"] = _("An end date needs a start date.")
        elif self.ends_before_it_starts():
            errors["end_date"] = _("A meeting cannot end before it starts.")
        if self.start_date and self.year and self.year != self.start_date.year:
            errors["year"] = _("The year must be the start date's year.")
        expected = KINDS_OF_BODY.get(self.kind)
        if expected and self.body_id and self.body.kind != expected:
            errors["kind"] = _("This kind of meeting belongs to another body.")
        return errors

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def starts_at(self) -> dt.datetime | dt.date | None:
        """The start as an aware time, or only a date when the hour is unknown."""
        return self._moment(self.start_date, self.start_time)

    @property
    def ends_at(self) -> dt.datetime | dt.date | None:
        return self._moment(self.end_date or self.start_date, self.end_time)

    def ends_before_it_starts(self) -> bool:
        if self.start_date is None:
            return False
        last_day = self.end_date or self.start_date
        if last_day != self.start_date:
            return last_day < self.start_date
        both_times = self.start_time is not None and self.end_time is not None
        return both_times and self.end_time < self.start_time  # type: ignore[operator]

    def _moment(
        self, day: dt.date | None, time: dt.time | None
    ) -> dt.datetime | dt.date | None:
        if day is None or time is None:
            return day
        return dt.datetime.combine(day, time, tzinfo=self.zone)
