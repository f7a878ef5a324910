"""The editors' forms: the monograph's record and a build's formats."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from rihub.monograph.chapters import Chapter


class MonographForm(WagtailAdminModelForm):
    # Stored as a list in a JSON field; chosen here from the book's chapters.
    chapters = forms.MultipleChoiceField(
        label=_("chapters"),
        choices=Chapter.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The chapters included; the book keeps its own order."),
    )

    def clean_chapters(self) -> list[str]:
        chosen = set(self.cleaned_data["chapters"])
        return [chapter.value for chapter in Chapter if chapter.value in chosen]


class BuildForm(forms.Form):
    formats = forms.MultipleChoiceField(
        label=_("formats"),
        choices=[("pdf", "PDF"), ("html", "HTML"), ("epub", "EPUB")],
        initial=["pdf", "html", "epub"],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A book unchanged since a build gives back that build's files."),
    )
