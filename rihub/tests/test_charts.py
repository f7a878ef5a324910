"""The shared SVG chart: well formed, scaled, described and escaped."""

from defusedxml import ElementTree
from django.test import SimpleTestCase

from rihub.lib.charts import Bar, bar_chart, describe

SVG = "{http://www.w3.org/2000/svg}"


class BarChartTests(SimpleTestCase):
    def test_bars_are_scaled_to_the_largest_value(self) -> None:
        svg = ElementTree.fromstring(
            bar_chart("By status", [Bar("Adopted", 4), Bar("Proposed", 2)])
        )
        widths = [int(rect.get("width", "0")) for rect in svg.iter(f"{SVG}rect")]
        self.assertEqual(widths, [320, 160])

    def test_the_chart_has_a_title_and_a_text_alternative(self) -> None:
        svg = ElementTree.fromstring(bar_chart("By status", [Bar("Adopted", 4)]))
        self.assertEqual(svg.get("role"), "img")
        self.assertEqual(svg.find(f"{SVG}title").text, "By status")
        self.assertEqual(svg.find(f"{SVG}desc").text, "By status. Adopted: 4.")

    def test_labels_are_escaped(self) -> None:
        text = bar_chart("<script>", [Bar("A & B </text>", 1)])
        ElementTree.fromstring(text)
        self.assertNotIn("<script>", text)
        self.assertIn("A &amp; B &lt;/text&gt;", text)

    def test_no_data_is_said_plainly(self) -> None:
        self.assertEqual(describe("By status", []), "By status: no data.")
        ElementTree.fromstring(bar_chart("By status", []))
