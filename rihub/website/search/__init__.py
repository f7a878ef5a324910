"""The site's search: one box over pages, documents, meetings and commitments."""
