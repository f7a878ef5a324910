"""The library's filters, shared by its page, its CSV export, its feed and the API."""

from django import forms
from django.conf import settings
from django.db.models import QuerySet
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
        error_messages={"invalid_choice": _("No economy has the code “%(value)s”.")},
    )
    area = forms.ModelChoiceField(
        label=_("Priority area"),
        required=False,
        queryset=PriorityArea.objects.all(),
        to_field_name="slug",
        empty_label=_("Any priority area"),
        error_messages={"invalid_choice": _("There is no priority area “%(value)s”.")},
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1990, max_value=2100
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *settings.RIHUB_DOCUMENT_LANGUAGES],
    )


def filtered_documents(
    params: QueryDict,
) -> tuple[QuerySet[Document], LibraryFilter]:
    """The published documents the filters choose; all of them if a filter is wrong.

    The caller shows the form's errors: a wrong filter never passes silently.
    """
    form = LibraryFilter(params)
    documents: QuerySet[Document] = Document.objects.public().prefetch_related(
        "economies", "priority_areas"
    )
    if not form.is_valid():
        return documents, form

    chosen = form.cleaned_data
    economy, area = chosen["economy"], chosen["area"]
    documents = matching(
        documents,
        q=chosen["q"],
        document_type=chosen["type"],
        level=chosen["level"],
        economy=economy.code if economy else "",
        priority_area=area.slug if area else "",
        year=chosen["year"],
        language=chosen["language"],
    )
    return documents, form


def matching(
    documents: QuerySet[Document],
    *,
    q: str = "",
    document_type: str = "",
    level: str = "",
    economy: str = "",
    priority_area: str = "",
    year: int | None = None,
    language: str = "",
) -> QuerySet[Document]:
    """Narrow `documents` by each filter that is set; an economy by its code."""
    if q:
        documents = documents.filter(title__icontains=q)
    if document_type:
        documents = documents.filter(document_type=document_type)
    if level:
        documents = documents.filter(level=level)
    if economy:
        documents = documents.filter(economies__code=economy)
    if priority_area:
        documents = documents.filter(priority_areas__slug=priority_area)
    if year:
        documents = documents.filter(date__year=year)
    if language:
        documents = documents.filter(language=language)
    return documents
