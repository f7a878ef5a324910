"""Forms for the steps of a meeting, each validated before a service runs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rihub.governance.models import Attendance, CommitmentStatus, Meeting, WorkStatus


class MinutesTextForm(forms.Form):
    text = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Start each section with a line beginning with '## '."),
    )
    note = forms.CharField(label=_("What changed"), max_length=250, required=False)


class CirculateForm(forms.Form):
    comments_until = forms.DateField(
        label=_("Comments until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Members can comment until this day."),
    )


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label=_("Adopted on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    at_meeting = forms.ModelChoiceField(
        label=_("At the meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("Leave empty for adoption by written procedure."),
    )

    def __init__(self, *args: object, meeting: Meeting, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        later = Meeting.objects.of_body(meeting.body).exclude(pk=meeting.pk)
        self.fields["at_meeting"].queryset = later  # type: ignore[attr-defined]


class CommentForm(forms.Form):
    section = forms.CharField(label=_("Section"), max_length=200, required=False)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    reported_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    value = forms.DecimalField(
        label=_("Value"),
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=_("In the indicator's unit, if it has one."),
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A report, a decree, figures: what shows the progress."),
    )


class ActionItemForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=WorkStatus.choices)
    evidence = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


ROLL_CHOICES = [("", _("Not recorded")), *Attendance.Status.choices]
