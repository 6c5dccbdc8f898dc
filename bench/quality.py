"""Broadsheet as an extractor for the shared scorer: ``run(html, url)`` on the complete extract().

    PYTHONPATH=. .venv/bin/python ../shared/tools/score_extraction.py \\
        --data ../shared/corpus/scrapinghub-dev --data ../shared/corpus/multilingual-dev \\
        --data ../shared/corpus/readability-dev \\
        --extractor bench.quality:run --extractor peers:trafilatura_default
"""

from __future__ import annotations

from typing import Any

from reader.core.extract import extract


def run(html: str, url: str | None) -> dict[str, Any]:
    """Text, title, byline and published date of one page, in the scorer's record form."""
    article = extract(html, url)
    return {
        "text": article.text,
        "title": article.title,
        "author": article.byline,
        "date": article.published.isoformat() if article.published else None,
    }
