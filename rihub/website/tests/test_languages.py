"""The interface in each language, pages in their translations, and the catalogs."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.cache import cache
from django.db.models import Choices
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.translation.template import templatize
from wagtail.models import Locale, Page

from rihub.governance.models.attendance import Attendance
from rihub.governance.models.commitment import CommitmentStatus
from rihub.governance.models.invitation import Invitation
from rihub.governance.models.meeting import Meeting
from rihub.governance.models.outcomes import WorkStatus
from rihub.mainstreaming.models.intervention import InterventionStatus
from rihub.tests.personas import Personas
from rihub.website.models import DocumentType, HomePage, Level, StandardPage
from rihub.website.search.models import Kind as SearchKind

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
INTERFACE_LANGUAGES = ["sq", "bs", "hr", "mk", "cnr", "sr", "tr"]

# How visitors read the navigation: Meetings, News, and the skip link.
NAVIGATION = {
    "sq": ["Takimet", "Lajme", "Kalo te përmbajtja"],
    "bs": ["Sastanci", "Vijesti", "Preskoči na sadržaj"],
    "hr": ["Sastanci", "Vijesti", "Preskoči na sadržaj"],
    "mk": ["Средби", "Вести", "Прескокни до содржината"],
    "cnr": ["Sastanci", "Vijesti", "Preskoči na sadržaj"],
    "sr": ["Састанци", "Вести", "Прескочи на садржај"],
    "tr": ["Toplantılar", "Haberler", "İçeriğe geç"],
}
ENGLISH_ONLY = ["Skip to content", "Who we are", "Sign in"]
NOT_TRANSLATED_NOTICE = {
    "en": "This page has not been translated into your language yet. "
    "It is shown in English.",
    "sq": "Kjo faqe ende nuk është përkthyer në gjuhën tuaj. Po shfaqet në anglisht.",
    "mk": "Оваа страница сè уште не е преведена на вашиот јазик. "
    "Прикажана е на англиски.",
    "sr": "Ова страница још није преведена на ваш језик. Приказана је на енглеском.",
    "cnr": "Ova stranica još nije prevedena na vaš jezik. Prikazana je na engleskom.",
    "tr": "Bu sayfa henüz dilinize çevrilmedi. İngilizce olarak gösteriliyor.",
}
PLURAL_FORMS = {
    "sq": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "mk": "nplurals=2; plural=(n % 10 == 1 && n % 100 != 11) ? 0 : 1;",
    **dict.fromkeys(
        ["bs", "hr", "cnr", "sr"],
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
        "&& (n%100<10 || n%100>=20) ? 1 : 2);",
    ),
}
PUBLIC_CHOICES: list[type[Choices]] = [
    Level,
    DocumentType,
    CommitmentStatus,
    WorkStatus,
    InterventionStatus,
    Meeting.Kind,
    Meeting.Status,
    Attendance.Status,
    Invitation.Reply,
    SearchKind,
]


class LanguageLinks(HTMLParser):
    """The links of the language switcher, as (code, hreflang, address, name)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str, str]] = []
        self.in_switcher = False
        self.open_link: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "nav" and "languages" in values.get("class", "").split():
            self.in_switcher = True
        elif tag == "a" and self.in_switcher:
            self.open_link = values

    def handle_data(self, data: str) -> None:
        if self.open_link is not None and data.strip():
            link = self.open_link
            self.links.append(
                (link["lang"], link["hreflang"], link["href"], data.strip())
            )
            self.open_link = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self.in_switcher = False


def switcher_links(html: str) -> list[tuple[str, str, str, str]]:
    parser = LanguageLinks()
    parser.feed(html)
    return parser.links


class InterfaceLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        Personas.create()

    def setUp(self) -> None:
        cache.clear()

    def test_home_page_speaks_the_visitors_language(self) -> None:
        for code, words in NAVIGATION.items():
            with self.subTest(code):
                response = self.client.get(f"/{code}/")

                self.assertContains(response, f'<html lang="{code}">')
                for word in words:
                    self.assertContains(response, word)
                for english in ENGLISH_ONLY:
                    self.assertNotContains(response, english)

    def test_meetings_list_speaks_the_visitors_language(self) -> None:
        for code, (meetings, _news, _skip) in NAVIGATION.items():
            with self.subTest(code), translation.override(code):
                address = reverse("governance:meeting-list")
                response = self.client.get(address)

                self.assertTrue(address.startswith(f"/{code}/"))
                self.assertContains(response, f'<html lang="{code}">')
                self.assertContains(response, f"<h1>{meetings}</h1>", html=True)
                self.assertNotContains(response, "Skip to content")

    def test_english_is_served_without_a_prefix(self) -> None:
        response = self.client.get("/")

        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "Skip to content")
        self.assertNotContains(response, "Kalo te përmbajtja")

    def test_switcher_offers_every_interface_language_in_its_own_name(self) -> None:
        response = self.client.get("/sr/")

        links = switcher_links(response.content.decode())
        self.assertEqual(
            links,
            [
                ("en", "en", "/", "English"),
                ("sq", "sq", "/sq/", "shqip"),
                ("bs", "bs", "/bs/", "bosanski"),
                ("hr", "hr", "/hr/", "Hrvatski"),
                ("mk", "mk", "/mk/", "Македонски"),
                ("cnr", "cnr", "/cnr/", "Crnogorski"),
                ("sr", "sr", "/sr/", "српски"),
                ("tr", "tr", "/tr/", "Türkçe"),
            ],
        )
        self.assertContains(
            response,
            '<a href="/sr/" lang="sr" hreflang="sr" aria-current="true">српски</a>',
            html=True,
        )

    def test_a_language_outside_the_list_is_not_served(self) -> None:
        response = self.client.get("/de/")

        self.assertEqual(response.status_code, 404)


class PageTranslationTests(TestCase):
    """An article in English and Albanian (and Romani), and one in English only."""

    translated: StandardPage
    untranslated: StandardPage

    @classmethod
    def setUpTestData(cls) -> None:
        Personas.create()
        home = HomePage.objects.get(locale__language_code="en")
        cls.translated = publish(home, "About the project", "about")
        cls.untranslated = publish(home, "Our partners", "partners")

        albanian = cls.translated.copy_for_translation(
            Locale.objects.create(language_code="sq"), copy_parents=True
        )
        albanian.title = "Rreth projektit"
        albanian.save_revision().publish()

        romani = cls.translated.copy_for_translation(
            Locale.objects.create(language_code="rom"), copy_parents=True
        )
        romani.title = "Pala o projekto"
        romani.save_revision().publish()

    def setUp(self) -> None:
        cache.clear()

    def test_translated_page_is_served_in_albanian(self) -> None:
        response = self.client.get("/sq/about/")

        self.assertContains(response, "<h1>Rreth projektit</h1>", html=True)
        self.assertContains(response, '<article lang="sq"')
        self.assertNotContains(response, NOT_TRANSLATED_NOTICE["sq"])
        self.assertContains(
            response,
            '<link rel="alternate" hreflang="en" href="http://testserver/about/">',
            html=True,
        )

    def test_english_page_links_to_its_albanian_translation(self) -> None:
        response = self.client.get("/about/")

        self.assertContains(response, "<h1>About the project</h1>", html=True)
        self.assertContains(
            response,
            '<link rel="alternate" hreflang="sq" href="http://testserver/sq/about/">',
            html=True,
        )
        self.assertIn(
            ("sq", "sq", "/sq/about/", "shqip"),
            switcher_links(response.content.decode()),
        )

    def test_a_page_of_interface_words_only_needs_no_notice(self) -> None:
        response = self.client.get("/sq/")

        self.assertNotContains(response, NOT_TRANSLATED_NOTICE["sq"])

    def test_untranslated_page_is_shown_in_english_with_a_notice(self) -> None:
        for code in ["sq", "mk", "sr", "cnr", "tr"]:
            with self.subTest(code):
                response = self.client.get(f"/{code}/partners/")

                self.assertContains(response, "<h1>Our partners</h1>", html=True)
                self.assertContains(response, NOT_TRANSLATED_NOTICE[code])
                self.assertContains(response, f'<html lang="{code}">')
                self.assertContains(response, '<article lang="en"')
                self.assertNotContains(response, f'rel="alternate" hreflang="{code}"')

    def test_english_page_carries_no_notice(self) -> None:
        response = self.client.get("/partners/")

        self.assertContains(response, '<article lang="en"')
        self.assertNotContains(response, NOT_TRANSLATED_NOTICE["en"])

    def test_romani_is_offered_only_where_the_page_exists_in_it(self) -> None:
        translated = switcher_links(self.client.get("/about/").content.decode())
        untranslated = switcher_links(self.client.get("/partners/").content.decode())

        romani = [link for link in translated if link[0] == "rom"]
        self.assertEqual(romani, [("rom", "rom", "/rom/about/", "Romani čhib")])
        self.assertNotIn("rom", [link[0] for link in untranslated])

    def test_romani_page_keeps_the_english_interface(self) -> None:
        response = self.client.get("/rom/about/")

        self.assertContains(response, "<h1>Pala o projekto</h1>", html=True)
        self.assertContains(response, '<article lang="rom"')
        self.assertContains(response, "Skip to content")
        self.assertNotContains(response, NOT_TRANSLATED_NOTICE["en"])


