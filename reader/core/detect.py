"""Tells an HTML document from a plain-text page copy."""

from __future__ import annotations

import re

_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S)
_TAG = re.compile(
    r"<(?:html|head|body|p|div|span|a|br|h[1-6]|article|section|meta|title|table|ul|ol|li|"
    r"img|script|style|link|nav|header|footer|main|figure|em|strong|b|i)\b[^<>]{0,2000}>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than a text copy of a page."""
    head = text[:20_000]
    if _DOCTYPE.match(head) or re.match(r"\s*<html\b", head, re.I):
        return True
    tags = len(_TAG.findall(head))
    if tags >= 3:
        return True
    return tags >= 1 and len(head.strip()) < 200 and head.lstrip().startswith("<")
