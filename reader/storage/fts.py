"""Turning what the user types into a safe FTS5 query (every word a prefix, filter-as-you-type)."""

from __future__ import annotations

import re

from reader.core.sanitize import normalize

# Words as FTS5's unicode61 tokenizer sees them (letters and digits); everything else,
# including FTS5 syntax such as quotes, parentheses, ^, * or column filters, separates words.
_WORD = re.compile(r"[^\W_]+")
#: More words than this add nothing to a filter but cost time.
MAX_WORDS = 12


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression where every word of ``query`` must appear, as a prefix.

    Each word is quoted, so no user text is ever read as FTS5 syntax; "AND", "NOT" or
    "NEAR" typed by the user are plain words. None when the query has no word at all.
    """
    words = _WORD.findall(normalize(query))[:MAX_WORDS]
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)
