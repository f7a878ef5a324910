"""Rich text from the content management system as blocks of the book.

rihub.lib.richtext keeps headings, lists, links and emphasis; this adds what a
book also needs from the same fields: tables, and images with their text
alternative. Every text stays a string in the data, never markup.

1. Walk the field's top-level elements in order.
2. A table becomes a table block, an embedded image an image block.
3. Everything between them goes through rihub.lib.richtext as one run.
"""

from bs4 import BeautifulSoup, Tag
from wagtail.images import get_image_model

from rihub.lib.richtext import tree
from rihub.monograph.book import Block, image, nested, rich, table

RENDITION = "max-1600x1600|format-png"


def blocks_of(html: str, base_url: str = "", top: int = 1) -> list[Block]:
    """The field's blocks; its first heading at level `top` of the chapter."""
    soup = BeautifulSoup(html or "", "html.parser")
    blocks: list[Block] = []
    pending: list[str] = []
    for child in soup.children:
        found = special(child) if isinstance(child, Tag) else None
        if found is None:
            pending.append(str(child))
            continue
        blocks.extend(run(pending, base_url, top))
        pending = []
        blocks.extend(found)
    return blocks + run(pending, base_url, top)


def run(pending: list[str], base_url: str, top: int) -> list[Block]:
    nodes = nested(tree("".join(pending), base_url), top)
    return [rich(nodes)] if nodes else []


def special(element: Tag) -> list[Block] | None:
    if element.name == "table":
        return [table_of(element)]
    if element.name == "embed" and element.get("embedtype") == "image":
        return image_of(element)
    return None


def table_of(element: Tag) -> Block:
    caption = element.find("caption")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in element.find_all("tr")
    ]
    first = element.find("tr")
    header = rows[0] if isinstance(first, Tag) and first.find("th") else []
    body = rows[1:] if header else rows
    width = max((len(row) for row in rows), default=0)
    columns = header + [""] * (width - len(header))
    even = [row + [""] * (width - len(row)) for row in body]
    return table(caption.get_text(" ", strip=True) if caption else "", columns, even)


def image_of(element: Tag) -> list[Block]:
    """An image embedded in rich text; gone with its file if deleted since."""
    found = get_image_model().objects.filter(pk=str(element.get("id") or "0")).first()
    if found is None:
        return []
    alt = str(element.get("alt") or "") or found.title
    return [image(found.pk, found.get_file_hash(), alt)]


def image_file(pk: int) -> bytes:
    """The picture at a size fit for print and screen, as PNG."""
    rendition = get_image_model().objects.get(pk=pk).get_rendition(RENDITION)
    with rendition.file.open("rb") as source:
        return bytes(source.read())
