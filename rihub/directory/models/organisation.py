from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from rihub.directory.models.economy import Economy
from rihub.directory.models.reference import ReferenceRecord


class Organisation(ReferenceRecord):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government institution")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        EU_INSTITUTION = "eu_institution", _("EU institution")
        INTERNATIONAL = "international", _("International organisation")
        FOUNDATION = "foundation", _("Foundation")
        SECRETARIAT = "secretariat", _("Secretariat")

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    economy = models.ForeignKey(
        Economy,
        verbose_name=_("economy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("For institutions of a participating government."),
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    source = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "economy"], name="organisation_unique_per_economy"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(models.Model):
    """Someone who holds or substitutes in a seat.

    Contact data stays inside the back office unless the person agreed to publish it.
    """

    honorific = models.CharField(_("honorific"), max_length=30, blank=True)
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    position = models.CharField(_("position"), max_length=250, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        default="en",
        help_text=_("The language of the messages this person receives, e.g. en, sq."),
    )
    publish_contact = models.BooleanField(
        _("publish contact data"),
        default=False,
        help_text=_("Tick only when the person agreed to show email and phone."),
    )
    consent_recorded_on = models.DateField(
        _("consent recorded on"),
        null=True,
        blank=True,
        help_text=_("The day the person agreed to publish their contact data."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return " ".join(
            filter(None, [self.honorific, self.given_name, self.family_name])
        )

    def clean(self) -> None:
        if self.publish_contact and not self.consent_recorded_on:
            raise ValidationError(
                {
                    "consent_recorded_on": _(
                        "Record when the person agreed before publishing their contact."
                    )
                }
            )

    @property
    def public_email(self) -> str:
        return self.email if self.publish_contact else ""

    @property
    def public_phone(self) -> str:
        return self.phone if self.publish_contact else ""
