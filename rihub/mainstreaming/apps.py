from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MainstreamingConfig(AppConfig):
    name = "rihub.mainstreaming"
    label = "mainstreaming"
    verbose_name = _("Mainstreaming")
    reference_loader = "rihub.mainstreaming.reference"

    def ready(self) -> None:
        from rihub.mainstreaming import meeting_sections  # noqa: F401
