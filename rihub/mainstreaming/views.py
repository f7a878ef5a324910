"""The public face of mainstreaming: the matrix, dimensions and interventions."""

import csv
from collections import Counter
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rihub.lib.attempts import attempt
from rihub.lib.charts import Bar, bar_chart
from rihub.mainstreaming import matrix
from rihub.mainstreaming.forms import InterventionForm, StepForm
from rihub.mainstreaming.models import (
    Dimension,
    Intervention,
    InterventionStatus,
    Strategy,
)
from rihub.mainstreaming.services import RECORD, in_scope, propose, take_step


def public_interventions(strategy: Strategy) -> QuerySet[Intervention]:
    return Intervention.objects.public().filter(dimension__pillar__strategy=strategy)


def strategy_list(request: HttpRequest) -> HttpResponse:
    strategies = Strategy.objects.all()
    return render(
        request, "mainstreaming/strategy_list.html", {"strategies": strategies}
    )


def strategy_matrix(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = get_object_or_404(Strategy, slug=slug)
    by = request.GET.get("by", "economy")
    if by not in {"economy", "area"}:
        raise Http404
    build = matrix.by_economy if by == "economy" else matrix.by_priority_area
    grid = build(strategy, Intervention.objects.public())
    context = {
        "strategy": strategy,
        "grid": grid,
        "by": by,
        "chart": status_chart(strategy),
    }
    return render(request, "mainstreaming/matrix.html", context)


def status_chart(strategy: Strategy) -> SafeString:
    """How many public interventions stand at each status, as an SVG chart."""
    counts = Counter(public_interventions(strategy).values_list("status", flat=True))
    bars = [
        Bar(str(label), counts[value]) for value, label in InterventionStatus.choices
    ]
    title = _("Interventions by status")
    # The chart module escapes every text it writes.
    return mark_safe(bar_chart(str(title), bars, "status-chart"))  # noqa: S308


def dimension_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    dimension = get_object_or_404(
        Dimension.objects.select_related("pillar__strategy", "coordinator"),
        pk=pk,
        pillar__strategy__slug=slug,
    )
    interventions = (
        Intervention.objects.public()
        .filter(dimension=dimension)
        .select_related("body", "priority_area")
        .prefetch_related("economies", "steps")
        .order_by("proposed_on", "pk")
    )
    context = {"dimension": dimension, "interventions": interventions}
    return render(request, "mainstreaming/dimension_detail.html", context)


def intervention_detail(request: HttpRequest, pk: int) -> HttpResponse:
    intervention = get_object_or_404(
        Intervention.objects.public().select_related(
            "dimension__pillar__strategy", "body", "meeting", "priority_area"
        ),
        pk=pk,
    )
    context = {"intervention": intervention, "steps": intervention.steps.all()}
    return render(request, "mainstreaming/intervention_detail.html", context)


def rows(strategy: Strategy) -> list[dict[str, str]]:
    """One row per public intervention, for the exports."""
    found = (
        public_interventions(strategy)
        .select_related("dimension", "body", "priority_area")
        .prefetch_related("economies")
        .order_by("proposed_on", "pk")
    )
    return [
        {
            "id": str(item.pk),
            "title": item.title,
            "dimension": str(item.dimension),
            "body": item.body.name,
            "priority_area": item.priority_area.name,
            "economies": ", ".join(e.code for e in item.economies.all()),
            "status": item.status,
            "proposed_on": item.proposed_on.isoformat(),
        }
        for item in found
    ]


def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = get_object_or_404(Strategy, slug=slug)
    data = rows(strategy)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-interventions.csv"'
    fields = list(data[0]) if data else ["id", "title"]
    writer = csv.DictWriter(response, fieldnames=fields)
    writer.writeheader()
    writer.writerows(data)
    return response


def export_json(request: HttpRequest, slug: str) -> JsonResponse:
    strategy = get_object_or_404(Strategy, slug=slug)
    return JsonResponse({"strategy": strategy.name, "interventions": rows(strategy)})


def record_intervention(request: HttpRequest) -> HttpResponse:
    """An NRCP, or the secretariat, records a Roma issue brought to a body."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(RECORD):
        raise PermissionDenied

    form = InterventionForm(request.POST or None, user=request.user)

    @transaction.atomic
    def step(data: dict[str, Any]) -> Intervention:
        intervention = propose(
            form.save(commit=False), list(data["economies"]), request.user
        )
        intervention.documents.set(data["documents"])
        return intervention

    outcome = attempt(request, form, step)
    if outcome.done:
        return redirect(after_recording(outcome.result))

    context = {"form": form, "problem": outcome.problem}
    return render(request, "mainstreaming/intervention_form.html", context)


def record_step(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    intervention = get_object_or_404(Intervention, pk=pk)
    if not in_scope(request.user, list(intervention.economies.all())):
        raise PermissionDenied

    form = StepForm(request.POST or None)
    outcome = attempt(
        request,
        form,
        lambda data: take_step(
            intervention,
            data["status"],
            data["taken_on"],
            request.user,
            evidence=data["evidence"],
            reason=data["reason"],
        ),
    )
    if outcome.done:
        return redirect(after_recording(intervention))

    context = {"form": form, "problem": outcome.problem, "intervention": intervention}
    return render(request, "mainstreaming/step_form.html", context)


def after_recording(intervention: Intervention) -> str:
    """Internal interventions have no public page; their step form stands in."""
    if intervention.internal:
        return reverse("mainstreaming:record-step", args=[intervention.pk])
    return reverse("mainstreaming:intervention-detail", args=[intervention.pk])
