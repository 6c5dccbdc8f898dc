"""Adapters for the shared extraction scorer: Broadsheet's HTML extraction as ``run(html, url)``."""

from __future__ import annotations

from typing import Any

from reader.core.html import extract_html


def run(html: str, url: str | None) -> dict[str, Any]:
    """Text, title, byline and published date of one page, in the scorer's record form."""
    article = extract_html(html, url)
    return {
        "text": article.text,
        "title": article.title,
        "author": article.byline,
        "date": article.published.isoformat() if article.published else None,
    }
