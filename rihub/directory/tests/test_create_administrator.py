from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase

from rihub.directory import roles


def create_administrator() -> str:
    out = StringIO()
    call_command("create_administrator", stdout=out)
    return out.getvalue()


class CreateAdministratorTests(TestCase):
    def test_creates_one_account_and_prints_a_working_password(self) -> None:
        output = create_administrator()

        password = output.split("password:")[1].split()[0]
        admin = get_user_model().objects.get(username="admin")
        self.assertTrue(admin.is_superuser)
        self.assertTrue(admin.check_password(password))
        self.assertTrue(admin.groups.filter(name=roles.SECRETARIAT).exists())

    def test_a_second_run_keeps_the_account_and_prints_no_password(self) -> None:
        create_administrator()
        admin = get_user_model().objects.get(username="admin")

        output = create_administrator()

        self.assertNotIn("password:", output)
        self.assertIn("exists already", output)
        self.assertEqual(get_user_model().objects.get().password, admin.password)
