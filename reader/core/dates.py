"""Dates as pages write them (ISO 8601, RFC 2822, "23 novembre 2024 à 10:31") to datetimes."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_ISO_LIKE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|\b)")


def _plausible(parsed: datetime) -> datetime | None:
    return parsed if 1990 <= parsed.year <= 2100 else None


def parse_date(value: str | None) -> datetime | None:
    """A datetime from a machine-readable date string (ISO 8601, RFC 2822, 20191114), or None."""
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    match = _ISO_LIKE.search(value)
    if not match:
        compact = _COMPACT.match(value)
        if compact:
            y, mo, d, h, mi, s, zone = compact.groups()
            value = f"{y}-{mo}-{d}" + (f"T{h}:{mi}:{s or '00'}{zone or ''}" if h else "")
            match = _ISO_LIKE.search(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
        if hour is not None:
            text += f"T{int(hour):02d}:{minute}:{second or '00'}"
            if zone:
                text += "+00:00" if zone == "Z" else zone if ":" in zone else zone[:3] + ":" + zone[3:]
        try:
            return _plausible(datetime.fromisoformat(text))
        except ValueError:
            return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return written_date(value)
    return _plausible(parsed)


def written_date(text: str | None) -> datetime | None:
    """A date written out for people ("Nov. 19, 2019", "23 novembre 2024 à 10:31", "19.10.2019")."""
    if not text or len(text) > 300 or not any(ch.isdigit() for ch in text):
        return None
    from reader.core.text.dates import find_date

    found = find_date(text)
    return _plausible(found.when) if found else None


def url_date(url: str | None) -> datetime | None:
    """The day a URL path names (/2019/11/14/...), or None."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return _plausible(datetime(int(match[1]), int(match[2]), int(match[3])))
    except ValueError:
        return None
