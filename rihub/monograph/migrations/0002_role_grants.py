"""Give the secretariat the monograph: its record and its builds."""

from django.db import migrations

from rihub.lib.grants import create_all_permissions, grant

MONOGRAPH_GRANTS = {
    "Secretariat": [
        f"{action}_{model}"
        for model in ("monograph", "build")
        for action in ("add", "change", "delete", "view")
    ],
}


def give(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, "monograph", MONOGRAPH_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("monograph", "0001_initial"),
        ("directory", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
