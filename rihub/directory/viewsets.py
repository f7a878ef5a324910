"""The directory in the Wagtail back office."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from rihub.directory.forms import (
    BodyForm,
    MandateForm,
    OrganisationForm,
    PersonForm,
)
from rihub.directory.models import (
    Body,
    Economy,
    Mandate,
    Organisation,
    Person,
    PriorityArea,
)
from rihub.directory.permissions import EDIT_EVERY_ECONOMY


class InstanceCheckedMixin:
    """Refuse a record the user may not act on, not only a model they may not.

    Wagtail checks model permissions on these views; the directory's permission
    policies also look at the record's economy.
    """

    instance_action = "change"

    def get_object(self, queryset: Any = None) -> Any:
        instance = super().get_object(queryset)  # type: ignore[misc]
        user = self.request.user  # type: ignore[attr-defined]
        policy = self.permission_policy  # type: ignore[attr-defined]
        if not policy.user_has_permission_for_instance(
            user, self.instance_action, instance
        ):
            raise PermissionDenied
        return instance


class ScopedEditView(InstanceCheckedMixin, EditView):
    instance_action = "change"


class ScopedDeleteView(InstanceCheckedMixin, DeleteView):
    instance_action = "delete"


class ScopedViewSet(SnippetViewSet):
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView


class EconomyViewSet(SnippetViewSet):
    model = Economy
    icon = "site"
    list_display = ["name", "code", "short_name", "designation_footnote"]
    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("code"),
        FieldPanel("official_languages"),
        FieldPanel("designation_footnote"),
        FieldPanel("former_name"),
        FieldPanel("order"),
        FieldPanel("source"),
    ]


class PriorityAreaViewSet(SnippetViewSet):
    model = PriorityArea
    icon = "tag"
    list_display = ["name", "slug"]


class OrganisationViewSet(ScopedViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "kind", "economy"]
    list_filter = ["kind", "economy"]
    search_fields = ["name", "acronym"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("acronym"),
            FieldPanel("kind"),
            FieldPanel("economy"),
            FieldPanel("website"),
            FieldPanel("note"),
            FieldPanel("source"),
        ],
        base_form_class=OrganisationForm,
    )


class PersonViewSet(ScopedViewSet):
    model = Person
    icon = "user"
    list_display = ["__str__", "organisation", "position", "publish_contact"]
    search_fields = ["given_name", "family_name", "position"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("honorific"),
                    FieldPanel("given_name"),
                    FieldPanel("family_name"),
                ],
                heading=_("Name"),
            ),
            FieldPanel("organisation"),
            FieldPanel("position"),
            MultiFieldPanel(
                [
                    FieldPanel("email"),
                    FieldPanel("phone"),
                    FieldPanel("publish_contact"),
                    FieldPanel("consent_recorded_on"),
                ],
                heading=_("Contact data (private unless published)"),
            ),
            # Linking an account gives it the person's economy: the secretariat's call.
            FieldPanel("user", permission=EDIT_EVERY_ECONOMY),
        ],
        base_form_class=PersonForm,
    )


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "folder-open-1"
    list_display = ["name", "kind", "convener"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("kind"),
            FieldPanel("description"),
            FieldPanel("convener"),
            FieldPanel("quorum"),
            FieldPanel("order"),
            FieldPanel("source"),
            InlinePanel("seat_definitions", heading=_("Seats"), label=_("Seat")),
        ],
        base_form_class=BodyForm,
    )


class MandateViewSet(ScopedViewSet):
    model = Mandate
    icon = "date"
    list_display = ["seat", "holder", "organisation", "position", "start", "end"]
    list_filter = ["seat__definition__body", "seat__economy"]
    edit_handler = ObjectList(
        [
            FieldPanel("seat"),
            FieldPanel("holder"),
            FieldPanel("organisation"),
            FieldPanel("position"),
            FieldPanel("substitute"),
            FieldPanel("start"),
            FieldPanel("end"),
            FieldPanel("note"),
            FieldPanel("source"),
        ],
        base_form_class=MandateForm,
    )


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-inverse"
    menu_order = 200
    items = (
        EconomyViewSet,
        OrganisationViewSet,
        PersonViewSet,
        BodyViewSet,
        MandateViewSet,
        PriorityAreaViewSet,
    )
