"""Broadsheet: read one news article well, in the terminal.

The public API is :func:`extract` and :class:`Article`; importing this package
loads neither Textual nor Rich, and defers the extraction stack until first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.core.errors import ExtractionError
from reader.core.models import Article, Block, Entity, Related, Span

if TYPE_CHECKING:
    from reader.core.extract import extract as extract

__version__ = "0.1.0"
__all__ = ["Article", "Block", "Entity", "ExtractionError", "Related", "Span", "extract"]


def __getattr__(name: str) -> Any:
    # The extraction stack (lxml, trafilatura) costs ~0.25 s to import: load it on first use.
    if name == "extract":
        from reader.core.extract import extract

        return extract
    raise AttributeError(f"module 'reader' has no attribute {name!r}")
