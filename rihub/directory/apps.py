from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "rihub.directory"
    label = "directory"
    verbose_name = _("Directory")
    reference_loader = "rihub.directory.reference"

    def ready(self) -> None:
        from rihub import checks  # noqa: F401
        from rihub.directory import permissions, signals  # noqa: F401
