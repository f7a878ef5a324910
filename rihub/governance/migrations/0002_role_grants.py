"""Give the role groups their rights on meetings and what comes out of them."""

from django.db import migrations

from rihub.lib.grants import create_all_permissions, grant

EDIT = ["add", "change", "delete", "view"]
MODELS = [
    "meeting",
    "agendaitem",
    "attendance",
    "observer",
    "minutes",
    "minutesversion",
    "minutescomment",
    "decision",
    "activity",
    "actionitem",
    "commitment",
    "progressupdate",
    "assessment",
]
READ = [f"view_{model}" for model in MODELS]
GOVERNANCE_GRANTS = {
    "Secretariat": [f"{action}_{model}" for model in MODELS for action in EDIT],
    "National Roma Contact Point": [
        *READ,
        "add_progressupdate",
        "add_minutescomment",
    ],
    "Civil-society delegate": [*READ, "add_minutescomment"],
    "Partner": [*READ, "add_minutescomment"],
}


def give(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, "governance", GOVERNANCE_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0001_initial"),
        ("directory", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
