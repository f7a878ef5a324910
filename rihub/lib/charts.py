"""Charts as accessible SVG, for pages, bulletins and the monograph alike.

Each chart carries a title and a description for screen readers, and every bar
is labelled with its value, so the figure reads without colour or sight.
"""

from dataclasses import dataclass
from xml.sax.saxutils import escape

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 220
BAR_AREA = 320
VALUE_WIDTH = 60


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def describe(title: str, bars: list[Bar]) -> str:
    """The text alternative: every label with its value."""
    parts = [f"{bar.label}: {bar.value}" for bar in bars]
    return f"{title}. " + "; ".join(parts) + "." if parts else f"{title}: no data."


def bar_chart(title: str, bars: list[Bar], chart_id: str = "chart") -> str:
    """A horizontal bar chart, scaled to the largest value."""
    largest = max((bar.value for bar in bars), default=0) or 1
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    rows = [bar_row(index, bar, largest) for index, bar in enumerate(bars)]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}"'
        f' aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(describe(title, bars))}</desc>'
        + "".join(rows)
        + "</svg>"
    )


def bar_row(index: int, bar: Bar, largest: int) -> str:
    y = GAP + index * (BAR_HEIGHT + GAP)
    length = round(BAR_AREA * bar.value / largest)
    middle = y + BAR_HEIGHT * 0.7
    return (
        f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end"'
        f' font-size="14">{escape(bar.label)}</text>'
        f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}"'
        ' fill="#0b5394"></rect>'
        f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" font-size="14">'
        f"{bar.value}</text>"
    )
