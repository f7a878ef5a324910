"""The public meeting pages: valid HTML and no accessibility violations."""

import datetime as dt

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from rihub.governance.models import Meeting
from rihub.governance.services import minutes
from rihub.tests.browser import BrowserTestCase
from rihub.tests.html import nu_checker_or_skip, nu_errors
from rihub.tests.personas import make_user

MINUTES = "## Opening\nThe co-chairs opened the meeting.\n\n## Reporting\nAdopted."


def load_the_project() -> Meeting:
    """The reference data, with the first meeting's minutes adopted."""
    reference = str(settings.RIHUB_REFERENCE_DATA)
    call_command("load_reference_data", reference, verbosity=0)
    editor = make_user("secretariat-quality", "Secretariat")
    first = Meeting.objects.get(reference_key="task-force-2016")
    record = minutes.draft(first, MINUTES, editor)
    minutes.circulate(record, dt.date(2016, 12, 1), editor)
    minutes.adopt(record, dt.date(2016, 12, 20), editor)
    return first


def paths(first: Meeting) -> dict[str, str]:
    return {
        "meetings": reverse("governance:meeting-list"),
        "a meeting": first.get_absolute_url(),
        "a meeting without a date": reverse(
            "governance:meeting-detail", args=["task-force-2019"]
        ),
        "commitments": reverse("governance:commitment-tracker"),
    }


class MeetingPagesAreValidHtmlTests(TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    def test_meeting_pages_are_valid_html(self) -> None:
        pages = {
            name: self.client.get(path).content.decode()
            for name, path in paths(load_the_project()).items()
        }
        self.assertEqual(nu_errors(pages), {name: [] for name in pages})


class MeetingPagesInTheBrowserTests(BrowserTestCase):
    def test_meeting_pages_have_no_accessibility_violations(self) -> None:
        for name, path in paths(load_the_project()).items():
            with self.subTest(page=name):
                self.assert_accessible(self.open(path))
