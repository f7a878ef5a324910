from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rihub.directory.queries import composition


def who_we_are(request: HttpRequest) -> HttpResponse:
    """The bodies, their seats and the institutions holding them today."""
    context = {"bodies": composition(timezone.localdate())}
    return render(request, "directory/who_we_are.html", context)
