"""The monograph's builds in the back office: start one, follow its progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rihub.monograph import builds
from rihub.monograph.forms import BuildForm
from rihub.monograph.models import Build, Monograph

# While a build is queued or running, its page reloads itself this often.
REFRESH_SECONDS = 3
UNDER_WAY = [Build.Status.QUEUED, Build.Status.RUNNING]


def build_list(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("monograph.view_build"):
        raise PermissionDenied
    monograph = get_object_or_404(Monograph, pk=pk)
    made = list(monograph.builds.select_related("requested_by")[:20])
    under_way = any(build.status in UNDER_WAY for build in made)
    context = {
        "monograph": monograph,
        "builds": made,
        "form": BuildForm(),
        "can_build": request.user.has_perm("monograph.add_build"),
        "refresh": REFRESH_SECONDS if under_way else None,
    }
    return render(request, "monograph/admin/build_list.html", context)


@require_POST
def start_build(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("monograph.add_build"):
        raise PermissionDenied
    monograph = get_object_or_404(Monograph, pk=pk)
    form = BuildForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose at least one format."))
        return redirect("monograph-builds", pk)

    builds.request(monograph, form.cleaned_data["formats"], request.user)

    messages.success(request, _("The build has started."))
    return redirect("monograph-builds", pk)
