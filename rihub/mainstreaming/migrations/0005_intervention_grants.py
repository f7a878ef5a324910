"""Let NRCPs record interventions, the secretariat manage them, others read."""

from django.db import migrations

from rihub.lib.grants import create_all_permissions, grant

MODELS = ["intervention", "interventionstep"]
READ = [f"view_{model}" for model in MODELS]
INTERVENTION_GRANTS = {
    "Secretariat": [
        f"{action}_{model}"
        for model in MODELS
        for action in ("add", "change", "delete", "view")
    ],
    "National Roma Contact Point": [
        *READ,
        "add_intervention",
        "change_intervention",
        "add_interventionstep",
    ],
    "Civil-society delegate": READ,
    "Partner": READ,
}


def give(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, "mainstreaming", INTERVENTION_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("mainstreaming", "0004_interventions"),
        ("directory", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
