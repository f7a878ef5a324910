"""The library's filters, shared by its page, its CSV export and its feed."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from rihub.directory.models import Economy, PriorityArea
from rihub.website.models import Document, DocumentType, Level


class LibraryFilter(forms.Form):
    q = forms.CharField(label=_("Title contains"), required=False, max_length=200)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Any type")), *DocumentType.choices],
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any level")), *Level.choices]
    )
    economy = forms.ModelChoiceField(
        label=_("Economy"),
        required=False,
        queryset=Economy.objects.all(),
        to_field_name="code",
        empty_label=_("Any economy"),
    )
    area = forms.ModelChoiceField(
        label=_("Priority area"),
        required=False,
        queryset=PriorityArea.objects.all(),
        to_field_name="slug",
        empty_label=_("Any priority area"),
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1990, max_value=2100
    )


def filtered_documents(
    params: QueryDict,
) -> tuple["forms.QuerySet[Document]", LibraryFilter]:
    form = LibraryFilter(params)
    documents = Document.objects.public().prefetch_related(
        "economies", "priority_areas"
    )
    if not form.is_valid():
        return documents, form

    chosen = form.cleaned_data
    if chosen["q"]:
        documents = documents.filter(title__icontains=chosen["q"])
    if chosen["type"]:
        documents = documents.filter(document_type=chosen["type"])
    if chosen["level"]:
        documents = documents.filter(level=chosen["level"])
    if chosen["economy"]:
        documents = documents.filter(economies=chosen["economy"])
    if chosen["area"]:
        documents = documents.filter(priority_areas=chosen["area"])
    if chosen["year"]:
        documents = documents.filter(date__year=chosen["year"])
    return documents, form
