"""The bulletin's part of the reference data: its archive in the site's tree."""

from typing import Any

from rihub.bulletins.drafting import archive, find_archive
from rihub.bulletins.models import BulletinIndexPage
from rihub.lib.reference import LoadReport

SECTIONS: set[str] = set()


def parse(data: dict[str, Any]) -> None:
    return None


def load(parsed: None, report: LoadReport) -> None:
    if find_archive() is not None:
        report.add(BulletinIndexPage, "kept")
        return
    archive()
    report.add(BulletinIndexPage, "created")
