from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry


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
