"""The reader screen: the mediator between the article pane, the sidebar, history and loading."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urldefrag

from textual import on, work
from textual.binding import Binding, BindingType

from reader.core.models import Entity, Related
from reader.ui.loader import STDIN, resolve_link
from reader.ui.screens.reader_loading import FIRST_PAGE_WAIT, LOADING_DELAY, PageLoading
from reader.ui.screens.reader_messages import EntitiesFound, PageFailed, PageLoaded
from reader.ui.screens.reader_search import ArticleSearch
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.sidebar import SidebarList

__all__ = [
    "FIRST_PAGE_WAIT",
    "LOADING_DELAY",
    "EntitiesFound",
    "PageFailed",
    "PageLoaded",
    "ReaderScreen",
]


class ReaderScreen(PageLoading, ArticleSearch):
    """One article at a time, with its entities, related stories and history."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - Textual API

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace,alt+left", "back", "Back", tooltip="Go back to the previous page",
                id="back"),
        Binding("alt+right", "forward", "Forward", tooltip="Go forward again", id="forward"),
        Binding("n", "next_place", "Next", tooltip="Next match or mention (when highlighting)",
                id="next_match"),
        Binding("N", "previous_place", "Previous", tooltip="Previous match or mention",
                id="previous_match"),
        Binding("n", "next_related", "Next story", show=False,
                tooltip="Select the next related story", id="next_related"),
        Binding("p", "previous_related", "Previous story", show=False,
                tooltip="Select the previous related story", id="previous_related"),
        Binding("slash", "find", "Find", tooltip="Find text in the article", id="find"),
        Binding("o", "open", "Open", tooltip="Open a path or URL", id="open"),
        Binding("s", "bookmark", "Save", tooltip="Bookmark this article (again: remove it)",
                id="bookmark"),
        Binding("y", "copy_url", "Copy URL", show=False,
                tooltip="Copy the article's URL (OSC 52)", id="copy_url"),
        Binding("O", "open_browser", "Browser", show=False,
                tooltip="Open the article in your browser ($BROWSER)", id="open_browser"),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar", show=False,
                tooltip="Show or hide the sidebar", id="toggle_sidebar"),
        Binding("h", "home", "Home", show=False, tooltip="Back to the library", id="home"),
        Binding("escape", "clear", "Clear", show=False,
                tooltip="Clear highlights, the find bar or the selected link", id="clear"),
    ]

    def on_mount(self) -> None:
        """Start with the sidebar as configured and the article focused."""
        self.query_one("#sidebar").display = self.app.config.display.sidebar
        self.query_one("#find").display = False
        self.call_after_refresh(self._mount_footer)
        self.article_view.focus()
        self.watch(self.article_view, "scroll_y", self._scrolled, init=False)
        self._update_topbar()
        preload = self.app.preload
        if preload is not None:
            self._open_first(preload)

    # -- what the keys do ----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the keys that do something now."""
        view = self.article_view if self.is_mounted else None
        has_places = bool(view and view.place_kind)
        if action in ("next_place", "previous_place"):
            return has_places
        if action in ("next_related", "previous_related"):
            return not has_places
        if action == "back":
            return True if self.history.can_back else None
        if action == "forward":
            return self.history.can_forward
        if action == "open_browser":
            return bool(self._offer_browser or (self.page and self.page.base)) or None
        if action == "copy_url":
            return bool(self.page and self.page.base) or None
        return True

    def action_back(self) -> None:
        """Previous page in history (its scroll position comes back)."""
        entry = self.history.peek(-1)
        if entry is not None:
            self.navigate(entry.source, delta=-1)

    def action_forward(self) -> None:
        """Next page in history."""
        entry = self.history.peek(1)
        if entry is not None:
            self.navigate(entry.source, delta=1)

    def action_next_related(self) -> None:
        """Select the next related story (enter opens it)."""
        self._step_related(1)

    def action_previous_related(self) -> None:
        """Select the previous related story."""
        self._step_related(-1)

    def _step_related(self, step: int) -> None:
        item = self.related_list.step(step)
        if item is None:
            self.notify("No related stories", timeout=2)
            return
        self.query_one("#sidebar").display = True
        number = (self.related_list.highlighted or 0) + 1
        self._status = f"story {number}/{len(self.related_list.items)}: enter opens it"
        self._update_topbar()

    def on_article_view_activated(self, message: ArticleView.Activated) -> None:
        """Enter in the article with no link selected opens the selected related story."""
        item = self.related_list.selected
        if item is not None and self.related_list.highlighted is not None:
            self.open_related(item)

    def on_article_view_link_activated(self, message: ArticleView.LinkActivated) -> None:
        """Follow a link from the text."""
        self.open_link(message.href)

    @on(SidebarList.Chosen)
    def _chosen(self, message: SidebarList.Chosen) -> None:
        if isinstance(message.item, Entity):
            self.show_entity(message.item)
        elif isinstance(message.item, Related):
            self.open_related(message.item)

    def open_related(self, item: Related) -> None:
        """Open a related story."""
        if not item.url:
            self.notify("This story has no link (the page was a text copy)", timeout=4)
            return
        self.open_link(item.url)

    def open_link(self, href: str) -> None:
        """Open ``href`` as a new page in history (a link to this very page is not followed)."""
        base = self.page.base if self.page else None
        target = resolve_link(href, base)
        if base and urldefrag(target)[0] == urldefrag(base)[0]:
            self.notify("That link points to a place on this page", timeout=3)
            return
        self.navigate(target)

    def action_open(self) -> None:
        """Ask for a path or URL to open."""
        self.app.action_open()

    def action_bookmark(self) -> None:
        """Toggle the bookmark of this article."""
        if self.page is not None:
            self.app.toggle_bookmark(self.page)

    def action_copy_url(self) -> None:
        """Copy the article's URL to the clipboard."""
        if self.page and self.page.base:
            self.app.copy_to_clipboard(self.page.base)
            self.notify("URL copied", timeout=2)

    def action_open_browser(self) -> None:
        """Open the article in the user's browser (or the web page that just failed to load)."""
        if self._offer_browser:
            url, self._offer_browser = self._offer_browser, None
            self._browse(url)
        elif self.page and self.page.base:
            self._browse(self.page.base)

    @work(thread=True, group="browser")
    def _browse(self, url: str) -> None:
        import webbrowser

        try:
            ok = webbrowser.open(url)
        except webbrowser.Error:
            ok = False
        if not ok:
            self.app.call_from_thread(self.notify, "No browser found (set $BROWSER)",
                                      severity="warning")

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar."""
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display
        if not sidebar.display and not self.article_view.has_focus:
            self.article_view.focus()

    def action_home(self) -> None:
        """Back to the home screen; history is kept."""
        self.app.go_home()

    @property
    def is_stdin(self) -> bool:
        """True when the page came from standard input."""
        return self.page is not None and self.page.source == STDIN
