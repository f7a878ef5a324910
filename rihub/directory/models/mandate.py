import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from rihub.directory.models.body import Seat
from rihub.directory.models.organisation import Organisation, Person
from rihub.directory.models.reference import ReferenceRecord


class MandateQuerySet(models.QuerySet["Mandate"]):
    def held_during(self, first: dt.date, last: dt.date) -> "MandateQuerySet":
        """Mandates that overlap the period; an unknown start or end is open."""
        started = Q(start__isnull=True) | Q(start__lte=last)
        not_ended = Q(end__isnull=True) | Q(end__gte=first)
        return self.filter(started & not_ended)

    def held_on(self, day: dt.date) -> "MandateQuerySet":
        return self.held_during(day, day)

    def held_in_year(self, year: int) -> "MandateQuerySet":
        return self.held_during(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def current(self) -> "MandateQuerySet":
        return self.held_on(timezone.localdate())

    def latest_first(self) -> "MandateQuerySet":
        return self.order_by(models.F("start").desc(nulls_last=True), "-pk")


class Mandate(ReferenceRecord):
    """A person or an institution holding a seat for a period.

    When several open-ended mandates overlap, the one that began last is the holder:
    a new appointment ends the previous one even when nobody recorded its end.
    """

    seat = models.ForeignKey(
        Seat, verbose_name=_("seat"), on_delete=models.PROTECT, related_name="mandates"
    )
    holder = models.ForeignKey(
        Person,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandates",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandates",
    )
    position = models.CharField(_("position"), max_length=300, blank=True)
    substitute = models.ForeignKey(
        Person,
        verbose_name=_("substitute"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitute_mandates",
    )
    start = models.DateField(
        _("start"), null=True, blank=True, help_text=_("Leave empty when not known.")
    )
    end = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Leave empty while it runs.")
    )
    note = models.TextField(_("note"), blank=True)
    source = models.URLField(_("source"), max_length=500, blank=True)

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["seat", models.F("start").asc(nulls_first=True), "pk"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=F("start")),
                name="mandate_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        holder = self.holder or self.organisation or _("vacant")
        return f"{self.seat.label}: {holder}"

    def clean(self) -> None:
        errors: dict[str, StrOrPromise] = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("A mandate cannot end before it starts.")
        if self.substitute_id and self.substitute_id == self.holder_id:
            errors["substitute"] = _("The substitute must be someone else.")
        if self.seat_id and self.organisation and not self._institution_fits_seat():
            errors["organisation"] = _("The institution belongs to another economy.")
        if not errors and self.seat_id and self.start:
            if self._overlaps_another(self.start):
                errors["start"] = _("Another mandate holds this seat at that time.")
        if errors:
            raise ValidationError(errors)

    def _institution_fits_seat(self) -> bool:
        economy_id = self.seat.economy_id
        own = self.organisation.economy_id if self.organisation else None
        return economy_id is None or own in (None, economy_id)

    def _overlaps_another(self, start: dt.date) -> bool:
        """Tell whether another dated mandate holds the seat at the same time.

        An undated mandate is history we lack, and an open-ended one that began
        earlier is succeeded by this one, so neither counts.
        """
        others = Mandate.objects.filter(seat_id=self.seat_id).exclude(pk=self.pk)
        succeeded = Q(end__isnull=True, start__lt=start)
        dated = others.filter(start__isnull=False).exclude(succeeded)
        return dated.held_during(start, self.end or dt.date.max).exists()
