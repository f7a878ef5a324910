from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "rihub.website.search"
    label = "sitesearch"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from rihub.website.search import signals

        signals.connect()
