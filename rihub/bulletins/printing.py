"""The bulletin as a PDF: tagged (PDF/UA-1), with working links, through Typst.

The Typst template reads every text from JSON, so no content can inject Typst
markup. Images are copied beside the template, since Typst reads files only
under its root folder. The same bulletin gives the same bytes: the PDF's date
is the bulletin's last publication, not the time of the build.
"""

import datetime as dt
import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import typst
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from rihub.bulletins.models import BulletinPage
from rihub.lib.richtext import tree
from rihub.website.linked_data import PUBLISHER_NAME

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE = PACKAGE / "bulletins" / "typst" / "bulletin.typ"
RICH_TEXT = PACKAGE / "lib" / "typst" / "richtext.typ"


def pdf(bulletin: BulletinPage) -> bytes:
    with override(bulletin.locale.language_code), tempfile.TemporaryDirectory() as root:
        folder = Path(root)
        for source, target in [
            (TEMPLATE, "main.typ"),
            (RICH_TEXT, "lib/typst/richtext.typ"),
        ]:
            (folder / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, folder / target)
        content = data(bulletin, folder)
        return bytes(
            typst.compile(
                str(folder / "main.typ"),
                root=root,
                sys_inputs={"data": json.dumps(content)},
                pdf_standards=["ua-1"],
                ignore_system_fonts=True,
                timestamp=int(published(bulletin).timestamp()),
            )
        )


def fingerprint(bulletin: BulletinPage) -> str:
    """What the PDF is made from: when it changes, the PDF is made again."""
    with tempfile.TemporaryDirectory() as root:
        content = data(bulletin, Path(root))
    inputs = [json.dumps(content, sort_keys=True), TEMPLATE.read_text()]
    inputs.append(RICH_TEXT.read_text())
    return hashlib.sha256("\n".join(inputs).encode()).hexdigest()


def published(bulletin: BulletinPage) -> dt.datetime:
    when = bulletin.last_published_at or bulletin.latest_revision_created_at
    return when or dt.datetime(bulletin.year, 1, 1, tzinfo=dt.UTC)


def data(bulletin: BulletinPage, folder: Path) -> dict[str, Any]:
    base = settings.WAGTAILADMIN_BASE_URL
    return {
        "title": bulletin.title,
        "period": _("Quarterly bulletin, %(period)s") % {"period": bulletin.period},
        "summary": bulletin.summary,
        "lang": bulletin.locale.language_code,
        "publisher": PUBLISHER_NAME,
        "keywords": [str(bulletin.period), "Roma integration"],
        "url": base.rstrip("/") + (bulletin.url or ""),
        "editorial": tree(bulletin.editorial, base),
        "sections": [section(block, base, folder) for block in bulletin.body],
        "labels": {
            "editorial": _("Editorial"),
            "colophon": _("Read this bulletin and the earlier ones at"),
        },
    }


def section(block: Any, base: str, folder: Path) -> dict[str, Any]:
    if block.block_type == "section":
        value = block.value
        return {
            "kind": "section",
            "heading": value["heading"],
            "intro": tree(value["intro"].source, base) if value["intro"] else [],
            "items": [item(entry, base) for entry in value["items"]],
        }
    if block.block_type == "text":
        return {"kind": "text", "text": tree(block.value.source, base)}
    return figure(block.value, folder)


def item(entry: Any, base: str) -> dict[str, str]:
    when = date_format(entry["date"]) if entry["date"] else ""
    link = entry["link"] or ""
    if link.startswith("/"):
        link = base.rstrip("/") + link
    return {
        "title": entry["title"],
        "meta": " · ".join(filter(None, [when, entry["meta"]])),
        "summary": entry["summary"] or "",
        "link": link if link.startswith(("http://", "https://")) else "",
    }


def figure(value: Any, folder: Path) -> dict[str, str]:
    """An image copied beside the template, at a size fit for print."""
    image = value["image"]
    rendition = image.get_rendition("max-1600x1600|format-png")
    name = f"images/{rendition.pk}.png"
    (folder / "images").mkdir(exist_ok=True)
    with rendition.file.open("rb") as source:
        (folder / name).write_bytes(source.read())
    return {
        "kind": "figure",
        "path": "/" + name,
        "alt": getattr(image, "contextual_alt_text", "") or image.title,
        "caption": value.get("caption") or "",
    }
