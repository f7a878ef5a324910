"""Back-office forms that keep an NRCP's edits inside their own economy."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model, QuerySet
from django.db.models.deletion import Collector, ProtectedError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from rihub.directory.models import Economy
from rihub.directory.permissions import economies_of, edits_every_economy

OUTSIDE_ECONOMY = _("You can only file records under your own economy.")


class EconomyScopedForm(WagtailAdminModelForm):
    """Offer only the user's own economy's records in the fields named in `scoped`.

    A choice outside them is refused with a clear message, even if posted by hand.
    Fields in `scoped_optional` may also stay empty.
    """

    scoped: dict[str, str] = {}
    scoped_optional: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and edits_every_economy(user):
            return

        # Without a user to ask, offer nothing: scoping fails closed.
        economies = economies_of(user) if user else Economy.objects.none()
        for name, lookup in self.scoped.items():
            self.narrow(name, lookup, economies).required = True
        for name, lookup in self.scoped_optional.items():
            self.narrow(name, lookup, economies)

    def narrow(self, name: str, lookup: str, economies: QuerySet[Economy]) -> Any:
        field = self.fields[name]
        field.queryset = field.queryset.filter(**{lookup: economies})
        field.error_messages["invalid_choice"] = OUTSIDE_ECONOMY
        return field


class OrganisationForm(EconomyScopedForm):
    scoped = {"economy": "pk__in"}


class PersonForm(EconomyScopedForm):
    scoped = {"organisation": "economy__in"}


class MandateForm(EconomyScopedForm):
    scoped = {"seat": "economy__in", "organisation": "economy__in"}
    scoped_optional = {
        "holder": "organisation__economy__in",
        "substitute": "organisation__economy__in",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        seats = self.fields["seat"]
        seats.queryset = seats.queryset.labelled()


class BodyForm(WagtailAdminModelForm):
    """Refuse to remove a seat definition whose seats have a history."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for form in self.formsets["seat_definitions"].deleted_forms:
            definition = form.instance
            if definition.pk and in_use(definition):
                raise ValidationError(
                    _(
                        "The seats of %(role)s have mandates or attendance on record;"
                        " lower their number or keep them instead of removing them."
                    )
                    % {"role": definition.role}
                )
        return cleaned


def in_use(record: Model) -> bool:
    """Whether deleting the record would be stopped by records that need it."""
    try:
        Collector(using=DEFAULT_DB_ALIAS).collect([record])
    except ProtectedError:
        return True
    return False
