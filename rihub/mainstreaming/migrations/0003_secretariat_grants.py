"""Let the secretariat edit the strategies' structure; everyone else reads it."""

from django.db import migrations

from rihub.lib.grants import create_all_permissions, grant

EDIT = ["add", "change", "delete", "view"]
MODELS = ["strategy", "pillar", "dimension", "target"]
MAINSTREAMING_GRANTS = {
    "Secretariat": [f"{action}_{model}" for model in MODELS for action in EDIT],
    "National Roma Contact Point": [f"view_{model}" for model in MODELS],
    "Civil-society delegate": [f"view_{model}" for model in MODELS],
    "Partner": [f"view_{model}" for model in MODELS],
}


def give(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, "mainstreaming", MAINSTREAMING_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("mainstreaming", "0002_reference_values"),
        ("directory", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
