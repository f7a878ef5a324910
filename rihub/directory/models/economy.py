from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.directory.models.reference import ReferenceRecord


class EconomyQuerySet(models.QuerySet["Economy"]):
    def with_footnote(self) -> "EconomyQuerySet":
        return self.exclude(designation_footnote="")


class Economy(ReferenceRecord):
    """A participating government."""

    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code; XK for Kosovo*."),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=40, help_text=_("For tables and narrow spaces.")
    )
    official_languages = models.JSONField(
        _("official languages"),
        default=list,
        blank=True,
        help_text=_("Language codes such as sq, sr or mk."),
    )
    designation_footnote = models.TextField(
        _("designation footnote"),
        blank=True,
        help_text=_("Shown wherever the economy's name is shown."),
    )
    former_name = models.CharField(_("former name"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.URLField(_("source"), max_length=500, blank=True)

    objects = EconomyQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("economy")
        verbose_name_plural = _("economies")
        permissions = [
            ("edit_every_economy", _("Can edit the records of every economy")),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def footnote_id(self) -> str:
        return f"designation-{self.code.lower()}"


class PriorityArea(ReferenceRecord):
    """A field of Roma integration policy that commitments and reports follow."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")

    def __str__(self) -> str:
        return self.name
