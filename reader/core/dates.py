"""Dates as pages write them (ISO 8601, RFC 2822, "23 novembre 2024 à 10:31") to datetimes."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_ISO_LIKE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_date(value: str | None) -> datetime | None:
    """A datetime from a machine-readable date string, or None."""
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    match = _ISO_LIKE.search(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
        if hour is not None:
            text += f"T{int(hour):02d}:{minute}:{second or '00'}"
            if zone:
                text += "+00:00" if zone == "Z" else zone if ":" in zone else zone[:3] + ":" + zone[3:]
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None
        return parsed if 1990 <= parsed.year <= 2100 else None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if 1990 <= parsed.year <= 2100 else None
