"""The secretariat's governance dashboard: the rules' warnings, in one place."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rihub.governance.permissions import manages_meetings
from rihub.governance.services import rules


def dashboard(request: HttpRequest) -> HttpResponse:
    if not manages_meetings(request.user):
        raise PermissionDenied

    context = {"warnings": rules.warnings()}
    return render(request, "governance/admin/dashboard.html", context)
