"""Who may edit the website: the secretariat, and nobody else.

NRCPs, civil-society delegates and partners reach the back office for their own
work; the library's documents and the site's pages are refused to them.
"""

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from rihub.tests.personas import Personas
from rihub.website.models import Document, DocumentType, HomePage, NewsIndexPage
from rihub.website.tests import samples
from rihub.website.tests.samples import PrivateMedia

DOCUMENT_RIGHTS = ["add", "change", "delete", "publish"]


class WebsitePermissionTests(PrivateMedia):
    world: Personas
    document: Document
    news: NewsIndexPage

    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = Personas.create()
        cls.document = Document.objects.create(
            title="National Roma strategy",
            document_type=DocumentType.STRATEGY,
            date=dt.date(2016, 7, 1),
            language="en",
        )
        cls.news = NewsIndexPage.objects.get()

    def others(self) -> list[User]:
        return [self.world.nrcp_albania, self.world.delegate, self.world.partner]

    def assert_refused(self, response: Any) -> None:
        """Wagtail sends a refused user back to the dashboard, or answers 403."""
        if response.status_code == 302:
            self.assertEqual(response["Location"], reverse("wagtailadmin_home"))
        else:
            self.assertEqual(response.status_code, 403)

    def document_url(self, view: str, *args: Any) -> str:
        return reverse(f"wagtailsnippets_website_document:{view}", args=args)

    def document_form(self, title: str) -> dict[str, Any]:
        return {
            "title": title,
            "file": samples.upload("strategy.pdf", samples.pdf()),
            "document_type": "strategy",
            "date": "2016-07-01",
            "language": "en",
            "level": "economy",
            "action-publish": "publish",
        }

    def page_form(self, title: str) -> dict[str, Any]:
        return nested_form_data(
            {
                "title": title,
                "slug": "news",
                "summary": "",
                "body": streamfield([]),
                "comments": {
                    "TOTAL_FORMS": 0,
                    "INITIAL_FORMS": 0,
                    "MIN_NUM_FORMS": 0,
                    "MAX_NUM_FORMS": 1000,
                },
                "action-publish": "publish",
            }
        )

    def test_the_secretariat_holds_every_document_right(self) -> None:
        editor = self.world.secretariat_editor

        for right in DOCUMENT_RIGHTS:
            self.assertTrue(editor.has_perm(f"website.{right}_document"), right)

    def test_the_secretariat_edits_publishes_and_locks_pages(self) -> None:
        rights = self.news.permissions_for_user(self.world.secretariat_editor)

        self.assertTrue(rights.can_edit())
        self.assertTrue(rights.can_publish())
        self.assertTrue(rights.can_lock())
        self.assertTrue(rights.can_add_subpage())

    def test_the_secretariat_may_edit_every_language_of_the_site(self) -> None:
        # Wagtail keeps each language's home page beside the English one.
        home = HomePage.objects.get()
        albanian = home.copy_for_translation(Locale.objects.create(language_code="sq"))

        rights = albanian.permissions_for_user(self.world.secretariat_editor)

        self.assertEqual(albanian.get_parent(), Page.get_first_root_node())
        self.assertTrue(rights.can_edit())

    def test_no_other_role_holds_a_document_or_page_right(self) -> None:
        for user in self.others():
            with self.subTest(user=user.username):
                rights = self.news.permissions_for_user(user)
                for right in DOCUMENT_RIGHTS:
                    self.assertFalse(user.has_perm(f"website.{right}_document"))
                self.assertFalse(rights.can_edit())
                self.assertFalse(rights.can_publish())
                self.assertFalse(rights.can_add_subpage())

    def test_the_secretariat_adds_and_edits_documents_in_the_back_office(
        self,
    ) -> None:
        self.client.force_login(self.world.secretariat_editor)

        add = self.client.get(self.document_url("add"))
        edit = self.client.get(self.document_url("edit", self.document.pk))
        created = self.client.post(
            self.document_url("add"), self.document_form("Action plan")
        )

        self.assertEqual((add.status_code, edit.status_code), (200, 200))
        self.assertRedirects(created, self.document_url("list"))
        self.assertTrue(
            Document.objects.filter(title="Action plan", live=True).exists()
        )

    def test_other_roles_may_not_add_or_edit_documents(self) -> None:
        for user in self.others():
            with self.subTest(user=user.username):
                self.client.force_login(user)

                self.assert_refused(self.client.get(self.document_url("add")))
                self.assert_refused(
                    self.client.get(self.document_url("edit", self.document.pk))
                )
                self.assert_refused(
                    self.client.post(
                        self.document_url("add"), self.document_form("Forged")
                    )
                )
                self.assert_refused(
                    self.client.post(
                        self.document_url("edit", self.document.pk),
                        self.document_form("Renamed"),
                    )
                )
                self.assert_refused(
                    self.client.post(self.document_url("delete", self.document.pk))
                )

        self.assertEqual(
            list(Document.objects.values_list("title", flat=True)),
            ["National Roma strategy"],
        )

    def test_the_secretariat_adds_and_publishes_pages(self) -> None:
        self.client.force_login(self.world.secretariat_editor)
        add = reverse(
            "wagtailadmin_pages:add", args=("website", "newspage", self.news.pk)
        )
        edit = reverse("wagtailadmin_pages:edit", args=[self.news.pk])

        self.assertEqual(self.client.get(add).status_code, 200)
        response = self.client.post(edit, self.page_form("News and views"))

        self.assertEqual(response.status_code, 302)
        self.news.refresh_from_db()
        self.assertEqual(self.news.title, "News and views")
        self.assertTrue(self.news.live)

    def test_other_roles_may_not_add_or_edit_pages(self) -> None:
        add = reverse(
            "wagtailadmin_pages:add", args=("website", "newspage", self.news.pk)
        )
        edit = reverse("wagtailadmin_pages:edit", args=[self.news.pk])
        home = reverse("wagtailadmin_pages:edit", args=[HomePage.objects.get().pk])

        for user in self.others():
            with self.subTest(user=user.username):
                self.client.force_login(user)

                self.assert_refused(self.client.get(add))
                self.assert_refused(self.client.get(edit))
                self.assert_refused(self.client.get(home))
                self.assert_refused(self.client.post(edit, self.page_form("Forged")))

        self.news.refresh_from_db()
        self.assertEqual(self.news.title, "News")
