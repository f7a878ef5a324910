from django.http import HttpRequest
from django.urls import path, reverse
from django.urls.resolvers import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet

from rihub.governance import admin_views
from rihub.governance.models import Meeting
from rihub.governance.permissions import manages_meetings
from rihub.governance.services import meetings
from rihub.governance.viewsets import GovernanceViewSetGroup

register_snippet(GovernanceViewSetGroup)


@hooks.register("after_create_snippet")
def propose_the_agenda(request: HttpRequest, instance: object) -> None:
    """A meeting created in the back office opens with the proposed items."""
    if isinstance(instance, Meeting):
        meetings.propose_agenda(instance)


@hooks.register("register_admin_urls")
def governance_urls() -> list[URLPattern]:
    meeting = "governance/meetings/<int:pk>/"
    return [
        path("governance/", admin_views.dashboard, name="governance-dashboard"),
        path(meeting, admin_views.workroom, name="governance-workroom"),
        path(
            "governance/attendance/<slug:slug>/",
            admin_views.attendance,
            name="governance-attendance",
        ),
        path(
            meeting + "invitations/",
            admin_views.send_invitations,
            name="governance-send-invitations",
        ),
        path(meeting + "roll/", admin_views.record_roll, name="governance-record-roll"),
        path(
            meeting + "minutes/",
            admin_views.save_minutes,
            name="governance-save-minutes",
        ),
        path(
            meeting + "minutes/circulate/",
            admin_views.circulate_minutes,
            name="governance-circulate-minutes",
        ),
        path(
            meeting + "minutes/adopt/",
            admin_views.adopt_minutes,
            name="governance-adopt-minutes",
        ),
        path(
            meeting + "minutes/compare/",
            admin_views.compare_versions,
            name="governance-compare-minutes",
        ),
    ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return manages_meetings(request.user)


@hooks.register("register_admin_menu_item")
def governance_menu_item() -> MenuItem:
    return DashboardMenuItem(
        _("Governance dashboard"),
        reverse("governance-dashboard"),
        icon_name="warning",
        order=140,
    )


@hooks.register("register_log_actions")
def register_governance_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        "rihub.minutes.draft", _("Draft minutes"), _("Minutes drafted")
    )
    actions.register_action(
        "rihub.minutes.revise", _("Revise minutes"), _("Minutes revised")
    )
    actions.register_action(
        "rihub.minutes.circulate", _("Circulate minutes"), _("Minutes circulated")
    )
    actions.register_action(
        "rihub.minutes.adopt", _("Adopt minutes"), _("Minutes adopted")
    )
    actions.register_action(
        "rihub.progress.report", _("Report progress"), _("Progress reported")
    )
    actions.register_action(
        "rihub.attendance.record", _("Record attendance"), _("Attendance recorded")
    )
    actions.register_action(
        "rihub.action_item.update", _("Update action item"), _("Action item updated")
    )
