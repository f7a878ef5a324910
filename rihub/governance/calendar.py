"""iCalendar (RFC 5545) files of meetings, for calendars and invitations."""

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from rihub.governance.models import Meeting

PRODUCT = "-//Regional Cooperation Council//RI Hub//EN"


def uid(meeting: Meeting) -> str:
    """A UID that never changes, even when the meeting's title or date does."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "rihub"
    return f"meeting-{meeting.pk}@{host}"


def event(meeting: Meeting) -> Event | None:
    """The meeting as an event; None while its date is unknown."""
    if meeting.start_date is None:
        return None

    entry = Event()
    entry.add("uid", uid(meeting))
    entry.add("summary", f"{meeting.body.name}: {meeting.title}")
    entry.add("dtstamp", dt.datetime.now(dt.UTC))
    start, end = meeting.starts_at, meeting.ends_at
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        entry.add("dtstart", start)
        entry.add("dtend", end)
    else:
        # Without times, the meeting takes whole days; DTEND is the day after.
        last_day = meeting.end_date or meeting.start_date
        entry.add("dtstart", meeting.start_date)
        entry.add("dtend", last_day + dt.timedelta(days=1))
    if meeting.place or meeting.online:
        entry.add("location", meeting.place or _("Online"))
    if meeting.description:
        entry.add("description", meeting.description)
    entry.add("url", settings.WAGTAILADMIN_BASE_URL + meeting.get_absolute_url())
    entry.add("status", "CONFIRMED")
    return entry


def calendar(meetings: Iterable[Meeting], name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        entry = event(meeting)
        if entry is not None:
            cal.add_component(entry)
    cal.add_missing_timezones()
    return cal.to_ical()
