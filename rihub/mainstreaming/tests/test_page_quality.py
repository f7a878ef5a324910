"""The matrix and a dimension page: valid HTML, no accessibility violations."""

import datetime as dt

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from rihub.directory.models import Body, Economy, PriorityArea
from rihub.mainstreaming.models import Dimension, Intervention
from rihub.mainstreaming.services import propose, take_step
from rihub.tests.browser import BrowserTestCase
from rihub.tests.html import nu_checker_or_skip, nu_errors
from rihub.tests.personas import make_user


def load_with_one_intervention() -> dict[str, str]:
    call_command("load_reference_data", str(settings.RIHUB_REFERENCE_DATA), verbosity=0)
    editor = make_user("secretariat-mainstreaming", "Secretariat")
    employment = Dimension.objects.get(reference_key="see2020/employment")
    intervention = propose(
        Intervention(
            title="Roma in active labour market measures",
            proposal="Count Roma among the target groups.",
            dimension=employment,
            body=Body.objects.get(reference_key="see2020-programming-committee"),
            priority_area=PriorityArea.objects.get(slug="employment"),
            proposed_on=dt.date(2017, 3, 1),
        ),
        [Economy.objects.get(code="XK")],
        editor,
    )
    take_step(intervention, "submitted", dt.date(2017, 4, 1), editor, "Letter")
    return {
        "matrix": reverse("mainstreaming:matrix", args=["see2020"]),
        "dimension": reverse(
            "mainstreaming:dimension-detail", args=["see2020", employment.pk]
        ),
        "intervention": reverse(
            "mainstreaming:intervention-detail", args=[intervention.pk]
        ),
    }


class MainstreamingPagesAreValidHtmlTests(TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        nu_checker_or_skip()
        super().setUpClass()

    def test_pages_are_valid_html(self) -> None:
        pages = {
            name: self.client.get(path).content.decode()
            for name, path in load_with_one_intervention().items()
        }
        self.assertEqual(nu_errors(pages), {name: [] for name in pages})


class MainstreamingPagesInTheBrowserTests(BrowserTestCase):
    def test_pages_have_no_accessibility_violations(self) -> None:
        for name, path in load_with_one_intervention().items():
            with self.subTest(page=name):
                self.assert_accessible(self.open(path))
