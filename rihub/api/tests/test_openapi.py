"""The OpenAPI schema describes every list, its filters and what it returns."""

from django.test import SimpleTestCase


class OpenApiSchemaTests(SimpleTestCase):
    def test_the_website_lists_are_described_with_their_filters(self) -> None:
        schema = self.client.get("/api/v1/openapi.json").json()
        expected = {
            "/api/v1/economies": {"lang"},
            "/api/v1/economies/{code}": {"code", "lang"},
            "/api/v1/documents": {
                "q",
                "type",
                "level",
                "economy",
                "priority_area",
                "year",
                "language",
                "limit",
                "offset",
            },
            "/api/v1/documents/{pk}": {"pk"},
            "/api/v1/news": {
                "economy",
                "priority_area",
                "level",
                "year",
                "lang",
                "limit",
                "offset",
            },
            "/api/v1/news/{pk}": {"pk"},
            "/api/v1/events": {
                "economy",
                "priority_area",
                "level",
                "year",
                "since",
                "lang",
                "limit",
                "offset",
            },
            "/api/v1/events/{pk}": {"pk"},
        }
        for path, parameters in expected.items():
            with self.subTest(path):
                operation = schema["paths"][path]["get"]
                named = {parameter["name"] for parameter in operation["parameters"]}
                self.assertEqual(named, parameters)

    def test_the_items_of_each_list_are_described(self) -> None:
        components = self.client.get("/api/v1/openapi.json").json()["components"]
        fields = {
            name: set(schema.get("properties", {}))
            for name, schema in components["schemas"].items()
        }

        self.assertLessEqual(
            {"code", "designation_footnote", "profile_url"}, fields["EconomyOut"]
        )
        self.assertLessEqual(
            {"type", "economies", "file_url", "file_size"}, fields["DocumentOut"]
        )
        self.assertLessEqual({"title", "date", "language", "url"}, fields["NewsOut"])
        self.assertLessEqual({"start_date", "online", "meeting"}, fields["EventOut"])
        self.assertEqual(fields["PagedDocumentOut"], {"items", "count"})
        self.assertEqual(
            components["schemas"]["Level"]["enum"],
            ["economy", "regional", "eu", "international"],
        )
