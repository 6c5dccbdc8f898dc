"""Clean whole-page plain-text copies (select all, copy) into an Article.

The pipeline (:mod:`reader.core.text.page`) loads on first use: the HTML extractor
needs only the language cues of this package, and the app's cold start pays for
every module imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.text.page import extract_text_page

__all__ = ["extract_text_page"]


def __getattr__(name: str) -> Any:
    if name == "extract_text_page":
        from reader.core.text.page import extract_text_page

        return extract_text_page
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
