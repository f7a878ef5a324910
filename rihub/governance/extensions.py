"""Places where later apps add to governance pages without governance knowing them.

An app below governance (mainstreaming, say) registers a function that takes a
meeting and returns the template and context of a section for its page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rihub.governance.models import Meeting


@dataclass(frozen=True)
class Section:
    template: str
    context: dict[str, Any]


MeetingSection = Callable[[Meeting], Section | None]
meeting_sections: list[MeetingSection] = []


def add_meeting_section(provider: MeetingSection) -> MeetingSection:
    meeting_sections.append(provider)
    return provider


def sections_for(meeting: Meeting) -> list[Section]:
    found = (provider(meeting) for provider in meeting_sections)
    return [section for section in found if section is not None]
