"""Messages the reader screen's workers post back to it: a page loaded, failed, or got its entities."""

from __future__ import annotations

from textual.message import Message

from reader.ui.loader import Page


class PageLoaded(Message):
    """A worker finished loading a page."""

    def __init__(self, page: Page, token: int, delta: int) -> None:
        self.page, self.token, self.delta = page, token, delta
        super().__init__()


class PageFailed(Message):
    """A worker could not load a page; ``error`` is one line for the user."""

    def __init__(self, source: str, error: str, token: int) -> None:
        self.source, self.error, self.token = source, error, token
        super().__init__()


class EntitiesFound(Message):
    """A worker found the entities of a page shown without them."""

    def __init__(self, shown: Page, page: Page) -> None:
        self.shown, self.page = shown, page
        super().__init__()
