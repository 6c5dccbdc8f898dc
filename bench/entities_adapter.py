"""Adapters for ../shared/tools/score_entities.py: (text, lang) -> rows of name, type, count."""

from __future__ import annotations

from typing import Any

from reader.core.entities import find_entities


def run(text: str, lang: str) -> list[dict[str, Any]]:
    """The built-in engine, with the language the gold file gives."""
    return [{"name": e.name, "type": e.type, "count": e.count} for e in find_entities(text, lang=lang)]


def run_nolang(text: str, lang: str) -> list[dict[str, Any]]:
    """The built-in engine guessing the language itself."""
    del lang
    return [{"name": e.name, "type": e.type, "count": e.count} for e in find_entities(text)]
