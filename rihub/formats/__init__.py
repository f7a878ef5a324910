"""Date and number formats for languages Django does not know (FORMAT_MODULE_PATH)."""
