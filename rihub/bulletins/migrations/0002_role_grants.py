"""Give the secretariat the bulletin's subscribers, suppression list and campaigns.

Subscribers' addresses are personal data: no other role sees them. Bulletin pages
are pages, which the secretariat already edits and publishes from the tree's root.
"""

from django.db import migrations

from rihub.lib.grants import create_all_permissions, grant

BULLETIN_GRANTS = {
    "Secretariat": [
        f"{action}_{model}"
        for model in ("subscriber", "consent", "suppression", "campaign", "delivery")
        for action in ("add", "change", "delete", "view")
    ],
}


def give(apps, schema_editor):
    create_all_permissions(apps)
    grant(apps, "bulletins", BULLETIN_GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("bulletins", "0001_initial"),
        ("directory", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
