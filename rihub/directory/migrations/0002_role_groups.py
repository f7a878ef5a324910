"""Create the role groups, with back-office access and their directory permissions."""

from django.db import migrations

from rihub.lib.grants import create_all_permissions, grant

DIRECTORY_GRANTS = {
    "Secretariat": [
        "add_economy",
        "change_economy",
        "delete_economy",
        "view_economy",
        "add_priorityarea",
        "change_priorityarea",
        "delete_priorityarea",
        "view_priorityarea",
        "add_organisation",
        "change_organisation",
        "delete_organisation",
        "view_organisation",
        "add_person",
        "change_person",
        "delete_person",
        "view_person",
        "add_body",
        "change_body",
        "delete_body",
        "view_body",
        "add_seatdefinition",
        "change_seatdefinition",
        "delete_seatdefinition",
        "view_seatdefinition",
        "add_seat",
        "change_seat",
        "delete_seat",
        "view_seat",
        "add_mandate",
        "change_mandate",
        "delete_mandate",
        "view_mandate",
        "edit_every_economy",
    ],
    "National Roma Contact Point": [
        "view_economy",
        "view_priorityarea",
        "add_organisation",
        "change_organisation",
        "view_organisation",
        "add_person",
        "change_person",
        "view_person",
        "view_body",
        "view_seatdefinition",
        "view_seat",
        "add_mandate",
        "change_mandate",
        "view_mandate",
    ],
    "Civil-society delegate": [
        "view_economy",
        "view_priorityarea",
        "view_organisation",
        "view_body",
        "view_mandate",
    ],
    "Partner": [
        "view_economy",
        "view_priorityarea",
        "view_organisation",
        "view_body",
        "view_mandate",
    ],
}


def create_role_groups(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in DIRECTORY_GRANTS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
    grant(apps, "directory", DIRECTORY_GRANTS)


def remove_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=DIRECTORY_GRANTS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
