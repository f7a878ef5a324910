"""Give the secretariat the library's documents and the website's pages.

The other roles get neither: what they publish reaches the site through the
secretariat. Page rights are given on the tree's root, which exists from Wagtail's
own migrations, while the home page is only built later by `ensure_site`; from the
root they reach the home page, everything under it, and the home page of each
language, which Wagtail keeps beside the English one.
"""

from django.db import migrations

from rihub.lib.grants import create_all_permissions, grant

WEBSITE_GRANTS = {
    "Secretariat": [
        "add_document",
        "change_document",
        "delete_document",
        "view_document",
        "publish_document",
    ],
}
PAGE_GRANTS = {"Secretariat": ["add_page", "change_page", "publish_page", "lock_page"]}


def create_publish_permission(apps):
    """Wagtail makes a snippet's publish permission after all migrations."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    document, _ = ContentType.objects.get_or_create(
        app_label="website", model="document"
    )
    Permission.objects.get_or_create(
        content_type=document,
        codename="publish_document",
        defaults={"name": "Can publish document"},
    )


def grant_pages(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    for name, codenames in PAGE_GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=codenames,
        )
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


def give(apps, schema_editor):
    create_all_permissions(apps)
    create_publish_permission(apps)
    grant(apps, "website", WEBSITE_GRANTS)
    grant_pages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("directory", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
