"""The bulletin as an email: rendered once per language, personalised per message.

The costly part (templates, rich text, inlining the CSS) runs once for each
language's edition; a message only puts its subscriber's links into that text.
"""

import re
from dataclasses import dataclass
from email.utils import parseaddr

import css_inline
from django.conf import settings
from django.core.mail import DNS_NAME, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale

from rihub.bulletins.models import BulletinPage, Delivery
from rihub.bulletins.sending.content import email_context
from rihub.bulletins.subscriptions.tokens import preferences_url, unsubscribe_url

# Stand-ins for the subscriber's links: plain words that no escaping changes.
UNSUBSCRIBE = "rihub-unsubscribe-link"
PREFERENCES = "rihub-preferences-link"
BLANK_LINES = re.compile(r"\n{3,}")
ADDRESS = re.compile(r"""\b(href|src)=(["'])(/(?!/).*?)\2""")
INLINER = css_inline.CSSInliner(load_remote_stylesheets=False)


@dataclass(frozen=True)
class Edition:
    """One language's bulletin, ready but for the subscriber's links."""

    subject: str
    text: str
    html: str

    def personal(self, unsubscribe: str, preferences: str) -> tuple[str, str]:
        text = self.text.replace(UNSUBSCRIBE, unsubscribe)
        html = self.html.replace(UNSUBSCRIBE, escape(unsubscribe))
        text = text.replace(PREFERENCES, preferences)
        html = html.replace(PREFERENCES, escape(preferences))
        return text, html


class Editions:
    """Each language's edition of one bulletin, rendered the first time it is asked."""

    def __init__(self, bulletin: BulletinPage) -> None:
        self.bulletin = bulletin
        self.pages: dict[str, BulletinPage] = {}
        self.rendered: dict[int, Edition] = {}

    def for_language(self, language: str) -> Edition:
        page = self.page_for(language)
        if page.pk not in self.rendered:
            self.rendered[page.pk] = render_edition(page)
        return self.rendered[page.pk]

    def page_for(self, language: str) -> BulletinPage:
        if language not in self.pages:
            found = live_translation(self.bulletin, language)
            self.pages[language] = found or self.bulletin
        return self.pages[language]


def live_translation(bulletin: BulletinPage, language: str) -> BulletinPage | None:
    if bulletin.locale.language_code == language:
        return bulletin
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    found = bulletin.get_translation_or_none(locale)
    return found if found is not None and found.live else None


def render_edition(page: BulletinPage) -> Edition:
    with translation.override(page.locale.language_code):
        context = email_context(page, UNSUBSCRIBE, PREFERENCES)
        subject = _("%(title)s: RI Hub bulletin %(period)s") % {
            "title": page.title,
            "period": page.period,
        }
        html = render_to_string("bulletins/email/bulletin.html", context)
        text = render_to_string("bulletins/email/bulletin.txt", context)
    inlined = INLINER.inline(absolute_addresses(html))
    return Edition(subject, BLANK_LINES.sub("\n\n", text), inlined)


def absolute_addresses(html: str) -> str:
    """Prefix the site's address to every link and image given by path."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return ADDRESS.sub(lambda m: f"{m[1]}={m[2]}{base}{m[3]}{m[2]}", html)


def preview_html(bulletin: BulletinPage) -> str:
    """The HTML email as an editor checks it, the subscriber's links left empty."""
    edition = render_edition(bulletin)
    return edition.personal("#unsubscribe", "#preferences")[1]


def message_for(
    delivery: Delivery, editions: Editions | None = None
) -> EmailMultiAlternatives:
    """The bulletin for one subscriber, in their language where it is translated."""
    subscriber = delivery.subscriber
    if editions is None:
        editions = Editions(delivery.campaign.bulletin)
    edition = editions.for_language(subscriber.language)

    unsubscribe = unsubscribe_url(subscriber)
    text, html = edition.personal(unsubscribe, preferences_url(subscriber))
    message = EmailMultiAlternatives(
        edition.subject,
        text,
        to=[subscriber.email],
        headers=headers(delivery, unsubscribe),
    )
    message.attach_alternative(html, "text/html")
    return message


def headers(delivery: Delivery, unsubscribe: str) -> dict[str, str]:
    domain = mail_domain()
    return {
        "Message-ID": message_id(delivery),
        "List-Id": f"RI Hub bulletin <bulletin.{domain}>",
        # RFC 8058: mail clients offer their own unsubscribe button, which POSTs.
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def message_id(delivery: Delivery) -> str:
    """The same for every attempt, so a resend after a crash reads as one message."""
    return f"<bulletin.{delivery.campaign_id}.{delivery.pk}@{mail_domain()}>"


def mail_domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or str(DNS_NAME)
