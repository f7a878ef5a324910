"""Meetings and their outcomes in the back office, run by the secretariat."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from rihub.governance.models import (
    ActionItem,
    Activity,
    Assessment,
    Commitment,
    Decision,
    Meeting,
)


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "calendar-alt"
    list_display = ["title", "body", "year", "start_date", "status", "published"]
    list_filter = ["body", "kind", "status", "year"]
    search_fields = ["title", "place"]
    panels = [
        # A few bodies: a plain list reads better than a chooser.
        FieldPanel("body", widget=forms.Select),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online")]),
        FieldPanel("languages"),
        FieldPanel("status"),
        FieldPanel("description"),
        FieldPanel("published"),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
        InlinePanel(
            "observers",
            heading=_("Observers (no seat in the body)"),
            label=_("Observer"),
        ),
    ]


class DecisionViewSet(SnippetViewSet):
    model = Decision
    icon = "tick-inverse"
    list_display = ["__str__", "kind", "meeting"]
    list_filter = ["kind", "meeting__body"]


class ActivityViewSet(SnippetViewSet):
    model = Activity
    icon = "list-ul"
    list_display = ["title", "owner", "due_date", "status"]
    list_filter = ["status", "priority_area"]


class ActionItemViewSet(SnippetViewSet):
    model = ActionItem
    icon = "tasks"
    list_display = ["title", "owner", "due_date", "status"]
    list_filter = ["status"]


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    icon = "pick"
    list_display = ["__str__", "priority_area", "deadline", "status"]
    list_filter = ["economy", "priority_area", "status"]


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "doc-full"
    list_display = ["economy", "meeting"]
    list_filter = ["economy"]


class GovernanceViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Governance")
    menu_icon = "calendar-alt"
    menu_order = 150
    items = (
        MeetingViewSet,
        DecisionViewSet,
        ActivityViewSet,
        ActionItemViewSet,
        CommitmentViewSet,
        AssessmentViewSet,
    )
