"""The entity index behind "Mentioned in": normalised names an article mentions."""

from __future__ import annotations

import unicodedata

from reader.core.models import Entity


def name_key(name: str) -> str:
    """The form names are compared in: no accents, case or punctuation, single spaces.

    "Zürich", "ZURICH" and "zurich" share a key, as do "U.S." and "US".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    kept: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue
        if category[0] in "PSZC":
            # Dots inside abbreviations vanish; any other punctuation splits words.
            kept.append("" if char == "." else " ")
        else:
            kept.append(char)
    return " ".join("".join(kept).casefold().split())


def entity_keys(entity: Entity) -> list[str]:
    """The keys ``entity`` is found under: its name and each alias."""
    keys: list[str] = []
    for name in (entity.name, *entity.aliases):
        key = name_key(name)
        if key and key not in keys:
            keys.append(key)
    return keys


def mention_rows(url: str, entities: tuple[Entity, ...]) -> list[tuple[str, str, str, int]]:
    """Rows ``(name_key, url, name, count)`` for the mentions table, one per key."""
    best: dict[str, tuple[str, int]] = {}
    for entity in entities:
        count = max(entity.count, len(entity.mentions), 1)
        for key in entity_keys(entity):
            if key not in best or count > best[key][1]:
                best[key] = (entity.name, count)
    return [(key, url, name, count) for key, (name, count) in best.items()]
