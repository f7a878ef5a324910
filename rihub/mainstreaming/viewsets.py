"""The strategies' structure in the back office, edited by the secretariat."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from rihub.mainstreaming.models import Dimension, Strategy


class StrategyViewSet(SnippetViewSet):
    model = Strategy
    icon = "list-ul"
    list_display = ["name", "adopted_on"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("title"),
        FieldPanel("adopted_on"),
        FieldPanel("description"),
        FieldPanel("bodies"),
        FieldPanel("source"),
        InlinePanel("pillars", heading=_("Pillars"), label=_("Pillar")),
        InlinePanel("targets", heading=_("Headline targets"), label=_("Target")),
    ]


class DimensionViewSet(SnippetViewSet):
    model = Dimension
    icon = "list-ol"
    list_display = ["__str__", "pillar", "coordinator"]
    list_filter = ["pillar"]
    panels = [
        FieldPanel("pillar"),
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("coordinator"),
        FieldPanel("note"),
    ]


class StrategyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Strategies")
    menu_icon = "list-ul"
    menu_order = 210
    items = (StrategyViewSet, DimensionViewSet)
