from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from rihub.directory.models.reference import ReferenceRecord


@register_setting(icon="site")
class Project(ReferenceRecord, BaseGenericSetting):
    """The cooperation project itself: its name and the years it runs."""

    name = models.CharField(_("name"), max_length=150, default="Roma Integration")
    first_year = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True
    )
    last_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("project")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError(
                {"last_year": _("The project ends before it starts.")}
            )

    @property
    def years(self) -> range:
        if not (self.first_year and self.last_year):
            return range(0)
        return range(self.first_year, self.last_year + 1)
