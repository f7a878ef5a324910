"""Create the role groups with their directory permissions and back-office access."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from rihub.directory.roles import DIRECTORY_PERMISSIONS, codenames


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name, models in DIRECTORY_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for model, actions in models.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="directory",
                    content_type__model=model,
                    codename__in=codenames(model, actions),
                )
            )


def remove_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=DIRECTORY_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
