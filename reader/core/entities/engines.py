"""Entity engines behind one small interface, chosen by name from the config."""

from __future__ import annotations

from typing import Protocol

from reader.core.entities.builtin import find_entities
from reader.core.models import Entity

#: The names accepted by :func:`get_engine` (config ``[entities] engine``).
ENGINE_NAMES: tuple[str, ...] = ("builtin", "spacy", "none")


class EntityEngine(Protocol):
    """Finds the named entities of an article."""

    name: str

    def find(self, text: str, *, title: str = "", lang: str | None = None) -> tuple[Entity, ...]:
        """Entities of ``text`` (and ``title``), most mentioned first, offsets into ``text``."""
        ...


class BuiltinEngine:
    """The built-in engine: word lists and capitalisation, nothing to install."""

    name = "builtin"

    def find(self, text: str, *, title: str = "", lang: str | None = None) -> tuple[Entity, ...]:
        """See :func:`reader.core.entities.find_entities`."""
        return find_entities(text, title=title, lang=lang)


class NoEngine:
    """Entities turned off."""

    name = "none"

    def find(self, text: str, *, title: str = "", lang: str | None = None) -> tuple[Entity, ...]:
        """Always nothing."""
        del text, title, lang
        return ()


def get_engine(name: str) -> EntityEngine:
    """The engine called ``name`` ("builtin", "spacy" or "none").

    "spacy" works without spaCy installed: it then gives the built-in results.
    """
    if name == "builtin":
        return BuiltinEngine()
    if name == "none":
        return NoEngine()
    if name == "spacy":
        from reader.core.entities.spacy_engine import SpacyEngine

        return SpacyEngine()
    raise ValueError(f"unknown entity engine {name!r}; expected one of {', '.join(ENGINE_NAMES)}")
