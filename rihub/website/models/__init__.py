from rihub.website.models.documents import Document, DocumentType
from rihub.website.models.levels import Classified, Level
from rihub.website.models.pages import (
    ContentPage,
    DocumentLibraryPage,
    EconomyProfilePage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SectionPage,
    StandardPage,
    TopicIndexPage,
    TopicPage,
)

__all__ = [
    "Classified",
    "ContentPage",
    "Document",
    "DocumentLibraryPage",
    "DocumentType",
    "EconomyProfilePage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "Level",
    "NewsIndexPage",
    "NewsPage",
    "SectionPage",
    "StandardPage",
    "TopicIndexPage",
    "TopicPage",
]
