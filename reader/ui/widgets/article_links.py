"""Link selection in the article pane: which link ] and [ are on, and which link a click hits."""

from __future__ import annotations

from collections.abc import Callable

from reader.ui.layout import Link, Unit


class LinkCursor:
    """The links of the laid-out article, in reading order, and the selected one."""

    def __init__(self) -> None:
        self.links: list[tuple[int, Link]] = []  # (unit number, link)
        self.selected = -1

    def load(self, units: list[Unit]) -> None:
        """Take the links of freshly laid-out ``units`` (the selection is kept)."""
        self.links = [(u, link) for u, unit in enumerate(units) for link in unit.links]

    @property
    def selected_link(self) -> Link | None:
        """The selected link, if any."""
        return self.links[self.selected][1] if self.selected >= 0 else None

    def step(self, step: int, line_of: Callable[[int, int], int], top: int) -> None:
        """Select the next (1) or previous (-1) link, wrapping.

        With none selected, start from the first link on or after line ``top``.
        """
        if not self.links:
            return
        if self.selected < 0:
            lines = [line_of(u, link.start) for u, link in self.links]
            candidates = [n for n, line in enumerate(lines) if line >= top]
            if step > 0:
                number = candidates[0] if candidates else 0
            else:
                number = candidates[0] - 1 if candidates else len(self.links) - 1
        else:
            number = self.selected + step
        self.selected = number % len(self.links)

    def selected_place(self) -> tuple[int, int] | None:
        """(unit, character) where the selected link starts."""
        if self.selected < 0:
            return None
        unit, link = self.links[self.selected]
        return unit, link.start

    def select_at(self, unit: int, pos: int) -> Link | None:
        """Select the link covering character ``pos`` of ``unit``; None when there is none."""
        for number, (u, link) in enumerate(self.links):
            if u == unit and link.start <= pos < link.end:
                self.selected = number
                return link
        return None
