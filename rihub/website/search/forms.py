"""What a visitor may ask of the search: words, filters, an order."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Economy, PriorityArea
from rihub.website.models import DocumentType, Level
from rihub.website.search.models import Kind

NOT_A_CHOICE = {"invalid_choice": _("“%(value)s” is not one of the choices.")}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=Kind.choices,
        error_messages=NOT_A_CHOICE,
    )
    type = forms.ChoiceField(
        label=_("Document type"),
        required=False,
        choices=DocumentType.choices,
        error_messages=NOT_A_CHOICE,
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=Level.choices,
        error_messages=NOT_A_CHOICE,
    )
    economy = forms.ModelChoiceField(
        label=_("Economy"),
        required=False,
        queryset=Economy.objects.all(),
        to_field_name="code",
        error_messages={"invalid_choice": _("No economy has the code “%(value)s”.")},
    )
    area = forms.ModelChoiceField(
        label=_("Priority area"),
        required=False,
        queryset=PriorityArea.objects.all(),
        to_field_name="slug",
        error_messages={"invalid_choice": _("No priority area is called “%(value)s”.")},
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={"invalid": _("A year is written in digits, such as 2019.")},
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=settings.RIHUB_DOCUMENT_LANGUAGES,
        error_messages=NOT_A_CHOICE,
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("relevance", _("Relevance")), ("date", _("Newest first"))],
        error_messages=NOT_A_CHOICE,
    )

    def chosen_filters(self) -> dict[str, str]:
        """The valid filters given, each as it is written in the address."""
        chosen: dict[str, str] = {}
        for name in ("kind", "type", "level", "economy", "area", "year", "language"):
            value: Any = self.cleaned_data.get(name)
            if isinstance(value, Economy):
                value = value.code
            elif isinstance(value, PriorityArea):
                value = value.slug
            if value not in (None, ""):
                chosen[name] = str(value)
        return chosen

    def by_date(self) -> bool:
        return self.cleaned_data.get("sort") == "date"
