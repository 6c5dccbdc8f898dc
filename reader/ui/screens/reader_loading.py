"""Loading pages for the reader screen: workers, the loading indicator, history steps."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from reader.sources import is_url
from reader.ui.loader import LoadError, Page, add_entities, display_source, load_page
from reader.ui.screens.reader_messages import EntitiesFound, PageFailed, PageLoaded
from reader.ui.screens.reader_panes import ReaderPanes

if TYPE_CHECKING:
    from reader.ui.launch import Preload

LOADING_DELAY = 0.15  # seconds before the loading indicator shows
#: How long the first frame waits for the launcher's page (a local file; a web page
#: gets LOADING_DELAY): painting an empty screen first would only delay the article.
FIRST_PAGE_WAIT = 0.5


class PageLoading(ReaderPanes):
    """Loads pages in workers and shows them; a newer navigation wins over an older one."""

    def _open_first(self, preload: Preload) -> None:
        """The launcher's page, shown in the very first frame when it is ready soon enough."""
        wait = LOADING_DELAY if is_url(preload.source) else FIRST_PAGE_WAIT
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
        self.show_page(page, first_frame=True)

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

    def on_page_failed(self, message: PageFailed) -> None:
        """Report a failed load; the current article stays."""
        if message.token != self._token:
            return
        self._stop_loading()
        error = message.error
        if is_url(message.source):
            # Not a page we can read (a PDF, a dead link...): the browser may do better.
            self._offer_browser = message.source
            error += "\nPress O to open it in your browser."
        self.notify(error, title="Cannot open", severity="error", markup=False, timeout=8)
        if self.page is None and self.is_current:
            self.app.go_home()

    def show_page(self, page: Page, delta: int = 0, *, first_frame: bool = False) -> None:
        """Show an already-loaded page: a new visit (``delta`` 0) or a step in history.

        ``first_frame``: the page is the launcher's, shown before the screen's first
        frame; the related stories then follow in the next frame, so that the article's
        text is not kept waiting for them.
        """
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
        if first_frame:
            self.call_after_refresh(self._show_related, page)
        else:
            self._show_related(page)
        self._close_find()
        self._status = ""
        self._update_topbar()
        self.refresh_bindings()
        if page.notice:  # a stale cached copy, a page cut short...: every way in shows it
            self.notify(page.notice, markup=False, timeout=6)
        if page.entities_pending:
            # The app hears of the page once it is complete (the library stores it).
            self.call_after_refresh(self._find_entities, page)
        else:
            self.app.page_shown(page)

    def _show_related(self, page: Page) -> None:
        current = self.page  # the same page, maybe with its entities now; or a newer one
        if current is not None and current.source == page.source:
            self.related_list.set_items(current.article.related, current.base)
            self.related_list.highlighted = None

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
