"""Related stories linked from an HTML page (placeholder until the related-links work lands)."""

from __future__ import annotations

from typing import Any

from reader.core.models import Block, Related


def find_related(root: Any, page_url: str | None, body: tuple[Block, ...]) -> tuple[Related, ...]:
    """Stories the page links to, ordered related, inline, more."""
    return ()