def publish(parent: Page, title: str, slug: str) -> StandardPage:
    page = StandardPage(title=title, slug=slug, summary=f"What {title} is about.")
    page = parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class CatalogTests(SimpleTestCase):
    """Every interface language has a complete, compiled catalog."""

    def test_public_template_strings_are_translated_in_every_language(self) -> None:
        wanted = public_template_messages()
        self.assertGreater(len(wanted), 100)

        for code in INTERFACE_LANGUAGES:
            with self.subTest(code):
                catalog = by_message(load_catalog(code))
                missing = [
                    message
                    for message in sorted(wanted)
                    if message not in catalog or not translated(catalog[message])
                ]
                self.assertEqual(missing, [], f"untranslated in {code}")

    def test_public_choices_are_translated_in_every_language(self) -> None:
        with translation.override("en"):
            labels = {
                str(label) for choices in PUBLIC_CHOICES for label in choices.labels
            }

        for code in INTERFACE_LANGUAGES:
            with self.subTest(code):
                catalog = by_message(load_catalog(code))
                missing = [
                    label
                    for label in sorted(labels)
                    if ("", label) not in catalog or not translated(catalog["", label])
                ]
                self.assertEqual(missing, [])

    def test_catalogs_declare_their_language_and_plural_forms(self) -> None:
        for code in INTERFACE_LANGUAGES:
            with self.subTest(code):
                catalog = load_catalog(code)
                forms = int(PLURAL_FORMS[code].split(";")[0].split("=")[1])

                self.assertEqual(catalog.metadata["Language"], code)
                self.assertEqual(catalog.metadata["Plural-Forms"], PLURAL_FORMS[code])
                for entry in catalog.translated_entries():
                    if entry.msgid_plural:
                        self.assertEqual(len(entry.msgstr_plural), forms, entry.msgid)

    def test_plurals_follow_each_language_grammar(self) -> None:
        expected = {
            "sr": {1: "документ", 2: "документа", 5: "докумената", 11: "докумената"},
            "hr": {21: "dokument", 34: "dokumenta", 12: "dokumenata"},
            "mk": {1: "документ", 11: "документи", 21: "документ"},
            "sq": {1: "dokument", 2: "dokumente"},
            "tr": {1: "belge", 5: "belge"},
        }
        for code, forms in expected.items():
            for count, word in forms.items():
                with self.subTest(code, count=count), translation.override(code):
                    text = translation.ngettext(
                        "%(counter)s document", "%(counter)s documents", count
                    ) % {"counter": count}

                    self.assertEqual(text, f"{count} {word}")

    def test_no_translation_is_fuzzy(self) -> None:
        for code in INTERFACE_LANGUAGES:
            with self.subTest(code):
                fuzzy = [entry.msgid for entry in load_catalog(code).fuzzy_entries()]
                self.assertEqual(fuzzy, [])

    def test_translations_keep_their_placeholders(self) -> None:
        for code in INTERFACE_LANGUAGES:
            for entry in load_catalog(code).translated_entries():
                for text in translations_of(entry):
                    with self.subTest(code, msgid=entry.msgid):
                        self.assertEqual(placeholders(text), placeholders(entry.msgid))

    def test_compiled_catalogs_match_their_sources(self) -> None:
        # A fresh machine may have no gettext: the .mo files are kept compiled.
        for code in [*INTERFACE_LANGUAGES, "rom"]:
            with self.subTest(code):
                source = load_catalog(code)
                compiled = polib.mofile(str(catalog_path(code, ".mo")))

                self.assertEqual(compiled_messages(compiled), compiled_messages(source))

    def test_serbian_is_written_in_cyrillic(self) -> None:
        latin = re.compile(r"[A-Za-zčćđšžČĆĐŠŽ]{2,}")
        allowed = {"RI", "Hub", "API", "CSV", "JSON", "Atom", "iCalendar", "ISO"}
        allowed |= {"XK", "alpha", "slug", "sq", "sr", "mk", "en", "Europe", "Belgrade"}
        allowed |= {"PDF", "DOCX", "ODT", "XLSX", "DOC", "XLS", "ODS", "ODP", "RTF"}
        allowed |= {"EPUB", "ZIP", "MB", "Word", "Excel", "PowerPoint", "OpenDocument"}
        allowed |= {"Windows", "Linux"}

        for entry in load_catalog("sr").translated_entries():
            for text in translations_of(entry):
                words = set(latin.findall(re.sub(r"%\(\w+\)[sd]", "", text)))
                self.assertLessEqual(words, allowed, text)

    def test_romani_has_no_interface_translation(self) -> None:
        self.assertEqual(load_catalog("rom").translated_entries(), [])


