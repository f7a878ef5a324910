"""The monograph in the back office: its record, its builds, a build button."""

from collections.abc import Iterator
from typing import Any

from django.urls import path, reverse
from django.urls.resolvers import URLPattern
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from rihub.monograph import admin_views
from rihub.monograph.models import Monograph
from rihub.monograph.viewsets import MonographViewSet

register_snippet(MonographViewSet)


@hooks.register("register_admin_urls")
def build_urls() -> list[URLPattern]:
    return [
        path(
            "monograph/<int:pk>/builds/",
            admin_views.build_list,
            name="monograph-builds",
        ),
        path(
            "monograph/<int:pk>/builds/start/",
            admin_views.start_build,
            name="monograph-build-start",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def builds_button(instance: Any, user: Any, next_url: str) -> Iterator[Button]:
    if isinstance(instance, Monograph) and user.has_perm("monograph.view_build"):
        url = reverse("monograph-builds", args=[instance.pk])
        yield Button(_("Builds"), url, icon_name="cogs", priority=20)
