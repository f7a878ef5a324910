from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceRecord(models.Model):
    """A record that the reference data may create, and later refresh.

    `reference_values` keeps the values the reference data last wrote. A field whose
    value no longer matches them was changed by an editor, and a reload leaves the
    record alone.
    """

    reference_key = models.CharField(
        _("reference key"),
        max_length=120,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Identifies the record in the project's reference data."),
    )
    reference_values = models.JSONField(
        _("values last loaded"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True


class ReferenceTombstone(models.Model):
    """Remembers a reference record an editor deleted, so no reload brings it back."""

    model = models.CharField(_("kind of record"), max_length=100)
    key = models.CharField(_("reference key"), max_length=120)
    deleted = models.DateTimeField(_("deleted"), auto_now_add=True)

    class Meta:
        verbose_name = _("deleted reference record")
        verbose_name_plural = _("deleted reference records")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "key"], name="one_tombstone_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.key}"
