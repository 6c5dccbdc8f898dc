"""The bookmarks screen: saved articles to filter, sort, open, edit, mark read and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from reader.ui.bindings import key_label
from reader.ui.screens.bookmark_edit import BookmarkEditDialog, Edited
from reader.ui.widgets.bookmark_list import BookmarkList

if TYPE_CHECKING:
    from reader.storage import Bookmark, Library, RemovedBookmark
    from reader.ui.app import BroadsheetApp
    from reader.ui.shelf import Shelf

#: The sort orders the sort key cycles through, with how the header says them.
SORTS: tuple[tuple[str, str], ...] = (
    ("saved", "newest saved first"), ("title", "by title"), ("site", "by site"),
    ("published", "newest published first"),
)
#: Bookmarks read per page (more come as the cursor nears the end).
PAGE = 50
#: Filter results shown (the best ones, then put in the chosen order).
HITS = 200


def sort_bookmarks(bookmarks: list[Bookmark], sort: str) -> list[Bookmark]:
    """``bookmarks`` in the order :meth:`Library.list_bookmarks` gives for ``sort``
    (missing sites and dates last)."""
    if sort == "title":
        return sorted(bookmarks, key=lambda b: (b.title.casefold(), b.id))
    if sort == "site":
        return sorted(bookmarks, key=lambda b: (b.site is None, (b.site or "").casefold(), b.id))
    if sort == "published":
        dated = sorted((b for b in bookmarks if b.published), reverse=True,
                       key=lambda b: (b.published or "", b.id))
        return dated + [b for b in bookmarks if not b.published]
    return sorted(bookmarks, key=lambda b: (b.saved_at, b.id), reverse=True)


class BookmarksScreen(Screen[None]):
    """Every saved article. Typing in the filter searches titles, text, tags and notes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", tooltip="Filter bookmarks by any word in them",
                id="bookmarks_filter"),
        Binding("S", "sort", "Sort", tooltip="Sort by saved date, title, site, published date",
                id="bookmarks_sort"),
        Binding("m", "mark", "Read/unread", tooltip="Mark the bookmark read or unread",
                id="bookmarks_mark"),
        Binding("e", "edit", "Tags/note", tooltip="Edit the bookmark's tags and note",
                id="bookmarks_edit"),
        Binding("d,delete", "delete", "Delete", tooltip="Delete the bookmark (u undoes)",
                id="bookmarks_delete"),
        Binding("u", "undo", "Undo", tooltip="Bring back the last deleted bookmark",
                id="bookmarks_undo"),
        Binding("R", "refresh", "Fetch again", show=False,
                tooltip="Fetch the page again, update its saved copy and open it",
                id="bookmarks_refresh"),
        Binding("escape,B", "close", "Close", tooltip="Clear the filter, or close bookmarks",
                id="bookmarks_close"),
        # Only reached from the filter: the list's own down key moves its cursor.
        Binding("down", "focus_list", "To the list", show=False, id="bookmarks_to_list"),
    ]

    DEFAULT_CSS = """
    BookmarksScreen #bookmarks-head { height: 1; padding: 0 1; }
    BookmarksScreen #bookmarks-filter { margin: 0 1; }
    BookmarksScreen BookmarkList { height: 1fr; margin: 0 1; }
    """

    app: BroadsheetApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "saved"
        self.total = 0
        self.unread = -1  # unknown until counted
        self._token = 0
        self._more = False
        self._removed: list[RemovedBookmark] = []

    def compose(self) -> ComposeResult:
        """Header line, filter, the list, footer (the list is asked for first, so the
        library reads it while the screen is built)."""
        self.reload(query="")
        yield Static(id="bookmarks-head")
        yield Input(placeholder="Filter: words in titles, text, tags or notes  (/)",
                    id="bookmarks-filter")
        yield BookmarkList(id="bookmark-list")
        yield Footer()

    def on_mount(self) -> None:
        """The list focused."""
        self.bookmark_list.focus()

    @property
    def shelf(self) -> Shelf:
        """The app's library side."""
        return self.app.shelf  # type: ignore[no-any-return]

    @property
    def bookmark_list(self) -> BookmarkList:
        """The list widget."""
        return self.query_one(BookmarkList)

    @property
    def filter_text(self) -> str:
        """What is typed in the filter."""
        return self.query_one("#bookmarks-filter", Input).value.strip()

    def _call(self, work: Any, then: Any = None, key: str | None = None) -> None:
        self.shelf.call(self, work, then, key=key)

    # -- listing -----------------------------------------------------------------------------

    def reload(self, select: int | None = None, query: str | None = None) -> None:
        """Read the list again for the filter (``query``, by default what is typed) and
        sort; the cursor goes on bookmark ``select`` when it is listed."""
        self._token += 1
        token, sort = self._token, self.sort
        query = self.filter_text if query is None else query

        def work(library: Library) -> tuple[list[Bookmark], int]:
            if query:
                hits = sort_bookmarks(library.search(query, limit=HITS), sort)
                return hits, len(hits)
            return library.list_bookmarks(sort, limit=PAGE), library.count()  # type: ignore[arg-type]

        def done(result: tuple[list[Bookmark], int]) -> None:
            if token != self._token:
                return
            bookmarks, self.total = result
            self._more = not query and len(bookmarks) < self.total
            listing = self.bookmark_list
            listing.set_bookmarks(bookmarks, self._empty_text(query))
            for index, bookmark in enumerate(bookmarks):
                if bookmark.id == select:
                    listing.highlighted = index
            self._update_head(query)
            if not query:
                # Counting unread bookmarks reads every row: once the list is drawn.
                self.call_after_refresh(count_unread)

        def counted(unread: int) -> None:
            self.unread = unread
            self._update_head()

        def count_unread() -> None:
            self._call(lambda library: library.count(unread_only=True), counted,
                       key=f"bookmarks-unread-{id(self)}")

        self._call(work, done, key=f"bookmarks-list-{id(self)}")

    def _empty_text(self, query: str) -> str:
        if query:
            return f"No bookmark has all of: {query}"
        save = key_label(self.app.keymap_overrides.get("bookmark", "s"))
        return f"No bookmarks yet: press {save} while reading an article to save it"

    def _update_head(self, query: str | None = None) -> None:
        query = self.filter_text if query is None else query
        text = Text.assemble(("Bookmarks", "bold"))
        if query:
            matches = f"{self.total}+" if self.total >= HITS else str(self.total)
            text.append(f"  ·  {matches} matching ", "dim")
            text.append(query, "italic")
        else:
            text.append(f"  ·  {self.total:,} saved", "dim")
            if self.unread >= 0:
                text.append(f" · {self.unread:,} unread", "dim")
        text.append(f"  ·  {dict(SORTS)[self.sort]}", "dim")
        self.query_one("#bookmarks-head", Static).update(text)

    @on(BookmarkList.NearEnd)
    def _load_more(self) -> None:
        if not self._more:
            return
        self._more = False
        token, sort, offset = self._token, self.sort, len(self.bookmark_list.bookmarks)

        def done(more: list[Bookmark]) -> None:
            if token == self._token:
                self.bookmark_list.extend(more)
                self._more = len(self.bookmark_list.bookmarks) < self.total

        self._call(lambda library: library.list_bookmarks(sort, limit=PAGE, offset=offset), done)

    @on(Input.Changed, "#bookmarks-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#bookmarks-filter")
    def _filter_submitted(self) -> None:
        self.bookmark_list.focus()

    def action_filter(self) -> None:
        """Put the cursor in the filter."""
        self.query_one("#bookmarks-filter").focus()

    def action_focus_list(self) -> None:
        """From the filter down into the list."""
        self.bookmark_list.focus()

    def action_sort(self) -> None:
        """The next sort order."""
        names = [name for name, _ in SORTS]
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        selected = self.bookmark_list.selected
        self.reload(select=selected.id if selected else None)

    def action_close(self) -> None:
        """Clear the filter first; then close the screen."""
        field = self.query_one("#bookmarks-filter", Input)
        if field.value:
            field.value = ""
            self.bookmark_list.focus()
        else:
            self.dismiss()

    # -- acting on one bookmark ----------------------------------------------------------------

    @on(BookmarkList.Chosen)
    def _open(self, message: BookmarkList.Chosen) -> None:
        self.shelf.open_stored(message.bookmark.url)

    def action_refresh(self) -> None:
        """Fetch the selected bookmark's page again and open it."""
        bookmark = self.bookmark_list.selected
        if bookmark is not None:
            self.shelf.refresh_and_open(bookmark)

    def action_mark(self) -> None:
        """Mark the selected bookmark read, or unread again."""
        bookmark = self.bookmark_list.selected
        if bookmark is None:
            return
        read = bookmark.unread

        def done(changed: Bookmark | None) -> None:
            if changed is not None:
                self.bookmark_list.update_bookmark(changed)
                if self.unread >= 0:
                    self.unread += -1 if read else 1
                self._update_head()

        self._call(lambda library: library.mark_read(bookmark.id, read), done)

    def action_edit(self) -> None:
        """Edit the selected bookmark's tags and note in a dialog."""
        bookmark = self.bookmark_list.selected
        if bookmark is None:
            return

        def save(library: Library, edited: Edited) -> Bookmark | None:
            library.set_tags(bookmark.id, edited[0])
            return library.set_note(bookmark.id, edited[1])

        def edited(value: Edited | None) -> None:
            if value is not None:
                self._call(lambda library: save(library, value), self._changed)

        self.app.push_screen(BookmarkEditDialog(bookmark.title, bookmark.tags, bookmark.note),
                             edited)

    def _changed(self, bookmark: Bookmark | None) -> None:
        if bookmark is not None:
            self.bookmark_list.update_bookmark(bookmark)

    def action_delete(self) -> None:
        """Delete the selected bookmark; a notification says how to undo."""
        bookmark = self.bookmark_list.selected
        if bookmark is None:
            return

        def done(removed: RemovedBookmark | None) -> None:
            if removed is None:
                return
            self._removed.append(removed)
            self.bookmark_list.drop(bookmark.id)
            self.total -= 1
            if self.unread >= 0 and bookmark.unread:
                self.unread -= 1
            self._update_head()
            undo = key_label(self.app.keymap_overrides.get("bookmarks_undo", "u"))
            self.notify(f"Deleted: {bookmark.title}\n{undo} brings it back", title="Bookmarks",
                        markup=False, timeout=6)

        self._call(lambda library: library.remove(bookmark.id), done)

    def action_undo(self) -> None:
        """Bring back the last deleted bookmark."""
        if not self._removed:
            self.notify("Nothing to undo", timeout=2)
            return
        removed = self._removed.pop()

        def done(restored: Bookmark) -> None:
            self.notify(f"Restored: {restored.title}", title="Bookmarks", markup=False,
                        timeout=3)
            self.reload(select=restored.id)

        self._call(lambda library: library.restore(removed), done)
