"""The sign-up form and the preferences form, checked before a service runs."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rihub.bulletins.subscriptions import services
from rihub.directory.models import Economy, PriorityArea


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the bulletin"),
        choices=settings.LANGUAGES,
        help_text=_("Where a bulletin is not translated, you receive it in English."),
    )
    economies = forms.ModelMultipleChoiceField(
        label=_("Economies that interest you"),
        queryset=Economy.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Optional."),
    )
    priority_areas = forms.ModelMultipleChoiceField(
        label=_("Priority areas that interest you"),
        queryset=PriorityArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Optional."),
    )


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to this statement"),
        error_messages={"required": _("Tick the box to agree, or we cannot send it.")},
        widget=forms.CheckboxInput(attrs={"aria-describedby": "consent-statement"}),
    )
    # The honeypot: people never see it, programs that fill every field do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    field_order = ["email", "language", "economies", "priority_areas", "consent"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = translation.get_language()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("website"):
            raise forms.ValidationError(
                _(
                    "The form was not sent: a field that must stay empty was filled "
                    "in, as programs that send spam do. If you are a person, reload "
                    "the page and try again."
                )
            )
        shown = self.data.get("wording_version", "")
        if shown != services.wording_version(services.consent_wording()):
            raise forms.ValidationError(
                _(
                    "The consent statement changed while the form was open. Please "
                    "read it again and send the form once more."
                )
            )
        return cleaned
