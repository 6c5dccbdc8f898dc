"""Named entities of an article: who and what it is about, with every mention's offsets."""

from __future__ import annotations

from reader.core.entities.builtin import find_entities

__all__ = ["find_entities"]
