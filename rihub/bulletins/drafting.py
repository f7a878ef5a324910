"""Draft a quarter's bulletin from what happened in it, for the editors to finish."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from wagtail.models import Locale

from rihub.bulletins import gathering
from rihub.bulletins.models import BulletinIndexPage, BulletinPage
from rihub.bulletins.quarters import Quarter
from rihub.lib.errors import Refusal
from rihub.website.skeleton import ensure_child, ensure_site


class DraftRefused(Refusal):
    pass


def sections(quarter: Quarter, today: dt.date) -> list[gathering.Section]:
    """The draft's sections, in the order readers meet them; empty ones left out."""
    found = [
        gathering.news(quarter),
        gathering.events_and_meetings(quarter),
        gathering.minutes_and_decisions(quarter),
        gathering.commitments(quarter),
        gathering.mainstreaming(quarter),
        gathering.documents(quarter),
        gathering.implementation(quarter, today),
        gathering.outlook(quarter),
    ]
    return [section for section in found if section.items]


def body(found: list[gathering.Section]) -> list[dict[str, Any]]:
    """The sections as raw StreamField data."""
    return [
        {
            "type": "section",
            "value": {
                "heading": section.heading,
                "intro": f"<p>{section.intro}</p>" if section.intro else "",
                "items": [item.raw() for item in section.items],
            },
        }
        for section in found
    ]


def title_of(quarter: Quarter) -> str:
    first, last = MONTHS[quarter.first_day.month], MONTHS[quarter.last_day.month]
    return _("Bulletin %(first)s–%(last)s %(year)d") % {
        "first": first,
        "last": last,
        "year": quarter.year,
    }


def find_archive() -> BulletinIndexPage | None:
    return BulletinIndexPage.objects.filter(locale=Locale.get_default()).first()


def archive() -> BulletinIndexPage:
    home = ensure_site()
    found = ensure_child(home, BulletinIndexPage, "bulletin", title=_("Bulletin"))
    assert isinstance(found, BulletinIndexPage)  # noqa: S101 (narrows the type)
    return found


@transaction.atomic
def draft(quarter: Quarter, today: dt.date | None = None) -> BulletinPage:
    """Create the quarter's bulletin as a draft; refuse if it has one already.

    1. Refuse a quarter that has a bulletin, published or not: it is the
       editors' work from its first draft on.
    2. Gather the sections and save the page as an unpublished revision.
    """
    english = Locale.get_default()
    existing = BulletinPage.objects.filter(
        year=quarter.year, quarter=quarter.number, locale=english
    ).first()
    if existing is not None:
        raise DraftRefused(
            _("%(quarter)s has a bulletin already: “%(title)s”. Nothing was changed.")
            % {"quarter": quarter, "title": existing.title}
        )

    today = today or timezone.localdate()
    page = BulletinPage(
        title=title_of(quarter),
        slug=str(quarter).lower(),
        year=quarter.year,
        quarter=quarter.number,
        body=body(sections(quarter, today)),
        live=False,
    )
    archive().add_child(instance=page)
    page.save_revision()
    return page
