"""Create the first administrator account, once, and print its password."""

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from rihub.directory.roles import SECRETARIAT


class Command(BaseCommand):
    help = "Create an administrator if the site has none; print its one-time password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")

    @transaction.atomic
    def handle(self, *args: Any, username: str, email: str, **options: Any) -> None:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account exists already; none created.")
            return

        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username, email, password)
        user.groups.add(Group.objects.get(name=SECRETARIAT))

        self.stdout.write(self.style.SUCCESS("Administrator account created."))
        self.stdout.write(f"  user name: {username}")
        self.stdout.write(f"  password:  {password}")
        self.stdout.write(
            "  This password is shown only once: sign in at /admin/ and change it."
        )
