from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "rihub.governance"
    label = "governance"
    verbose_name = _("Governance")
    reference_loader = "rihub.governance.reference"
