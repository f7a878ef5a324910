"""The secretariat keeps the monograph's record and builds it from the admin."""

import json

from django.urls import reverse

from rihub.monograph.models import Build, Monograph
from rihub.monograph.tests.media import MediaTestCase
from rihub.monograph.tests.world import BookWorld

# The foreword as the admin's rich-text editor sends it.
FOREWORD_STATE = {
    "blocks": [
        {
            "key": "a1",
            "type": "unstyled",
            "depth": 0,
            "text": "A foreword.",
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
    ],
    "entityMap": {},
}


class AdminTests(MediaTestCase):
    setting: BookWorld

    @classmethod
    def setUpTestData(cls) -> None:
        cls.setting = BookWorld.create()

    @property
    def monograph(self) -> Monograph:
        return self.setting.monograph

    def test_the_secretariat_edits_the_record_with_its_chapters(self) -> None:
        self.client.force_login(self.setting.world.people.secretariat_editor)
        url = reverse(
            "wagtailsnippets_monograph_monograph:edit", args=[self.monograph.pk]
        )

        response = self.client.get(url)

        self.assertContains(response, 'name="chapters" value="bulletins"')

    def test_chapters_saved_from_the_form_keep_the_books_order(self) -> None:
        editor = self.setting.world.people.secretariat_editor
        self.client.force_login(editor)
        url = reverse(
            "wagtailsnippets_monograph_monograph:edit", args=[self.monograph.pk]
        )
        fields = {
            "title": "The monograph",
            "slug": "roma-integration",
            "first_year": "2016",
            "last_year": "2019",
            "language": "en",
            "foreword": json.dumps(FOREWORD_STATE),
            "chapters": ["index-of-terms", "governance"],
        }

        response = self.client.post(url, fields)

        self.assertEqual(response.status_code, 302)
        self.monograph.refresh_from_db()
        self.assertEqual(self.monograph.chapters, ["governance", "index-of-terms"])

    def test_the_list_of_monographs_has_a_builds_button(self) -> None:
        self.client.force_login(self.setting.world.people.secretariat_editor)

        response = self.client.get(reverse("wagtailsnippets_monograph_monograph:list"))

        self.assertContains(
            response, reverse("monograph-builds", args=[self.monograph.pk])
        )

    def test_the_build_button_builds_and_the_page_shows_the_files(self) -> None:
        self.client.force_login(self.setting.world.people.secretariat_editor)
        start = reverse("monograph-build-start", args=[self.monograph.pk])

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(start, {"formats": ["pdf", "epub"]})

        build = Build.objects.get()
        self.assertRedirects(
            response, reverse("monograph-builds", args=[self.monograph.pk])
        )
        self.assertEqual(build.status, Build.Status.DONE)
        page = self.client.get(reverse("monograph-builds", args=[self.monograph.pk]))
        self.assertContains(page, build.pdf.url)
        self.assertContains(page, 'value="100"')

    def test_no_format_chosen_changes_nothing(self) -> None:
        self.client.force_login(self.setting.world.people.secretariat_editor)
        start = reverse("monograph-build-start", args=[self.monograph.pk])

        self.client.post(start, {})

        self.assertFalse(Build.objects.exists())

    def test_an_nrcp_may_not_build(self) -> None:
        self.client.force_login(self.setting.world.people.nrcp_albania)
        start = reverse("monograph-build-start", args=[self.monograph.pk])

        response = self.client.post(start, {"formats": ["pdf"]})

        # The admin turns a refusal into a message on its home page.
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.assertFalse(Build.objects.exists())
