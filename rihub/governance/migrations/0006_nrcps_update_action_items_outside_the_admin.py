"""NRCPs update their action items through the owner's page, not the back office.

The back office's action item editor would let them change anyone's item.
"""

from django.db import migrations


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    change = Permission.objects.filter(
        content_type__app_label="governance", codename="change_actionitem"
    )
    for group in Group.objects.filter(name="National Roma Contact Point"):
        group.permissions.remove(*change)


class Migration(migrations.Migration):
    dependencies = [("governance", "0005_observers_inline")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
