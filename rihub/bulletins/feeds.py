"""The Atom feed of the bulletin archive: one entry per published bulletin."""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from rihub.bulletins.models import BulletinIndexPage, BulletinPage
from rihub.website import queries
from rihub.website.feeds import (
    FEED_LENGTH,
    Entry,
    EntryFeed,
    Subject,
    index_url,
    tag_uri,
)


class BulletinFeed(EntryFeed):
    def title(self) -> str:
        return _("RI Hub: quarterly bulletin")

    def link(self, subject: Subject) -> str:
        return index_url(subject.request, BulletinIndexPage.objects.all())

    def items(self, subject: Subject) -> list[Entry]:
        issues = queries.in_language(BulletinPage.objects.all()).select_related(
            "locale"
        )
        issues = issues.order_by("-year", "-quarter")[:FEED_LENGTH]
        return [entry(subject.request, issue) for issue in issues]


def entry(request: HttpRequest, issue: BulletinPage) -> Entry:
    # A live page has been published: the fallback only satisfies the type.
    published = issue.first_published_at or issue.last_published_at or timezone.now()
    return Entry(
        title=issue.title,
        summary=issue.summary,
        url=issue.get_url(request) or "",
        guid=tag_uri(request, "page", issue.pk),
        language=issue.locale.language_code,
        published=published,
        updated=max(published, issue.last_published_at or published),
        categories=[str(issue.period)],
    )
