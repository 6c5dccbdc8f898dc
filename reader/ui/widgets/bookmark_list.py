"""The list of saved articles: unread mark, title, then site, saved date, tags and note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ui.layout import format_date

if TYPE_CHECKING:
    from reader.storage import Bookmark

UNREAD_MARK = "●"


def bookmark_label(bookmark: Bookmark) -> Text:
    """Two lines built from plain strings (page text is never markup): the unread mark and
    title, then site · saved date · tags · a note sign."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{UNREAD_MARK} " if bookmark.unread else "  ", "bold")
    text.append(bookmark.title or bookmark.url, "bold" if bookmark.unread else "")
    details = [part for part in (bookmark.site, f"saved {format_date(bookmark.saved_at)}") if part]
    text.append("\n  ")
    text.append(" · ".join(details), "dim")
    if bookmark.tags:
        text.append("  ")
        text.append(" ".join(f"#{tag}" for tag in bookmark.tags), "italic")
    if bookmark.note:
        text.append("  ✎ ", "dim")
        text.append(bookmark.note.splitlines()[0], "dim italic")
    return text


def _options(bookmarks: Sequence[Bookmark]) -> list[Option | None]:
    # A rule between bookmarks (None): long titles wrap, and the rule keeps them apart.
    options: list[Option | None] = []
    for bookmark in bookmarks:
        if options:
            options.append(None)
        options.append(Option(bookmark_label(bookmark), id=str(bookmark.id)))
    return options


class BookmarkList(OptionList):
    """Saved articles; choosing one posts :class:`BookmarkList.Chosen`, and nearing the end
    of what is loaded posts :class:`BookmarkList.NearEnd` (the screen loads the next page)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="bookmarks_down"),
        Binding("k", "cursor_up", "Up", show=False, id="bookmarks_up"),
    ]

    class Chosen(Message):
        """A bookmark was chosen (enter or click)."""

        def __init__(self, bookmark: Bookmark) -> None:
            self.bookmark = bookmark
            super().__init__()

    class NearEnd(Message):
        """The cursor came close to the last loaded bookmark."""

    DEFAULT_CSS = """
    BookmarkList {
        border: round $panel;
        background: $background;
        &:focus { border: round $primary; }
    }
    """

    #: How close to the end (in bookmarks) the next page is asked for.
    MARGIN = 20

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bookmarks: list[Bookmark] = []

    def set_bookmarks(self, bookmarks: Sequence[Bookmark], empty: str) -> None:
        """Replace the list (``empty`` is shown when there is nothing), cursor on the first."""
        self.bookmarks = list(bookmarks)
        self.clear_options()
        if not self.bookmarks:
            self.add_option(Option(Text(empty, style="italic dim"), disabled=True))
            return
        self.add_options(_options(self.bookmarks))
        self.highlighted = 0

    def extend(self, bookmarks: Sequence[Bookmark]) -> None:
        """Add the next page of bookmarks at the end (ones already listed are skipped)."""
        known = {b.id for b in self.bookmarks}
        fresh = [b for b in bookmarks if b.id not in known]
        if fresh:
            self.bookmarks.extend(fresh)
            self.add_options([None, *_options(fresh)])

    def update_bookmark(self, bookmark: Bookmark) -> None:
        """Show a changed bookmark (tags, note, read state) where it is."""
        for index, old in enumerate(self.bookmarks):
            if old.id == bookmark.id:
                self.bookmarks[index] = bookmark
                self.replace_option_prompt_at_index(index, bookmark_label(bookmark))
                return

    def drop(self, bookmark_id: int) -> None:
        """Take a deleted bookmark out of the list, keeping the cursor at its place."""
        for index, old in enumerate(self.bookmarks):
            if old.id == bookmark_id:
                del self.bookmarks[index]
                self.remove_option_at_index(index)
                if self.bookmarks:
                    self.highlighted = min(index, len(self.bookmarks) - 1)
                return

    @property
    def selected(self) -> Bookmark | None:
        """The highlighted bookmark."""
        index = self.highlighted
        if index is None or index >= len(self.bookmarks):
            return None
        return self.bookmarks[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the generic selection into :class:`Chosen`."""
        event.stop()
        bookmark = self.selected if event.option_index == self.highlighted else None
        if bookmark is None and event.option_index < len(self.bookmarks):
            bookmark = self.bookmarks[event.option_index]
        if bookmark is not None:
            self.post_message(self.Chosen(bookmark))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Ask for more when the cursor nears the end of what is loaded."""
        event.stop()
        if event.option_index >= len(self.bookmarks) - self.MARGIN:
            self.post_message(self.NearEnd())
