from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "rihub.website"
    label = "website"
    verbose_name = _("Website")
    reference_loader = "rihub.website.reference"

    def ready(self) -> None:
        from rihub.website import caching, signals  # noqa: F401

        # Commands and the task worker change content too: their changes must
        # reach the pages cached by the web servers.
        caching.connect()
