"""The reader screen's panes and shared state: article, sidebar, find bar, top bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from reader.core.history import History
from reader.ui.loader import Page, PageCache, display_source
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.sidebar import EntityList, RelatedList, host_of

if TYPE_CHECKING:
    from reader.ui.app import BroadsheetApp


class ReaderPanes(Screen[None]):
    """What every part of the reader screen shares: its widgets, page, history and top bar."""

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
        """Top bar, article and sidebar side by side (stacked when narrow), find bar.

        The footer comes after the first frame (see ``ReaderScreen.on_mount``).
        """
        self._set_width_class()
        config = self.app.config
        yield Static(id="topbar")
        with Horizontal(id="main"):
            yield ArticleView(max_width=config.display.width, id="article")
            with Vertical(id="sidebar"):
                yield EntityList(id="entities")
                yield RelatedList(id="related")
        yield Input(placeholder="Find in article", id="find")

    def _set_width_class(self) -> None:
        # Textual sets the breakpoint class on the first resize, after the first layout:
        # set now, the first layout (and the article's first wrap) has the right
        # arrangement, and the screen is not restyled once more.
        points = sorted(self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or [])
        width = self.app.size.width
        chosen = next((name for minimum, name in reversed(points) if width >= minimum), None)
        for _, name in points:
            self.set_class(name == chosen, name)

    async def _mount_footer(self) -> None:
        # Textual's footer builds a widget per key and restyles them all as bindings
        # change: a tenth of the first frame, which is the article's.
        if not self.query(Footer):
            await self.mount(Footer())
            self.refresh_bindings()  # a footer fills itself when the bindings change

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

    def _close_find(self) -> None:
        find = self.query_one("#find", Input)
        if find.display:
            find.display = False
            find.value = ""
