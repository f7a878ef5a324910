"""Forms for recording interventions; the services decide what is allowed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Body, Economy
from rihub.directory.permissions import economies_of, edits_every_economy
from rihub.mainstreaming.models import Intervention, InterventionStatus


class InterventionForm(forms.ModelForm):
    economies = forms.ModelMultipleChoiceField(
        label=_("Economies concerned"),
        queryset=Economy.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("NRCPs record interventions of their own economy."),
    )

    class Meta:
        model = Intervention
        fields = [
            "title",
            "proposal",
            "dimension",
            "body",
            "meeting",
            "priority_area",
            "decision",
            "commitment",
            "proposed_on",
            "documents",
            "internal",
        ]
        widgets = {"proposed_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mine = (
            Economy.objects.all() if edits_every_economy(user) else economies_of(user)
        )
        self.fields["economies"].queryset = mine  # type: ignore[attr-defined]
        bodies = Body.objects.filter(kind=Body.Kind.STRATEGY_BODY)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]


class StepForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"), choices=InterventionStatus.choices
    )
    taken_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Minutes, a report, a programming document: what shows the step."
            " Needed for every step forward."
        ),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only for the secretariat, when a step is taken back or skipped."),
    )
