"""Every public page of the directory passes the Nu HTML Checker."""

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from rihub.tests.html import nu_checker_or_skip, nu_errors

BROKEN = "<!DOCTYPE html><html><head></head><body><p><div></p></body></html>"


class HtmlValidityTests(TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        reference = str(settings.RIHUB_REFERENCE_DATA)
        call_command("load_reference_data", reference, verbosity=0)

    def test_public_pages_are_valid_html(self) -> None:
        pages = {
            name: self.client.get(reverse(name)).content.decode()
            for name in ("home", "directory:who-we-are")
        }

        # A broken page checked alongside proves the checker is really looking.
        errors = nu_errors(pages | {"broken": BROKEN})

        self.assertTrue(errors.pop("broken"))
        self.assertEqual(errors, {name: [] for name in pages})
