"""The first frame: an article shown before the first layout is wrapped at the width it gets."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from reader.core.models import Article, Block, Span
from reader.ui.widgets.article_view import ArticleView

ARTICLE = Article(
    title="Night ferry timetable changes",
    body=tuple(
        Block("paragraph", (Span(f"Paragraph {n}: the night ferry leaves the north quay at ten "
                                 "past eleven from Monday, twenty minutes later than before."),))
        for n in range(30)
    ),
)


class Panes(App[None]):
    """An article pane beside (or above) a fixed-width pane, showing the article at mount."""

    CSS = "#side { width: 40; } Horizontal, Vertical { height: 1fr; }"

    def __init__(self, *, beside: bool, side_shown: bool = True, max_width: int = 80) -> None:
        super().__init__()
        self.beside = beside
        self.side_shown = side_shown
        self.max_width = max_width
        self.column_at_mount = -1

    def compose(self) -> ComposeResult:
        with Horizontal() if self.beside else Vertical():
            yield ArticleView(max_width=self.max_width)
            side = Static("sidebar", id="side")
            side.display = self.side_shown
            yield side

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        assert not view.size.width  # not laid out yet
        self.show_before_layout(view)

    def show_before_layout(self, view: ArticleView) -> None:
        view.show(ARTICLE)
        self.column_at_mount = view.column_width


@pytest.mark.parametrize(
    ("size", "beside", "side_shown", "max_width"),
    [
        ((120, 40), True, True, 80),   # the pane is narrower than the column cap
        ((200, 40), True, True, 80),   # the cap decides
        ((120, 40), True, False, 100),  # the sidebar hidden
        ((90, 30), False, True, 80),   # stacked: the pane has the whole width
    ],
)
async def test_an_article_shown_before_layout_is_wrapped_once_at_its_real_width(
    size: tuple[int, int], beside: bool, side_shown: bool, max_width: int,
) -> None:
    app = Panes(beside=beside, side_shown=side_shown, max_width=max_width)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        width = view.size.width - view.styles.scrollbar_size_vertical  # counted, shown or not
        expected = min(max_width, width - 4)
        assert view.column_width == expected
        # Wrapped before the first layout, at the width the layout then gave: the first
        # frame already held the text, and the resize did not wrap it again.
        assert app.column_at_mount == expected
        assert view.line_count > 30
        assert view.line_text(0) == "Night ferry timetable changes"



class ReopenedHalfway(Panes):
    """Shows the article before layout and asks for its middle (a reopened article's place)."""

    def show_before_layout(self, view: ArticleView) -> None:
        super().show_before_layout(view)
        view.scroll_to_fraction(0.5)


async def test_a_place_asked_for_before_layout_is_reached_once_laid_out() -> None:
    app = ReopenedHalfway(beside=True)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.max_scroll_y > 20
        assert view.scroll_y == round(0.5 * view.max_scroll_y)
