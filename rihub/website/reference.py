"""The website's part of the reference data: its tree, for now."""

from typing import Any

from rihub.lib.reference import LoadReport
from rihub.website.skeleton import ensure_site

SECTIONS: set[str] = set()


def parse(data: dict[str, Any]) -> list[Any]:
    return []


def load(records: list[Any], report: LoadReport) -> None:
    ensure_site()
