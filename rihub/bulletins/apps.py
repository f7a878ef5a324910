from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinsConfig(AppConfig):
    name = "rihub.bulletins"
    label = "bulletins"
    verbose_name = _("Bulletins")
    default_auto_field = "django.db.models.BigAutoField"
    reference_loader = "rihub.bulletins.reference"

    def ready(self) -> None:
        from rihub.bulletins import signals
        from rihub.bulletins.sending import webhooks  # noqa: F401 (connects it)

        signals.connect()
