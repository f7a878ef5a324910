"""What the email templates show of a bulletin, in both its HTML and its text form."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from wagtail.images.models import AbstractImage
from wagtail.rich_text import expand_db_html

from rihub.bulletins.models import BulletinPage
from rihub.bulletins.sending.plaintext import html_to_text

# The column is 600 pixels wide; images are cut at twice that for sharp screens.
IMAGE_WIDTH = 552
RENDITION = "width-1104"


@dataclass
class RichPart:
    source: str
    text: str


@dataclass
class Item:
    title: str
    date: dt.date | None
    meta: str
    summary: str
    link: str


@dataclass
class Block:
    kind: str
    heading: str = ""
    rich: RichPart | None = None
    items: list[Item] = field(default_factory=list)
    image: dict[str, Any] | None = None
    caption: str = ""


def absolute(url: str) -> str:
    if url.startswith("/") and not url.startswith("//"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def email_context(
    page: BulletinPage, unsubscribe: str, preferences: str
) -> dict[str, Any]:
    return {
        "page": page,
        "language": page.locale.language_code,
        "web_url": absolute(page.url or ""),
        "editorial": rich(page.editorial) if page.editorial else None,
        "blocks": [block(child) for child in page.body],
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences,
    }


def rich(source: str) -> RichPart:
    return RichPart(source, html_to_text(expand_db_html(source), absolute))


def block(child: Any) -> Block:
    value = child.value
    if child.block_type == "section":
        intro = value["intro"].source if value["intro"] else ""
        return Block(
            "section",
            heading=value["heading"],
            rich=rich(intro) if intro else None,
            items=[item(entry) for entry in value["items"]],
        )
    if child.block_type == "figure":
        return Block("figure", image=figure(value["image"]), caption=value["caption"])
    return Block("text", rich=rich(value.source))


def item(value: Any) -> Item:
    return Item(
        title=value["title"],
        date=value["date"],
        meta=value["meta"],
        summary=value["summary"],
        link=absolute(value["link"]) if value["link"] else "",
    )


def figure(image: AbstractImage | None) -> dict[str, Any] | None:
    """The image at the column's width, or nothing when it was deleted."""
    if image is None:
        return None
    rendition = image.get_rendition(RENDITION)
    width = min(rendition.width, IMAGE_WIDTH)
    alt = getattr(image, "contextual_alt_text", None) or image.default_alt_text
    return {
        "url": absolute(rendition.url),
        "width": width,
        "height": round(rendition.height * width / rendition.width),
        "alt": "" if getattr(image, "decorative", False) else alt,
    }
