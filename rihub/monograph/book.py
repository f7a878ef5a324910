"""The monograph as plain data, which every format is rendered from.

A book is a dict that JSON can hold: its chapters hold blocks, each a dict with
a "kind". Typst reads it as JSON, the templates as a context; nothing in it is
markup, so no text can change how the book is typeset.
"""

from typing import Any

Block = dict[str, Any]
Book = dict[str, Any]


def chapter(key: str, title: str, blocks: list[Block]) -> Block:
    return {"key": key, "title": title, "blocks": blocks}


def heading(text: str, level: int = 1) -> Block:
    """A section (level 1) or subsection (level 2) of a chapter."""
    return {"kind": "heading", "level": level, "text": text}


def text(content: str) -> Block:
    return {"kind": "text", "text": content}


def rich(nodes: list[dict[str, Any]]) -> Block:
    """Rich text as the tree of rihub.lib.richtext."""
    return {"kind": "rich", "nodes": nodes}


def entry(
    anchor: str,
    title: str,
    meta: str = "",
    summary: str = "",
    points: list[str] | None = None,
    terms: list[str] | None = None,
) -> Block:
    """A record in the book: a meeting, a commitment, a document.

    Its terms go into the index; its anchor names it in the HTML pages.
    """
    return {
        "kind": "entry",
        "anchor": anchor,
        "title": title,
        "meta": meta,
        "summary": summary,
        "points": points or [],
        "terms": sorted(set(terms or [])),
    }


def table(caption: str, columns: list[str], rows: list[list[str]]) -> Block:
    return {"kind": "table", "caption": caption, "columns": columns, "rows": rows}


def figure(anchor: str, svg: str, alt: str, caption: str) -> Block:
    """An SVG chart with its text alternative."""
    return {
        "kind": "figure",
        "anchor": anchor,
        "svg": svg,
        "alt": alt,
        "caption": caption,
    }


def image(pk: int, file_hash: str, alt: str, caption: str = "") -> Block:
    """A picture from the image library; its file hash keeps the fingerprint true."""
    return {
        "kind": "image",
        "name": f"images/{pk}.png",
        "image": pk,
        "file_hash": file_hash,
        "alt": alt,
        "caption": caption,
    }


def pictures(book: Book) -> dict[str, int]:
    """Every image the book shows, cover first: its file name and image."""
    found = [book["cover"]] if book.get("cover") else []
    for part in [{"blocks": book["foreword"]}, *book["chapters"]]:
        found += [block for block in part["blocks"] if block["kind"] == "image"]
    return {block["name"]: block["image"] for block in found}


def terms_of(book: Book) -> dict[str, list[tuple[str, str]]]:
    """Each index term, with the chapter key and anchor of each entry naming it."""
    index: dict[str, list[tuple[str, str]]] = {}
    for part in book["chapters"]:
        for block in part["blocks"]:
            for term in block.get("terms", []):
                index.setdefault(term, []).append((part["key"], block["anchor"]))
    return dict(sorted(index.items(), key=lambda item: item[0].casefold()))


def nested(nodes: list[dict[str, Any]], top: int = 1) -> list[dict[str, Any]]:
    """Rich text whose headings skip no level, the first at `top` at most.

    A tagged PDF refuses a jump from a chapter's heading to a sub-subheading.
    """
    last = top - 1
    even: list[dict[str, Any]] = []
    for node in nodes:
        if node["kind"] == "heading":
            node = node | {"level": min(node["level"], last + 1)}
            last = node["level"]
        even.append(node)
    return even
