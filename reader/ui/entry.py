"""Entry: one story as the home screen lists it (kept apart so the reader need not import that screen)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """A story listed on the home screen."""

    source: str
    title: str
    site: str = ""
    section: str = ""
    summary: str = ""
    published: str = ""
    words: int = 0
    unread: bool = False
    #: The library key when the story comes from the library (recent or bookmarks).
    key: str | None = None
