from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "rihub.website"
    label = "website"
    verbose_name = _("Website")
    reference_loader = "rihub.website.reference"

    def ready(self) -> None:
        from rihub.website import signals  # noqa: F401
