"""Named entities of an article: who and what it is about, with every mention's offsets."""

from __future__ import annotations

from reader.core.entities.builtin import find_entities
from reader.core.entities.engines import (
    ENGINE_NAMES,
    BuiltinEngine,
    EntityEngine,
    NoEngine,
    get_engine,
)

__all__ = ["ENGINE_NAMES", "BuiltinEngine", "EntityEngine", "NoEngine", "find_entities", "get_engine"]
