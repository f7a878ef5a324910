"""Print figures as plain-text tables: a title, a header row, aligned columns."""

from collections.abc import Iterator, Sequence

Cell = str | int | float | None


def table(
    title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]
) -> Iterator[str]:
    """Text columns on the left, numbers on the right; a missing figure is '-'."""
    cells = [[show(cell) for cell in row] for row in rows]
    widths = [
        max(len(line[i]) for line in [list(header), *cells]) for i in range(len(header))
    ]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows)
        for i in range(len(header))
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ).rstrip()

    yield ""
    yield title
    yield line(header)
    yield line(["-" * width for width in widths])
    yield from (line(row) for row in cells)


def show(cell: Cell) -> str:
    if cell is None:
        return "-"
    if isinstance(cell, float):
        return f"{cell:,.1f}"
    if isinstance(cell, int):
        return f"{cell:,}"
    return cell
