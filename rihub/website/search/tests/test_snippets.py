"""Results show their words marked, in escaped passages around the first match."""

from django.test import SimpleTestCase, TestCase, override_settings

from rihub.website.search import sync
from rihub.website.search.snippets import highlight, passage, words
from rihub.website.search.tests.world import document


class SnippetTests(SimpleTestCase):
    def test_words_are_marked_and_everything_else_escaped(self) -> None:
        marked = highlight('<b>Housing</b> & "homes"', ["housing"])

        self.assertEqual(
            marked, "&lt;b&gt;<mark>Housing</mark>&lt;/b&gt; &amp; &quot;homes&quot;"
        )

    def test_a_word_that_starts_with_a_term_is_marked_whole(self) -> None:
        marked = highlight("Houses and a household", ["house"])

        self.assertEqual(marked, "<mark>Houses</mark> and a <mark>household</mark>")

    def test_accents_and_case_do_not_hide_a_match(self) -> None:
        self.assertEqual(
            highlight("From Niš to İzmir", ["nis", "izmir"]),
            "From <mark>Niš</mark> to <mark>İzmir</mark>",
        )

    def test_a_term_inside_a_word_is_not_marked(self) -> None:
        self.assertEqual(highlight("Chromatic", ["roma"]), "Chromatic")

    def test_a_passage_is_cut_around_the_first_match(self) -> None:
        text = " ".join(["filler"] * 200 + ["needle"] + ["filler"] * 200)

        shown = passage(text, ["needle"], width=120)

        self.assertTrue(shown.startswith("… filler"))
        self.assertTrue(shown.endswith("filler …"))
        self.assertIn("<mark>needle</mark>", shown)
        self.assertLess(len(shown), 160)

    def test_a_passage_without_a_match_starts_at_the_beginning(self) -> None:
        shown = passage("The start. " + "more " * 100, ["absent"], width=40)

        self.assertTrue(shown.startswith("The start."))
        self.assertTrue(shown.endswith(" …"))

    def test_a_short_text_is_shown_whole(self) -> None:
        self.assertEqual(
            passage("Roma  housing\n", ["housing"]), "Roma <mark>housing</mark>"
        )

    def test_the_words_of_a_query(self) -> None:
        self.assertEqual(words('"Roma" housing* OR (roma)'), ["roma", "housing", "or"])
        self.assertEqual(len(words(" ".join(f"w{n}" for n in range(30)))), 10)
        self.assertEqual(words("?!* -- ()"), [])


@override_settings(RIHUB_PAGE_CACHE_SECONDS=0)
class ResultSnippetTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        document(
            "Report on <em>housing</em>",
            summary="<script>alert('housing')</script> was typed here.",
        )
        document(
            "Annual census report",
            summary="The annual report.",
            text="Preface. " * 400
            + "The census counted Roma households. "
            + "End. " * 400,
        )
        sync.rebuild()

    def test_html_in_content_is_shown_as_text(self) -> None:
        response = self.client.get("/search/", {"q": "housing"})

        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<em>housing")
        self.assertContains(
            response, "&lt;script&gt;alert(&#x27;<mark>housing</mark>&#x27;)"
        )
        self.assertContains(
            response, "Report on &lt;em&gt;<mark>housing</mark>&lt;/em&gt;"
        )

    def test_a_match_deep_in_long_text_is_shown_in_its_passage(self) -> None:
        response = self.client.get("/search/", {"q": "census households"})

        (hit,) = response.context["hits"]
        self.assertIn(
            "The <mark>census</mark> counted Roma <mark>households</mark>", hit.snippet
        )
        self.assertTrue(hit.snippet.startswith("… "))
        self.assertContains(response, "Annual <mark>census</mark> report", html=True)

    def test_the_summary_is_shown_when_it_has_the_words(self) -> None:
        response = self.client.get("/search/", {"q": "annual"})

        (hit,) = response.context["hits"]
        self.assertEqual(hit.snippet, "The <mark>annual</mark> report.")
