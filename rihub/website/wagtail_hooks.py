"""The library in the back office, run by the secretariat."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from rihub.website.models import Document


class DocumentViewSet(SnippetViewSet):
    model = Document
    icon = "doc-full-inverse"
    menu_label = _("Library")
    # Beside the pages: both are the website's content.
    add_to_admin_menu = True
    menu_order = 120
    list_display = ["title", "document_type", "level", "date", UpdatedAtColumn()]
    list_filter = ["document_type", "level", "live", "economies", "language"]
    list_per_page = 50


register_snippet(DocumentViewSet)
