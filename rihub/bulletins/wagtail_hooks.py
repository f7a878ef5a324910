"""The bulletin in the back office: drafting here; each part registers its own."""

from django.http import HttpRequest
from django.urls import path, reverse
from django.urls.resolvers import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from rihub.bulletins import admin_views
from rihub.bulletins.sending import wagtail_hooks as sending_hooks
from rihub.bulletins.subscriptions import wagtail_hooks as subscription_hooks

__all__ = ["sending_hooks", "subscription_hooks"]


@hooks.register("register_admin_urls")
def bulletin_urls() -> list[URLPattern]:
    return [
        path("bulletins/draft/", admin_views.draft_bulletin, name="bulletins-draft")
    ]


class DraftMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return admin_views.may_draft(request)


@hooks.register("register_admin_menu_item")
def draft_menu_item() -> MenuItem:
    return DraftMenuItem(
        _("Draft a bulletin"),
        reverse("bulletins-draft"),
        icon_name="mail",
        order=150,
    )
