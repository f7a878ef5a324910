from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rihub.directory.models import Body, Economy, PriorityArea
from rihub.directory.queries import composition


def home(request: HttpRequest) -> HttpResponse:
    """The project at a glance: its economies, priority areas and Task Force."""
    task_force = Body.objects.filter(kind=Body.Kind.TASK_FORCE).first()
    bodies = composition(timezone.localdate(), [task_force]) if task_force else []
    context = {
        "economies": Economy.objects.all(),
        "priority_areas": PriorityArea.objects.all(),
        "task_force": bodies[0] if bodies else None,
    }
    return render(request, "home.html", context)
