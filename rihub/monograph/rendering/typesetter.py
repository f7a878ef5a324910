"""Run Typst on a prepared folder, in a process of its own.

`python -m rihub.monograph.rendering.typesetter ROOT TIMESTAMP` reads
ROOT/data.json and writes ROOT/book.pdf. A book of a thousand pages takes
Typst close to a gigabyte; in its own process that memory goes back to the
system when the book is done, instead of staying with the worker, and the
process holds nothing but Typst (no Django, no records).
"""

import sys
from pathlib import Path

import typst


def typeset(root: Path, timestamp: int) -> None:
    pdf = typst.compile(
        str(root / "main.typ"),
        root=str(root),
        sys_inputs={"data": (root / "data.json").read_text()},
        pdf_standards=["ua-1", "a-2a"],
        ignore_system_fonts=True,
        timestamp=timestamp,
    )
    (root / "book.pdf").write_bytes(bytes(pdf))


if __name__ == "__main__":
    typeset(Path(sys.argv[1]), int(sys.argv[2]))
