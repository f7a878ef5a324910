"""Back-office views of this part of the bulletin, registered with Wagtail."""

from django.http import HttpRequest
from django.urls import path, reverse
from django.urls.resolvers import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from rihub.bulletins.sending import admin_views


@hooks.register("register_admin_urls")
def campaign_urls() -> list[URLPattern]:
    campaign = "bulletins/campaigns/<int:bulletin_id>/"
    return [
        path(
            "bulletins/campaigns/",
            admin_views.campaign_list,
            name="bulletins-campaigns",
        ),
        path(campaign, admin_views.campaign_detail, name="bulletins-campaign"),
        path(
            campaign + "start/",
            admin_views.start_sending,
            name="bulletins-campaign-start",
        ),
    ]


class CampaignMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("bulletins.view_campaign")


@hooks.register("register_admin_menu_item")
def campaign_menu_item() -> MenuItem:
    return CampaignMenuItem(
        _("Bulletin campaigns"),
        reverse("bulletins-campaigns"),
        icon_name="mail",
        order=150,
    )
