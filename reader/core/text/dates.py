"""Dates written out on a page ("23 novembre 2024 à 10:31", "Nov. 19, 2019", "19.10.2019")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from reader.core.text.cues import cues

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Found:
    """A date found in a line, with where it sits in it."""

    when: datetime
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    time: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    names = sorted(cues().months, key=len, reverse=True)
    month = "(?P<month>" + "|".join(re.escape(n) for n in names) + r")\.?"
    year = r"(?P<year>(?:19|20)\d\d)"
    return _Patterns(
        iso=re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<h>\d\d):(?P<mi>\d\d))?"),
        numeric=re.compile(r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./]" + year + r"\b"),
        day_month=re.compile(
            r"\b(?P<day>\d{1,2})(?:er|\.|º|°|st|nd|rd|th)?\s*(?:de\s+)?" + month
            + r",?\s+(?:de\s+)?" + year + r"\b",
            re.IGNORECASE,
        ),
        month_day=re.compile(
            r"\b" + month + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + year + r"\b",
            re.IGNORECASE,
        ),
        time=re.compile(
            r"^\W{0,3}(?:à|a las|at|um|alle|às|,|-|–|\|)?\s*(?P<h>\d{1,2})\s*[:h]\s*(?P<mi>\d\d)"
            r"(?:\s*(?P<ampm>[ap]\.?m\.?))?",
            re.IGNORECASE,
        ),
    )


def _build(year: int, month: int, day: int, rest: str) -> datetime | None:
    hour = minute = 0
    m = _patterns().time.match(rest)
    if m:
        hour, minute = int(m["h"]), int(m["mi"])
        ampm = (m["ampm"] or "").replace(".", "").casefold()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        try:
            return datetime(year, month, day)
        except ValueError:
            return None


def find_date(line: str, *, month_first: bool = False) -> Found | None:
    """The first date written in ``line``, with the time of day when it follows the date."""
    if not _DIGIT.search(line):
        return None
    pats = _patterns()
    months = cues().months
    best: Found | None = None
    for m in pats.iso.finditer(line):
        when = datetime(int(m["year"]), 1, 1)
        try:
            when = datetime(int(m["year"]), int(m["m"]), int(m["d"]), int(m["h"] or 0), int(m["mi"] or 0))
        except ValueError:
            continue
        best = Found(when, m.start(), m.end())
        break
    for pat in (pats.day_month, pats.month_day):
        hit = pat.search(line)
        if hit is None:
            continue
        if best is None or hit.start() < best.start:
            month = months.get(hit["month"].casefold().rstrip("."))
            built = _build(int(hit["year"]), month, int(hit["day"]), line[hit.end():]) if month else None
            if built:
                best = Found(built, hit.start(), hit.end())
    num = pats.numeric.search(line)
    if num is not None and (best is None or num.start() < best.start):
        a, b = int(num["a"]), int(num["b"])
        swap = b > 12 or (month_first and a <= 12)
        day, month = (b, a) if swap else (a, b)
        built = _build(int(num["year"]), month, day, line[num.end():])
        if built:
            best = Found(built, num.start(), num.end())
    return best


def iso_day(when: datetime) -> str:
    """The calendar day as YYYY-MM-DD."""
    return when.date().isoformat()
