"""Quarters of the year, written as 2018-Q2."""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

PATTERN = re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$")


class QuarterError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        found = PATTERN.match(text.strip().upper())
        if not found:
            raise QuarterError(
                _("“%(text)s” is not a quarter: write it as 2018-Q2.") % {"text": text}
            )
        return cls(int(found["year"]), int(found["quarter"]))

    @classmethod
    def of(cls, day: dt.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> "Quarter":
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"
