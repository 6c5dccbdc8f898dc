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


_SPACY: Any = None


def run_spacy(text: str, lang: str) -> list[dict[str, Any]]:
    """The spaCy engine (built-in merged with an installed pipeline for ``lang``)."""
    global _SPACY
    if _SPACY is None:
        from reader.core.entities import get_engine

        _SPACY = get_engine("spacy")
    return [{"name": e.name, "type": e.type, "count": e.count} for e in _SPACY.find(text, lang=lang)]
