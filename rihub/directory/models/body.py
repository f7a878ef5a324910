from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from rihub.directory.models.economy import Economy
from rihub.directory.models.organisation import Organisation
from rihub.directory.models.reference import ReferenceRecord


class Body(ReferenceRecord, ClusterableModel):
    """A group that meets: the High-Level Meeting, the Task Force, a strategy body."""

    class Kind(models.TextChoices):
        HIGH_LEVEL_MEETING = "high_level_meeting", _("High-Level Meeting")
        TASK_FORCE = "task_force", _("Task Force")
        STRATEGY_BODY = "strategy_body", _("Strategy body")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    convener = models.ForeignKey(
        Organisation,
        verbose_name=_("convener"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="convened_bodies",
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        null=True,
        blank=True,
        help_text=_("Seats that must be filled for the body to decide."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name


class SeatDefinition(ReferenceRecord):
    """How many seats of one role a body has, and whether per economy."""

    body = ParentalKey(Body, on_delete=models.CASCADE, related_name="seat_definitions")
    role = models.CharField(
        _("role"), max_length=150, help_text=_("E.g. National Roma Contact Point.")
    )
    per_economy = models.BooleanField(
        _("per economy"),
        default=False,
        help_text=_("One set of these seats for each participating economy."),
    )
    count = models.PositiveSmallIntegerField(
        _("how many"),
        default=1,
        help_text=_("Number of seats; per economy when the seats are per economy."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seat_definitions",
        help_text=_("For a seat that one institution always holds."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["body", "sort_order", "pk"]
        verbose_name = _("seat definition")
        verbose_name_plural = _("seat definitions")
        constraints = [
            models.UniqueConstraint(fields=["body", "role"], name="one_role_per_body"),
            models.CheckConstraint(
                condition=models.Q(count__gte=1), name="seat_count_at_least_one"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.role}"

    def clean(self) -> None:
        if self.count < 1:
            raise ValidationError({"count": _("A body has at least one such seat.")})


class SeatQuerySet(models.QuerySet["Seat"]):
    def active(self) -> "SeatQuerySet":
        return self.filter(active=True)

    def of_body(self, body: Body) -> "SeatQuerySet":
        return self.filter(definition__body=body)

    def labelled(self) -> "SeatQuerySet":
        """Fetch what a seat's label needs, in one query."""
        return self.select_related("definition__body", "economy")


class Seat(models.Model):
    """A place in a body, such as "NRCP of Montenegro" or "delegate 2".

    Seats are made from the body's seat definitions (see services.sync_seats); a seat
    that a definition no longer asks for is kept, inactive, with its history.
    """

    # Removing a definition removes its seats, unless their history protects them.
    definition = models.ForeignKey(
        SeatDefinition, on_delete=models.CASCADE, related_name="seats"
    )
    economy = models.ForeignKey(
        Economy,
        verbose_name=_("economy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seats",
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    active = models.BooleanField(_("active"), default=True)

    objects = SeatQuerySet.as_manager()

    class Meta:
        ordering = ["definition__body", "definition__sort_order", "economy", "number"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "economy", "number"],
                condition=models.Q(economy__isnull=False),
                name="one_seat_per_economy_and_number",
            ),
            models.UniqueConstraint(
                fields=["definition", "number"],
                condition=models.Q(economy__isnull=True),
                name="one_regional_seat_per_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.definition.body}: {self.label}"

    @property
    def label(self) -> str:
        return self.label_with(self.economy.name if self.economy else "")

    def label_with(self, economy_name: str) -> str:
        """The seat's label, with the economy's name given as the caller shows it."""
        label = self.definition.role
        if self.economy is not None:
            label = _("%(role)s of %(economy)s") % {
                "role": label,
                "economy": economy_name,
            }
        if self.definition.count > 1:
            label = f"{label} {self.number}"
        return str(label)
