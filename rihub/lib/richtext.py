"""Rich text from the content management system, as a tree of plain data.

Pages, bulletins and the monograph hand this tree to Typst as JSON, and its
template typesets each node: no text is ever written into Typst markup, so no
title or paragraph can inject Typst code, whatever it contains.
"""

from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from wagtail.rich_text import expand_db_html

Node = dict[str, Any]

# Tags kept, and the node each becomes; any other tag gives way to its text.
INLINE = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "a": "link"}
BLOCKS = {"p": "p", "ul": "ul", "ol": "ol", "li": "li", "blockquote": "quote"}
HEADINGS = {"h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 4}


def tree(html: str, base_url: str = "") -> list[Node]:
    """The nodes of a rich text field's stored HTML (links to pages expanded)."""
    soup = BeautifulSoup(expand_db_html(html), "html.parser")
    return children(soup, base_url)


def children(element: Tag, base_url: str) -> list[Node]:
    nodes: list[Node] = []
    for child in element.children:
        if isinstance(child, NavigableString):
            if str(child).strip() or nodes:
                nodes.append({"kind": "text", "text": str(child)})
        elif isinstance(child, Tag):
            nodes.extend(node(child, base_url))
    return nodes


def node(element: Tag, base_url: str) -> list[Node]:
    name = element.name
    inner = children(element, base_url)
    if name == "br":
        return [{"kind": "br"}]
    if name in HEADINGS:
        return [{"kind": "heading", "level": HEADINGS[name], "children": inner}]
    if name == "a":
        href = absolute(str(element.get("href") or ""), base_url)
        return [{"kind": "link", "href": href, "children": inner}] if href else inner
    if name in INLINE:
        return [{"kind": INLINE[name], "children": inner}]
    if name in BLOCKS:
        return [{"kind": BLOCKS[name], "children": inner}]
    return inner  # images, embeds and unknown tags: their text only


def absolute(href: str, base_url: str) -> str:
    """A link a reader of the PDF can follow: on this site or elsewhere."""
    if href.startswith(("http://", "https://", "mailto:")):
        return href
    if href.startswith("/") and base_url:
        return base_url.rstrip("/") + href
    return ""


def plain(nodes: list[Node]) -> str:
    """The text of the nodes, for a summary or an alternative text."""
    return "".join(
        item.get("text", "") + plain(item.get("children", [])) for item in nodes
    )
