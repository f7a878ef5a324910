"""Rich text as a plain-text mail reads it: paragraphs, bullets, links in brackets."""

import re
from collections.abc import Callable
from html.parser import HTMLParser

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "ol", "ul", "blockquote", "figure"}
BLANKS = re.compile(r"\n{3,}")
SPACES = re.compile(r"[ \t\r\f\v]+")


class TextWriter(HTMLParser):
    def __init__(self, absolute: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.absolute = absolute
        self.parts: list[str] = []
        self.href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.href and not self.href.startswith("#"):
            self.parts.append(f" <{self.absolute(self.href)}>")
            self.href = ""

    def handle_data(self, data: str) -> None:
        self.parts.append(SPACES.sub(" ", data.replace("\n", " ")))

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self.parts).splitlines())
        return BLANKS.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(html: str, absolute: Callable[[str], str]) -> str:
    """The text of an HTML fragment, each link's address after its words."""
    writer = TextWriter(absolute)
    writer.feed(html)
    writer.close()
    return writer.text()
