"""The back office's "Draft a bulletin": for those who edit the site's pages."""

from django.test import TestCase

from rihub.bulletins.models import BulletinPage
from rihub.tests.personas import Personas

URL = "/admin/bulletins/draft/"


class DraftAdminTests(TestCase):
    people: Personas

    @classmethod
    def setUpTestData(cls) -> None:
        cls.people = Personas.create()

    def test_the_secretariat_drafts_a_quarter_and_lands_in_the_editor(self) -> None:
        self.client.force_login(self.people.secretariat_editor)

        form = self.client.get(URL)
        response = self.client.post(URL, {"quarter": "2018-Q2"})

        self.assertContains(form, "Draft the bulletin")
        page = BulletinPage.objects.get()
        self.assertRedirects(response, f"/admin/pages/{page.pk}/edit/")
        self.assertFalse(page.live)

    def test_a_malformed_or_taken_quarter_is_refused_and_changes_nothing(self) -> None:
        self.client.force_login(self.people.secretariat_editor)
        self.client.post(URL, {"quarter": "2018-Q2"})

        malformed = self.client.post(URL, {"quarter": "Q2 of 2018"})
        taken = self.client.post(URL, {"quarter": "2018-q2"})

        self.assertContains(malformed, "write it as 2018-Q2")
        self.assertContains(taken, "has a bulletin already")
        self.assertEqual(BulletinPage.objects.count(), 1)

    def test_other_roles_may_not_draft(self) -> None:
        for user in [self.people.nrcp_albania, self.people.delegate]:
            with self.subTest(user=user.username):
                self.client.force_login(user)

                self.assertIn(self.client.get(URL).status_code, {302, 403})
                self.client.post(URL, {"quarter": "2018-Q2"})

                self.assertFalse(BulletinPage.objects.exists())

    def test_visitors_are_sent_to_sign_in(self) -> None:
        response = self.client.post(URL, {"quarter": "2018-Q2"})

        self.assertRedirects(response, f"/admin/login/?next={URL}")
        self.assertFalse(BulletinPage.objects.exists())