def catalog_path(code: str, suffix: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"django{suffix}"


def load_catalog(code: str) -> Any:
    return polib.pofile(str(catalog_path(code, ".po")))


def by_message(catalog: Any) -> dict[tuple[str, str], Any]:
    return {(entry.msgctxt or "", entry.msgid): entry for entry in catalog}


def translated(entry: Any) -> bool:
    """Whether a catalog entry (of a .po or a .mo file) has a usable translation."""
    texts = translations_of(entry)
    return all(texts) and bool(texts) and "fuzzy" not in entry.flags


def translations_of(entry: Any) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[form] for form in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sd]", text))


def compiled_messages(catalog: Any) -> dict[tuple[str, str], list[str]]:
    return {
        key: translations_of(entry)
        for key, entry in by_message(catalog).items()
        if entry.msgid and translated(entry) and not entry.obsolete
    }


def public_template_messages() -> set[tuple[str, str]]:
    """Every message marked in the templates visitors and members see.

    Django's own template-to-gettext conversion finds them, so a string added to
    a template but never extracted into the catalogs is caught as well. Back-office
    templates (under admin/) are left out.
    """
    folders = [settings.BASE_DIR / "rihub" / "templates"]
    folders += sorted((settings.BASE_DIR / "rihub").glob("*/templates"))
    messages: set[tuple[str, str]] = set()
    for folder in folders:
        for template in sorted(folder.rglob("*")):
            if template.suffix not in {".html", ".txt"} or "admin" in template.parts:
                continue
            messages |= messages_in(templatize(template.read_text()))
    return messages


LITERAL = r"(u?'(?:[^'\\]|\\.)*'|u?\"(?:[^\"\\]|\\.)*\")"
GETTEXT_CALL = re.compile(rf"\b(n?p?gettext|_)\({LITERAL}(?:, {LITERAL})?")


def messages_in(converted: str) -> set[tuple[str, str]]:
    """The (context, message) of each gettext call in templatize's output."""
    messages = set()
    for function, first, second in GETTEXT_CALL.findall(converted):
        if function.startswith(("pgettext", "npgettext")):
            messages.add((ast.literal_eval(first), ast.literal_eval(second)))
        else:
            messages.add(("", ast.literal_eval(first)))
    return messages
