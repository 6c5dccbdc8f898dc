"""Highlighted places in an article (entity mentions or find matches) and the one n/N is on."""

from __future__ import annotations

from collections.abc import Callable

from reader.ui.layout import Place

#: (start, end, component name) of one highlight within a unit.
Highlight = tuple[int, int, str]


class PlaceCursor:
    """The highlighted places of the shown article, and which of them is current."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.kind = ""  # "mention", "match" or "" for nothing
        self.current = -1
        self.highlights: dict[int, list[Highlight]] = {}

    def set(self, places: list[Place], kind: str, line_of: Callable[[int, int], int],
            top: int) -> Place | None:
        """Highlight ``places`` as ``kind``; the current one is the first from line ``top`` on.

        Returns the current place (to be revealed), or None when there are none.
        """
        self.highlights = {}
        for u, a, b in places:
            self.highlights.setdefault(u, []).append((a, b, kind))
        self.places, self.kind = places, (kind if places else "")
        self.current = -1
        if not places:
            return None
        after = [n for n, (u, a, _) in enumerate(places) if line_of(u, a) >= top]
        self.current = after[0] if after else 0
        return places[self.current]

    def step(self, step: int) -> Place | None:
        """Move to the next (1) or previous (-1) place, wrapping; None when there are none."""
        if not self.places:
            return None
        self.current = (self.current + step) % len(self.places)
        return self.places[self.current]

    def reset(self) -> None:
        """Forget every place (a new article is shown)."""
        self.highlights.clear()
        self.places, self.kind, self.current = [], "", -1

    @property
    def active(self) -> bool:
        """True when anything is highlighted."""
        return bool(self.places or self.highlights)

    @property
    def position(self) -> tuple[int, int]:
        """(1-based current place, number of places)."""
        return self.current + 1, len(self.places)

    @property
    def current_place(self) -> Place | None:
        """The place n/N is on, if any."""
        if 0 <= self.current < len(self.places):
            return self.places[self.current]
        return None
