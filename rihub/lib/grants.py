"""Give role groups their permissions from a data migration.

Each migration passes its own frozen table of grants, so that later changes to the
code never change what an old migration did.
"""

from typing import Any

from django.contrib.auth.management import create_permissions

Grants = dict[str, list[str]]  # group name to permission codenames


def create_all_permissions(apps: Any) -> None:
    """Permissions are normally made after all migrations; grants need them now."""
    for config in apps.get_app_configs():
        # create_permissions skips apps without a models module, which is how
        # migrations' historical apps look.
        original = getattr(config, "models_module", None)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = original


def grant(apps: Any, app_label: str, grants: Grants) -> None:
    """Add the permissions to the groups; the permissions must exist already."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in grants.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
        group.permissions.add(*permissions)
