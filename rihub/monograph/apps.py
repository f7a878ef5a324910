from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonographConfig(AppConfig):
    name = "rihub.monograph"
    label = "monograph"
    verbose_name = _("Monograph")
    default_auto_field = "django.db.models.BigAutoField"
