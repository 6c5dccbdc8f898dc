"""What the app does with the library: save with s, record reading and its position, reopen copies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.message_pump import MessagePump
from textual.timer import Timer

from reader.ui.bindings import key_label
from reader.ui.layout import format_date
from reader.ui.library import LibraryBridge
from reader.ui.loader import STDIN, LoadError, Page, display_source, load_page, normalise_source
from reader.ui.screens.home import Entry

if TYPE_CHECKING:
    from reader.core.models import Article
    from reader.storage import Bookmark, Library, RemovedBookmark, Visit
    from reader.ui.app import BroadsheetApp

#: How many recent articles and bookmarks the home screen lists.
HOME_LIMIT = 12
#: Seconds of stillness before the reading position is written.
POSITION_DELAY = 0.8


def source_of(key: str) -> str:
    """What the reader opens to load a library key again (an article without URL: its key)."""
    from reader.storage.records import is_text_key

    return key if is_text_key(key) else normalise_source(key)


def bookmark_entry(bookmark: Bookmark) -> Entry:
    """A bookmark as the home screen lists it (unread ones get a dot)."""
    tags = " ".join(f"#{tag}" for tag in bookmark.tags)
    return Entry(source=source_of(bookmark.url), title=bookmark.title or bookmark.url,
                 site=bookmark.site or "",
                 section=" ".join(filter(None, [f"saved {format_date(bookmark.saved_at)}", tags])),
                 unread=bookmark.unread, key=bookmark.url)


def visit_entry(visit: Visit) -> Entry:
    """A recently read article as the home screen lists it."""
    return Entry(source=source_of(visit.url), title=visit.title or visit.url,
                 site=visit.site or "", section=f"read {format_date(visit.read_at)}",
                 key=visit.url)


class Shelf:
    """Bookmarks and reading history for the app; every storage call runs off the UI thread."""

    def __init__(self, app: BroadsheetApp) -> None:
        self.app = app
        self.bridge = LibraryBridge(app)
        #: The home screen's lists as last known (shown at once, then read again).
        self.recent: list[Entry] = []
        self.bookmarks: list[Entry] = []
        self._unsaved: dict[str, RemovedBookmark] = {}
        # By id of the article: its key is worked out off the UI thread, with the write.
        self._positions: dict[int, tuple[Article, float, int]] = {}
        self._position_timer: Timer | None = None
        self._watched: object | None = None
        self._resume: tuple[str, float] | None = None

    def call(self, asker: MessagePump, work: Callable[[Library], Any],
             then: Callable[[Any], object] | None = None, *, key: str | None = None,
             quiet: bool = False) -> None:
        """:meth:`LibraryBridge.call`: ``work(library)`` in a worker, ``then(result)`` here."""
        self.bridge.call(asker, work, then, key=key, quiet=quiet)

    def close(self) -> None:
        """Write the last reading positions and close the library (the app is exiting)."""
        if self._positions:
            positions, self._positions = self._positions, {}
            library = self.bridge.library_now()
            if library is not None:
                _write_positions(library, positions)
        self.bridge.close()

    # -- saving ----------------------------------------------------------------------------

    def toggle_bookmark(self, page: Page) -> None:
        """Save ``page`` (its cleaned article, with entities, is the offline copy), or unsave it.

        Saving again, in the same session, an article just unsaved brings back its tags,
        note and saved date.
        """
        article = page.article
        unsaved = dict(self._unsaved)

        def work(library: Library) -> tuple[str, RemovedBookmark | None]:
            from reader.storage import article_key

            key = article_key(article)
            found = library.find(key)
            if found is None:
                if key in unsaved:
                    library.restore(unsaved[key])
                library.add_bookmark(article)
                return key, None
            return key, library.remove(found.id)

        def done(result: tuple[str, RemovedBookmark | None]) -> None:
            key, removed = result
            title = article.title or display_source(page.source)
            if removed is None:
                self._unsaved.pop(key, None)
                self.app.notify(f"Saved: {title}", title="Bookmarks", markup=False, timeout=3)
            else:
                self._unsaved[key] = removed
                again = key_label(self.app.keymap_overrides.get("bookmark", "s"))
                self.app.notify(f"Removed: {title}\n{again} saves it again, with its tags and note",
                                title="Bookmarks", markup=False, timeout=5)

        self.call(self.app, work, done)

    # -- reading history ---------------------------------------------------------------------

    def page_shown(self, page: Page) -> None:
        """Record the visit (with the article, to reopen offline), follow the reading
        position, and bring back the last one when the page was opened to resume."""
        article = page.article
        if page.source != STDIN:
            entry = Entry(source=page.source, title=article.title or display_source(page.source),
                          site=article.site or "", section=article.section or "")
            self.recent = [e for e in self.recent if e.source != page.source]
            self.recent.insert(0, entry)
            del self.recent[HOME_LIMIT:]

        def recorded(visit: Visit) -> None:
            # The library key is known now: Recent reopens the saved copy at its place.
            self.recent = [replace(e, key=visit.url) if e.source == page.source else e
                           for e in self.recent]

        self.call(self.app, lambda library: library.record_visit(article), recorded, quiet=True)
        view = self.app.reader.article_view
        if self._watched is not view:
            self._watched = view
            self.app.watch(view, "scroll_y", self._scrolled, init=False)
        resume, self._resume = self._resume, None
        if resume is not None and resume[0] == page.source and resume[1] > 0:
            fraction = resume[1]
            # After the next refresh: the new article's height is known only then.
            view.call_after_refresh(view.scroll_to_fraction, fraction)

    def _scrolled(self) -> None:
        page = self.app.reader.page
        if page is None:
            return
        view = self.app.reader.article_view
        top = view.max_scroll_y
        self._positions[id(page.article)] = (page.article, view.scroll_y / top if top else 0.0,
                                             int(view.scroll_y))
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.app.set_timer(POSITION_DELAY, self.flush_positions)

    def flush_positions(self) -> None:
        """Write the reading positions noted since the last write."""
        positions, self._positions = self._positions, {}
        if positions:
            self.call(self.app, lambda library: _write_positions(library, positions), quiet=True)

    def reload_lists(self, asker: MessagePump, then: Callable[[], object]) -> None:
        """Read recent articles and unread-first bookmarks again, then call ``then()``."""

        def work(library: Library) -> tuple[list[Visit], list[Bookmark]]:
            return (library.recent(HOME_LIMIT),
                    library.list_bookmarks(unread_first=True, limit=HOME_LIMIT))

        def done(lists: tuple[list[Visit], list[Bookmark]]) -> None:
            visits, bookmarks = lists
            self.recent = [visit_entry(visit) for visit in visits]
            self.bookmarks = [bookmark_entry(bookmark) for bookmark in bookmarks]
            then()

        self.call(asker, work, done, key=f"home-lists-{id(asker)}", quiet=True)

    # -- opening what is stored --------------------------------------------------------------

    def open_bookmarks(self) -> None:
        """Show the bookmarks screen (once: ``B`` there closes it)."""
        from reader.ui.screens.bookmarks import BookmarksScreen

        if not isinstance(self.app.screen, BookmarksScreen):
            self.app.push_screen(BookmarksScreen())

    def open_entry(self, entry: Entry) -> None:
        """Open a story listed on the home screen (from the library when it came from it)."""
        if entry.key:
            self.open_stored(entry.key)
        else:
            self.app.open_source(entry.source)

    def open_stored(self, key: str, *, resume: bool = True) -> None:
        """Open a saved or recently read article: its stored copy first, else its source.

        With ``resume`` the reading position of its last visit comes back.
        """
        from reader.storage.records import is_text_key

        source = source_of(key)

        def work(library: Library) -> tuple[Article | None, Visit | None]:
            return library.offline_copy(key), library.visit(key) if resume else None

        def done(found: tuple[Article | None, Visit | None]) -> None:
            article, visit = found
            if visit is not None:
                self._resume = (source, visit.scroll)
            if article is not None:
                self.app.show_page(Page(source, article, article.url))
            elif not is_text_key(key):
                self.app.open_source(source)
            else:
                self.app.notify("This article has no saved copy any more", severity="warning",
                                timeout=4)

        self.call(self.app, work, done)

    def refresh_and_open(self, bookmark: Bookmark) -> None:
        """Fetch a bookmark's page again, update its offline copy, and show it."""
        source = bookmark.web_url
        if source is None:
            self.app.notify("This article came without an address: only its copy exists",
                            severity="warning", timeout=4)
            return
        self.app.notify(f"Fetching {display_source(source)} again…", markup=False, timeout=2)
        self.app.run_worker(lambda: self._fetch(bookmark.id, normalise_source(source)),
                            thread=True, group="refresh", exclusive=True)

    def _fetch(self, bookmark_id: int, source: str) -> None:
        app = self.app
        try:
            page = load_page(source, app.config, offline=app.offline)
        except LoadError as exc:
            app.call_later(app.notify, str(exc), title="Cannot refresh", severity="error",
                           markup=False)
            return

        def stored(_: object) -> None:
            app.show_page(page)
            app.notify("Saved copy updated", timeout=2)

        app.call_later(self.call, app,
                       lambda library: library.refresh_copy(bookmark_id, page.article), stored)


def _write_positions(library: Library, positions: dict[int, tuple[Article, float, int]]) -> None:
    for article, fraction, line in positions.values():
        library.set_position(article, fraction, line)
