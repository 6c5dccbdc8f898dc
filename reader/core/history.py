"""Back/forward navigation with browser semantics, remembering each page's scroll position."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Entry:
    """One visited page: what to load again, its title, and where the reader was."""

    source: str
    title: str = ""
    scroll: int = 0


class History:
    """A back/forward stack.

    Visiting a page drops the forward entries, as browsers do; visiting the
    page already current changes nothing. ``peek`` lets the caller load a
    page first and ``go`` there only once the load has succeeded.
    """

    def __init__(self, limit: int = 500) -> None:
        self._entries: list[Entry] = []
        self._index = -1
        self._limit = max(1, limit)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def current(self) -> Entry | None:
        """The page shown now, if any."""
        return self._entries[self._index] if self._entries else None

    @property
    def position(self) -> tuple[int, int]:
        """(1-based index of the current page, number of pages)."""
        return self._index + 1, len(self._entries)

    @property
    def can_back(self) -> bool:
        """True when there is a page before the current one."""
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        """True when there is a page after the current one."""
        return self._index < len(self._entries) - 1

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, oldest first."""
        return tuple(self._entries)

    def visit(self, source: str, title: str = "") -> Entry:
        """Make ``source`` the current page, dropping any forward entries."""
        current = self.current
        if current is not None and current.source == source:
            if title:
                current.title = title
            return current
        del self._entries[self._index + 1 :]
        entry = Entry(source, title)
        self._entries.append(entry)
        if len(self._entries) > self._limit:
            del self._entries[: len(self._entries) - self._limit]
        self._index = len(self._entries) - 1
        return entry

    def peek(self, delta: int) -> Entry | None:
        """The entry ``delta`` steps away (-1 is back), or None past either end."""
        index = self._index + delta
        if not self._entries or index < 0 or index >= len(self._entries):
            return None
        return self._entries[index]

    def go(self, delta: int) -> Entry | None:
        """Move ``delta`` steps and return the new current entry (None, and no move, past an end)."""
        entry = self.peek(delta)
        if entry is not None:
            self._index += delta
        return entry

    def back(self) -> Entry | None:
        """Step back one page."""
        return self.go(-1)

    def forward(self) -> Entry | None:
        """Step forward one page."""
        return self.go(1)

    def remember_scroll(self, scroll: int) -> None:
        """Store the reader's position on the current page."""
        if self.current is not None:
            self.current.scroll = max(0, scroll)
