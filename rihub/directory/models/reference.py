from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceRecord(models.Model):
    """A record that the reference data may create, and later refresh.

    The digest is taken from the values the reference data last wrote. A record whose
    values no longer match it was changed by an editor, and a reload leaves it alone.
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
    reference_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True
