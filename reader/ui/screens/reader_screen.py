"""The reader screen: the mediator between the article pane, the sidebar, history and loading."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urldefrag

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from reader.core.history import History
from reader.core.models import Entity, Related
from reader.ui.loader import (
    STDIN,
    LoadError,
    Page,
    PageCache,
    add_entities,
    display_source,
    is_web,
    load_page,
    resolve_link,
)
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.sidebar import EntityList, RelatedList, SidebarList, host_of

if TYPE_CHECKING:
    from reader.ui.app import BroadsheetApp
    from reader.ui.launch import Preload

LOADING_DELAY = 0.15  # seconds before the loading indicator shows
#: How long the first frame waits for the launcher's page (a local file; a web page
#: gets LOADING_DELAY): painting an empty screen first would only delay the article.
FIRST_PAGE_WAIT = 0.5


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


class ReaderScreen(Screen[None]):
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

    app: BroadsheetApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        self.page: Page | None = None
        self._cache = PageCache()
        self._token = 0
        self._loading_timer: Timer | None = None
        self._loading = False
        self._offer_browser: str | None = None
        self._status = ""
        self._shown_progress = ""

    def compose(self) -> ComposeResult:
        """Top bar, article and sidebar side by side (stacked when narrow), find bar, footer."""
        config = self.app.config
        yield Static(id="topbar")
        with Horizontal(id="main"):
            yield ArticleView(max_width=config.display.width, id="article")
            with Vertical(id="sidebar"):
                yield EntityList(id="entities")
                yield RelatedList(id="related")
        yield Input(placeholder="Find in article", id="find")
        yield Footer()

    def on_mount(self) -> None:
        """Start with the sidebar as configured and the article focused."""
        self.query_one("#sidebar").display = self.app.config.display.sidebar
        self.query_one("#find").display = False
        self.article_view.focus()
        self.watch(self.article_view, "scroll_y", self._scrolled, init=False)
        self._update_topbar()
        preload = self.app.preload
        if preload is not None:
            self._open_first(preload)

    def _open_first(self, preload: Preload) -> None:
        """The launcher's page, shown in the very first frame when it is ready soon enough."""
        wait = LOADING_DELAY if is_web(preload.source) else FIRST_PAGE_WAIT
        if not preload.ready(wait):
            self.navigate(preload.source)  # the worker waits for it; the indicator shows
            return
        self.app.preload = None
        self._token += 1
        try:
            page = preload.result()
        except LoadError as exc:
            self.post_message(PageFailed(preload.source, str(exc), self._token))
            return
        if page is None:
            self.navigate(preload.source)
            return
        self.show_page(page)

    def _scrolled(self) -> None:
        progress = self._progress()
        if progress != self._shown_progress:
            self._update_topbar()

    def _progress(self) -> str:
        view = self.article_view
        if self.page is None or not view.max_scroll_y:
            return ""
        return f"{round(100 * view.scroll_y / view.max_scroll_y)}%"

    @property
    def article_view(self) -> ArticleView:
        """The article pane."""
        return self.query_one(ArticleView)

    @property
    def entity_list(self) -> EntityList:
        """The entities pane."""
        return self.query_one(EntityList)

    @property
    def related_list(self) -> RelatedList:
        """The related stories pane."""
        return self.query_one(RelatedList)

    # -- loading -------------------------------------------------------------------------

    def navigate(self, source: str, *, content: bytes | None = None, delta: int = 0) -> None:
        """Load ``source`` and show it; ``delta`` is -1/1 for back/forward, 0 for a new visit.

        A newer navigation makes any older load's result be ignored.
        """
        self._token += 1
        if self.page is not None:
            self.history.remember_scroll(int(self.article_view.scroll_y))
        cached = None
        if content is None:
            cached = self._cache.get(source) or self.app.prefetched(source)
        if cached is not None:
            self.workers.cancel_group(self, "load")
            self._stop_loading()
            self.show_page(cached, delta)
            return
        self._start_loading()
        self._load(source, content, self._token, delta)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, source: str, content: bytes | None, token: int, delta: int) -> None:
        worker = get_current_worker()
        try:
            page = self._preloaded(source) or load_page(
                source, self.app.config, content=content, offline=self.app.offline
            )
        except LoadError as exc:
            if not worker.is_cancelled:
                self.post_message(PageFailed(source, str(exc), token))
            return
        except Exception as exc:  # a bug must not take the reader down with it
            if not worker.is_cancelled:
                self.post_message(
                    PageFailed(source, f"{display_source(source)}: {type(exc).__name__}: {exc}",
                               token)
                )
            return
        if not worker.is_cancelled:
            self.post_message(PageLoaded(page, token, delta))

    def _preloaded(self, source: str) -> Page | None:
        """The first page, when the launcher already loaded it in a child process."""
        preload = self.app.preload
        if preload is None or preload.source != source:
            return None
        self.app.preload = None
        return preload.result()

    def _start_loading(self) -> None:
        if self._loading_timer is not None:
            self._loading_timer.stop()
        self._loading_timer = self.set_timer(LOADING_DELAY, self._show_loading)

    def _show_loading(self) -> None:
        self.article_view.loading = True
        self._loading = True
        self._update_topbar()

    def _stop_loading(self) -> None:
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None
        self.article_view.loading = False
        if self._loading:
            self._loading = False
            self._update_topbar()

    def on_page_loaded(self, message: PageLoaded) -> None:
        """Show a loaded page, unless a newer navigation started since."""
        if message.token != self._token:
            return
        self._stop_loading()
        self._cache.put(message.page)
        self.show_page(message.page, message.delta)
        if message.page.notice:
            self.notify(message.page.notice, markup=False, timeout=6)

    def on_page_failed(self, message: PageFailed) -> None:
        """Report a failed load; the current article stays."""
        if message.token != self._token:
            return
        self._stop_loading()
        error = message.error
        if is_web(message.source):
            # Not a page we can read (a PDF, a dead link...): the browser may do better.
            self._offer_browser = message.source
            error += "\nPress O to open it in your browser."
        self.notify(error, title="Cannot open", severity="error", markup=False, timeout=8)
        if self.page is None and self.is_current:
            self.app.go_home()

    def show_page(self, page: Page, delta: int = 0) -> None:
        """Show an already-loaded page: a new visit (``delta`` 0) or a step in history."""
        self._cache.put(page)
        self._offer_browser = None
        article = page.article
        if delta:
            entry = self.history.go(delta)
            scroll = entry.scroll if entry is not None else 0
        else:
            self.history.visit(page.source, article.title)
            scroll = 0
        self.page = page
        self.article_view.show(article, scroll)
        self.entity_list.set_items(article.entities, page.base)
        self.related_list.set_items(article.related, page.base)
        self.related_list.highlighted = None
        self._close_find()
        self._status = ""
        self._update_topbar()
        self.refresh_bindings()
        if page.entities_pending:
            # The app hears of the page once it is complete (the library stores it).
            self.call_after_refresh(self._find_entities, page)
        else:
            self.app.page_shown(page)

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def _find_entities(self, page: Page) -> None:
        try:
            found = add_entities(page, self.app.config)
        except Exception as exc:  # the article stays readable without its entities
            self.app.log.error(f"entities: {exc!r}")
            found = replace(page, entities_pending=False)
        if not get_current_worker().is_cancelled:
            self.post_message(EntitiesFound(page, found))

    def on_entities_found(self, message: EntitiesFound) -> None:
        """Fill the entities pane of the page that was shown without them."""
        page = message.page
        if self._cache.get(page.source) is message.shown:
            self._cache.put(page)
        if self.page is not message.shown:
            return
        self.page = page
        self.article_view.article = page.article
        self.entity_list.set_items(page.article.entities, page.base)
        self.app.page_shown(page)

    def _update_topbar(self) -> None:
        text = Text.assemble(("Broadsheet", "bold"))
        page = self.page
        if page is not None:
            site = page.article.site or host_of(page.base) or display_source(page.source)
            text.append("  ·  ")
            text.append(site)
        here, total = self.history.position
        if total > 1:
            back = "‹ " if self.history.can_back else "  "
            forward = " ›" if self.history.can_forward else "  "
            text.append(f"   {back}{here}/{total}{forward}", "dim")
        self._shown_progress = self._progress()
        if self._shown_progress:
            text.append(f"   {self._shown_progress}", "dim")
        if self._loading:
            text.append("   loading…", "italic")
        if self._status:
            text.append("   ")
            text.append(self._status, "italic")
        self.query_one("#topbar", Static).update(text)

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

    def action_next_place(self) -> None:
        """Next match or mention."""
        self._step_place(1)

    def action_previous_place(self) -> None:
        """Previous match or mention."""
        self._step_place(-1)

    def _step_place(self, step: int) -> None:
        here, total = self.article_view.step_place(step)
        kind = "match" if self.article_view.place_kind == "match" else "mention"
        self._status = f"{kind} {here}/{total}"
        self._update_topbar()

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

    def show_entity(self, entity: Entity) -> None:
        """Highlight every mention of ``entity``; n/N step through them."""
        count = self.article_view.highlight_entity(entity)
        if not count:
            self.notify(f"No mentions of {entity.name} in the text", markup=False, timeout=3)
        self._status = f"{entity.name}: mention 1/{count}" if count else ""
        self._update_topbar()
        self.refresh_bindings()

    def action_find(self) -> None:
        """Show the find bar."""
        find = self.query_one("#find", Input)
        find.display = True
        find.focus()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        count = self.article_view.find(event.value)
        self._status = f"match 1/{count}" if count else ("no match" if event.value else "")
        self._update_topbar()
        self.refresh_bindings()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#find").display = False
        self.article_view.focus()

    def _close_find(self) -> None:
        find = self.query_one("#find", Input)
        if find.display:
            find.display = False
            find.value = ""

    def action_clear(self) -> None:
        """Close the find bar, then clear highlights, then unselect the link."""
        find = self.query_one("#find", Input)
        view = self.article_view
        if find.display:
            self._close_find()
            view.clear_places()
            view.focus()
        elif not view.clear_places():
            view.clear_link()
            self.related_list.highlighted = None
        self._status = ""
        self._update_topbar()
        self.refresh_bindings()

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
