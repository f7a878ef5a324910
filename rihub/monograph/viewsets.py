"""The monograph's record in the back office, kept by the secretariat."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from rihub.monograph.models import Monograph


class MonographViewSet(SnippetViewSet):
    model = Monograph
    icon = "doc-full"
    menu_label = _("Monograph")
    add_to_admin_menu = True
    menu_order = 160
    list_display = ["title", "first_year", "last_year", "updated"]
    panels = [
        FieldPanel("title"),
        FieldPanel("subtitle"),
        FieldPanel("slug"),
        FieldRowPanel(
            [FieldPanel("first_year"), FieldPanel("last_year")],
            heading=_("Period covered"),
        ),
        FieldPanel("language"),
        FieldPanel("foreword"),
        FieldPanel("cover_image"),
        FieldPanel("chapters"),
        MultiFieldPanel(
            [
                FieldPanel("left_out_meetings", widget=forms.SelectMultiple),
                FieldPanel("left_out_documents", widget=forms.SelectMultiple),
            ],
            heading=_("Items left out"),
        ),
    ]
