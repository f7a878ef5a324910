"""The back office's "Draft a bulletin": a quarter in, a draft to edit out."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rihub.bulletins import drafting
from rihub.bulletins.quarters import Quarter, QuarterError
from rihub.website.models import HomePage


class DraftForm(forms.Form):
    quarter = forms.CharField(
        label=gettext_lazy("Quarter"),
        max_length=20,
        help_text=gettext_lazy("Such as 2018-Q2: the year, then the quarter."),
    )

    def clean_quarter(self) -> Quarter:
        try:
            return Quarter.parse(self.cleaned_data["quarter"])
        except QuarterError as error:
            raise forms.ValidationError(str(error)) from None


def may_draft(request: HttpRequest) -> bool:
    """Whoever may add pages to the bulletin archive may draft a bulletin."""
    parent = drafting.find_archive() or HomePage.objects.first()
    if parent is None:
        return False
    return bool(parent.permissions_for_user(request.user).can_add_subpage())


def draft_bulletin(request: HttpRequest) -> HttpResponse:
    if not may_draft(request):
        raise PermissionDenied

    last = Quarter.of(timezone.localdate())
    form = DraftForm(request.POST or None, initial={"quarter": str(last)})
    if request.method == "POST" and form.is_valid():
        try:
            page = drafting.draft(form.cleaned_data["quarter"])
        except drafting.DraftRefused as refusal:
            form.add_error("quarter", str(refusal))
        else:
            messages.success(
                request, _("“%(title)s” is drafted: edit it.") % {"title": page.title}
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    context = {
        "form": form,
        "header_title": _("Draft a bulletin"),
        "header_icon": "mail",
    }
    return render(request, "bulletins/admin/draft.html", context)
