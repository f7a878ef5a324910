"""The people every test speaks of, with the roles they hold in the project.

`Personas.create()` makes a small world: two economies with one institution each,
the Task Force with its seats, and one user per role.
"""

import importlib
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission, User

from rihub.directory import roles
from rihub.directory.models import (
    Body,
    Economy,
    Organisation,
    Person,
    Seat,
    SeatDefinition,
)
from rihub.directory.services import sync_seats
from rihub.lib.grants import create_all_permissions, grant
from rihub.website.skeleton import ensure_site

GRANT_MIGRATIONS = [
    ("rihub.directory.migrations.0002_role_groups", "DIRECTORY_GRANTS"),
    ("rihub.governance.migrations.0002_role_grants", "GOVERNANCE_GRANTS"),
    ("rihub.mainstreaming.migrations.0003_secretariat_grants", "MAINSTREAMING_GRANTS"),
    ("rihub.mainstreaming.migrations.0005_intervention_grants", "INTERVENTION_GRANTS"),
    ("rihub.website.migrations.0002_role_grants", "WEBSITE_GRANTS"),
    ("rihub.bulletins.migrations.0002_role_grants", "BULLETIN_GRANTS"),
    ("rihub.monograph.migrations.0002_role_grants", "MONOGRAPH_GRANTS"),
]
# Grants a migration gives through its own function: page rights need the tree.
GRANT_FUNCTIONS = [
    ("rihub.website.migrations.0002_role_grants", "create_publish_permission"),
    ("rihub.website.migrations.0002_role_grants", "grant_pages"),
]


@dataclass
class Personas:
    albania: Economy
    serbia: Economy
    albanian_ministry: Organisation
    serbian_ministry: Organisation
    task_force: Body
    secretariat_editor: User
    nrcp_albania: User
    delegate: User
    partner: User

    def task_force_seats(self) -> list[Seat]:
        return list(Seat.objects.of_body(self.task_force).active().labelled())

    @classmethod
    def create(cls) -> "Personas":
        albania = Economy.objects.create(
            code="AL", name="Albania", short_name="AL", order=1
        )
        serbia = Economy.objects.create(
            code="RS", name="Serbia", short_name="RS", order=2
        )
        albanian_ministry = Organisation.objects.create(
            name="Ministry of Health and Social Protection",
            kind=Organisation.Kind.GOVERNMENT,
            economy=albania,
        )
        serbian_ministry = Organisation.objects.create(
            name="Ministry of Human and Minority Rights",
            kind=Organisation.Kind.GOVERNMENT,
            economy=serbia,
        )
        task_force = make_task_force()
        ensure_site()

        return cls(
            albania=albania,
            serbia=serbia,
            albanian_ministry=albanian_ministry,
            serbian_ministry=serbian_ministry,
            task_force=task_force,
            secretariat_editor=make_user("secretariat", roles.SECRETARIAT),
            nrcp_albania=make_user("nrcp-albania", roles.NRCP, albanian_ministry),
            delegate=make_user("delegate", roles.DELEGATE),
            partner=make_user("partner", roles.PARTNER),
        )


def make_user(
    username: str, role: str, organisation: Organisation | None = None
) -> User:
    user = User.objects.create_user(username, password="not-a-secret")
    if not Group.objects.filter(name=role).exists():
        restore_role_groups()
    user.groups.add(Group.objects.get(name=role))
    if organisation is not None:
        Person.objects.create(
            given_name=username,
            family_name="Tester",
            organisation=organisation,
            user=user,
        )
    return user


def restore_role_groups() -> None:
    """Give the groups back their grants after a test that flushed the database.

    Tests that run outside a transaction (browser tests, the worker) empty every
    table when they end, the groups a migration made among them.
    """
    create_all_permissions(apps)
    for module, table in GRANT_MIGRATIONS:
        grants = getattr(importlib.import_module(module), table)
        grant(apps, module.split(".")[1], grants)
    translation = importlib.import_module(
        "rihub.website.migrations.0003_document_reference_key"
    )
    grant(apps, "simple_translation", translation.TRANSLATION_GRANTS)
    for module, function in GRANT_FUNCTIONS:
        getattr(importlib.import_module(module), function)(apps)
    access = Permission.objects.get(codename="access_admin")
    for group in Group.objects.all():
        group.permissions.add(access)


def make_task_force() -> Body:
    body = Body.objects.create(
        name="Task Force", slug="task-force", kind=Body.Kind.TASK_FORCE
    )
    seats = [
        ("National Roma Contact Point", True, 1),
        ("Regional Roma civil-society delegate", False, 2),
        ("European Commission", False, 1),
    ]
    for order, (role, per_economy, count) in enumerate(seats):
        SeatDefinition.objects.create(
            body=body, role=role, per_economy=per_economy, count=count, sort_order=order
        )
    sync_seats(body)
    return body
