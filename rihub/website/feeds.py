"""Atom feeds of news, events and documents, all and per economy or area."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from rihub.website.models import Document, EventPage, NewsPage


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("RI Hub: news")
    link = "/news/"

    def items(self):  # type: ignore[no-untyped-def]
        return NewsPage.objects.live().public().order_by("-date")[:30]

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.summary


class EventFeed(NewsFeed):
    title = _("RI Hub: events")
    link = "/events/"

    def items(self):  # type: ignore[no-untyped-def]
        return EventPage.objects.live().public().order_by("-start_date")[:30]


class DocumentFeed(NewsFeed):
    title = _("RI Hub: documents")
    link = "/library/"

    def items(self):  # type: ignore[no-untyped-def]
        return Document.objects.public()[:30]


class EconomyFeed(NewsFeed):
    pass


class TopicFeed(NewsFeed):
    pass
