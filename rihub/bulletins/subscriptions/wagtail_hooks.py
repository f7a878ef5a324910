"""Subscribers and the suppression list in the back office, for the secretariat.

Nobody adds or edits a subscriber here: consent comes only from the person, through
the form and the link it mails. A subscriber leaves through erasure, which keeps
the hashed address suppressed, never through a plain delete. The suppression list
is read-only; unsubscribes, bounces and erasures write it.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.log_actions import LogActionRegistry, log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from rihub.bulletins.models import Subscriber, Suppression
from rihub.bulletins.subscriptions import personal_data
from rihub.bulletins.subscriptions.views import data_response

EXPORT = "bulletins.view_subscriber"
ERASE = "bulletins.delete_subscriber"
NAMESPACE = "wagtailsnippets_bulletins_subscriber"
ERASED = "rihub.subscriber.erase"


class ActionsPolicy(ModelPermissionPolicy):
    """Model permissions, for only the actions the back office offers."""

    def __init__(self, model: type[Any], actions: list[str]) -> None:
        super().__init__(model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in self.actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions: list[str]) -> Any:
        return super().users_with_any_permission(
            [action for action in actions if action in self.actions]
        )


register_permission_policy(Subscriber, ActionsPolicy(Subscriber, ["view"]))
register_permission_policy(Suppression, ActionsPolicy(Suppression, ["view"]))


def export_subscriber(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm(EXPORT):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=pk)
    return data_response(personal_data.export_data(subscriber), f"subscriber-{pk}.json")


def erase_subscriber(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then erase a subscriber's data on their request."""
    if not request.user.has_perm(ERASE):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=pk)

    if request.method == "POST":
        with transaction.atomic():
            detail = _("Erased by the secretariat on request")
            suppression = personal_data.erase(subscriber, detail)
            # The audit trail names who erased, on the hashed entry: not the address.
            log(instance=suppression, action=ERASED, user=request.user)
        messages.success(
            request, _("The data is erased; the address stays on the suppression list.")
        )
        return redirect(f"{NAMESPACE}:list")

    context = {
        "subscriber": subscriber,
        "page_title": _("Erase a subscriber's data"),
        "header_icon": "bin",
    }
    return TemplateResponse(
        request, "bulletins/subscriptions/admin/erase.html", context
    )


def data_buttons(user: Any, subscriber: Subscriber) -> list[MenuItem]:
    buttons = []
    if user.has_perm(EXPORT):
        url = reverse(f"{NAMESPACE}:export", args=[subscriber.pk])
        buttons.append(MenuItem(_("Export data"), url, icon_name="download"))
    if user.has_perm(ERASE):
        url = reverse(f"{NAMESPACE}:erase", args=[subscriber.pk])
        buttons.append(MenuItem(_("Erase data"), url, icon_name="bin"))
    return buttons


class SubscriberIndexView(IndexView):
    def get_list_more_buttons(self, instance: Subscriber) -> list[Any]:
        more = super().get_list_more_buttons(instance)
        return [*more, *data_buttons(self.request.user, instance)]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    index_view_class = SubscriberIndexView
    list_display = ["email", "status", "language", "confirmed_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "status",
        "language",
        "economies",
        "priority_areas",
        "created",
        "confirmed_at",
        "unsubscribed_at",
    ]

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            *super().get_urlpatterns(),
            path("export/<int:pk>/", export_subscriber, name="export"),
            path("erase/<int:pk>/", erase_subscriber, name="erase"),
        ]


class SuppressionViewSet(SnippetViewSet):
    model = Suppression
    icon = "cross"
    list_display = ["__str__", "reason", "detail", "created"]
    list_filter = ["reason"]


class SubscriptionViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Subscribers")
    menu_icon = "mail"
    menu_order = 170
    items = (SubscriberViewSet, SuppressionViewSet)


register_snippet(SubscriptionViewSetGroup)


@hooks.register("register_log_actions")
def register_subscription_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        ERASED, gettext_lazy("Erase a subscriber's data"), gettext_lazy("Data erased")
    )
