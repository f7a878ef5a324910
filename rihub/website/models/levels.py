"""What every piece of published information is classified by."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from rihub.directory.models import Economy, PriorityArea


class Level(models.TextChoices):
    ECONOMY = "economy", _("Economy")
    REGIONAL = "regional", _("Regional")
    EU = "eu", _("European Union")
    INTERNATIONAL = "international", _("International")


def level_field() -> models.CharField:
    return models.CharField(
        _("level"), max_length=15, choices=Level.choices, default=Level.REGIONAL
    )


class Classified(models.Model):
    """A page that belongs to a level, and may concern economies and areas."""

    level = level_field()
    economies = ParentalManyToManyField(
        Economy, verbose_name=_("economies"), blank=True, related_name="+"
    )
    priority_areas = ParentalManyToManyField(
        PriorityArea, verbose_name=_("priority areas"), blank=True, related_name="+"
    )

    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("economies", widget=forms.CheckboxSelectMultiple),
                FieldPanel("priority_areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        )
    ]

    class Meta:
        abstract = True
