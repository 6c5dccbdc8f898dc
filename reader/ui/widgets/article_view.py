"""The article pane: a ScrollView that wraps the text once and draws only the visible lines."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.models import Article, Entity
from reader.ui.layout import (
    Line,
    Place,
    TextIndex,
    Unit,
    article_units,
    find_places,
    layout_lines,
)
from reader.ui.widgets.article_draw import char_at, line_segments, overlays
from reader.ui.widgets.article_links import LinkCursor
from reader.ui.widgets.article_places import PlaceCursor

_MARGIN = 2  # cells kept free on each side of the text column
_STRIP_CACHE = 512


class ArticleView(ScrollView, can_focus=True):
    """Shows one article as a centred column of wrapped, styled lines."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--section", "article--title", "article--meta", "article--lead", "article--body",
        "article--heading", "article--subheading", "article--quote", "article--bar",
        "article--item", "article--bullet", "article--caption", "article--code",
        "article--table", "article--table-head", "article--table-rule", "article--rule",
        "article--link", "article--link-selected", "article--mention", "article--match",
        "article--match-current", "article--em", "article--strong", "article--mark-code",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line_down", "Down", show=False, tooltip="Scroll down a line",
                id="scroll_down"),
        Binding("k,up", "line_up", "Up", show=False, tooltip="Scroll up a line", id="scroll_up"),
        Binding("space,pagedown", "page_down", "Page down", show=False,
                tooltip="Scroll down a screen", id="page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, tooltip="Scroll up a screen",
                id="page_up"),
        Binding("g,home", "top", "Top", show=False, tooltip="Go to the top", id="top"),
        Binding("G,end", "bottom", "Bottom", show=False, tooltip="Go to the end", id="bottom"),
        Binding("right_square_bracket", "next_link", "Link", key_display="]",
                tooltip="Select the next link in the text", id="next_link"),
        Binding("left_square_bracket", "previous_link", "Previous link", show=False,
                key_display="[", tooltip="Select the previous link", id="previous_link"),
        Binding("enter", "activate", "Open", show=False,
                tooltip="Open the selected link or related story", id="open_selected"),
    ]

    class LinkActivated(Message):
        """A link in the text was chosen (enter on the selected link, or a click)."""

        def __init__(self, href: str) -> None:
            self.href = href
            super().__init__()

    class Activated(Message):
        """Enter was pressed with no link selected (the screen may open the chosen related story)."""

    def __init__(self, *, max_width: int = 80, id: str | None = None) -> None:
        super().__init__(id=id)
        self.max_width = max(20, max_width)
        self.article: Article | None = None
        self._units: list[Unit] = []
        self._lines: list[Line] = []
        self._unit_lines: list[int] = []  # first line of each unit
        self._column = 0
        self._links = LinkCursor()
        self._places = PlaceCursor()  # what n/N step through
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._index = TextIndex([])
        self._pending_scroll: int | None = None  # for an article shown before the first resize
        self._expected_width = 0  # the width wrapped at before the first layout
        self._pending_fraction: float | None = None  # see scroll_to_fraction

    # -- content -------------------------------------------------------------------------

    def show(self, article: Article, scroll: int = 0) -> None:
        """Display ``article`` and scroll to line ``scroll``."""
        self.article = article
        self._pending_fraction = None
        self._links.selected = -1
        self._places.reset()
        self._column = 0
        if not self.size.width:
            # Not laid out yet (the first page, shown as the screen mounts): wrap at the
            # width the layout will most likely give, so that the first frame holds the
            # text; the first resize wraps again only if the guess was wrong.
            self._expected_width = self._width_before_layout()
            # A scroll to make once laid out; the top needs none, and then anything that
            # scrolls the view meanwhile (a reopened article's saved place) keeps its way.
            self._pending_scroll = scroll or None
            self._relayout(keep_place=False)
            return
        self._pending_scroll = None
        self._relayout(keep_place=False)
        self.scroll_to(y=scroll, animate=False, immediate=True)

    @property
    def line_count(self) -> int:
        """Number of laid-out lines."""
        return len(self._lines)

    @property
    def column_width(self) -> int:
        """Width in cells of the text column."""
        return self._column

    def line_text(self, index: int) -> str:
        """The plain text of laid-out line ``index`` (for tests and find)."""
        line = self._lines[index]
        if line.unit < 0:
            return ""
        return self._units[line.unit].text[line.start : line.end]

    def _column_for(self, width: int) -> int:
        return max(10, min(self.max_width, width - 2 * _MARGIN))

    def _width_before_layout(self) -> int:
        """The terminal's width less the fixed widths of the panes shown beside this one."""
        width = self.app.size.width
        parent = self.parent
        if parent is None or parent.styles.layout is None or parent.styles.layout.name != "horizontal":
            return width
        for sibling in parent.children:
            scalar = sibling.styles.width
            if sibling is not self and sibling.display and scalar is not None and scalar.is_cells:
                width -= int(scalar.value)
        return width

    def _text_width(self) -> int:
        # The vertical scrollbar is counted as always there: articles nearly always
        # scroll, and a column that moves when the scrollbar appears looks broken.
        width = (self.size.width or self._expected_width) - int(self.styles.scrollbar_size_vertical or 0)
        return width if width > 0 else self.max_width

    def _relayout(self, keep_place: bool = True) -> None:
        width = self._text_width()
        column = self._column_for(width)
        if column == self._column and self._lines:
            if self.virtual_size.width != width:
                self.virtual_size = Size(width, len(self._lines))
            return
        anchor = self._top_place() if keep_place else None
        self._column = column
        article = self.article
        self._units = article_units(article, column) if article is not None else []
        self._lines = layout_lines(self._units, column)
        self._unit_lines = [0] * len(self._units)
        for index in range(len(self._lines) - 1, -1, -1):
            number = self._lines[index].unit
            if number >= 0:
                self._unit_lines[number] = index
        self._links.load(self._units)
        self._index = TextIndex(self._units)
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        if anchor is not None:
            self.scroll_to(y=self.line_of(anchor[0], anchor[1]), animate=False, immediate=True)
        self.refresh()

    def _top_place(self) -> tuple[int, int] | None:
        for index in range(int(self.scroll_y), len(self._lines)):
            line = self._lines[index]
            if line.unit >= 0:
                return line.unit, line.start
        return None

    def line_of(self, unit: int, pos: int) -> int:
        """The line showing character ``pos`` of ``unit``."""
        index = self._unit_lines[unit] if 0 <= unit < len(self._unit_lines) else 0
        while index + 1 < len(self._lines):
            nxt = self._lines[index + 1]
            if nxt.unit != unit or nxt.start > pos:
                break
            index += 1
        return index

    def scroll_to_fraction(self, fraction: float) -> None:
        """Scroll ``fraction`` (0 to 1) of the way down: now, or once laid out when not yet."""
        if not self.size.height:
            self._pending_fraction = fraction
            return
        self.scroll_to(y=round(fraction * self.max_scroll_y), animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again when the text column changes width."""
        scroll, self._pending_scroll = self._pending_scroll, None
        self._relayout(keep_place=scroll is None)
        if scroll is not None:
            self.scroll_to(y=scroll, animate=False, immediate=True)
        fraction, self._pending_fraction = self._pending_fraction, None
        if fraction is not None:
            self.scroll_to_fraction(fraction)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: drop cached styles and drawn lines."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- drawing -------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"article--{name}", partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        """Draw the visible line ``y`` (only lines on screen are ever drawn)."""
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        strip = self._strips.get(index)
        if strip is None or strip.cell_length != width:
            strip = self._draw(index, width)
            if len(self._strips) > _STRIP_CACHE:
                self._strips.clear()
            self._strips[index] = strip
        return strip

    def _draw(self, index: int, width: int) -> Strip:
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        left = max(0, (self._text_width() - self._column) // 2)
        segments = [Segment(" " * left, base)] if left else []
        if line.unit >= 0:
            unit = self._units[line.unit]
            laid_over = overlays(line, unit, self._style, self._links.selected_link,
                                 self._places.highlights.get(line.unit, []),
                                 self._places.current_place)
            segments.extend(line_segments(line, unit, self._column, base, self._style,
                                          laid_over))
        strip = Strip(segments)
        return strip.crop_extend(0, width, base)

    def _redraw(self) -> None:
        self._strips.clear()
        self.refresh()

    # -- scrolling -----------------------------------------------------------------------

    def action_line_down(self) -> None:
        """Scroll one line down."""
        self.scroll_relative(y=1, animate=False)

    def action_line_up(self) -> None:
        """Scroll one line up."""
        self.scroll_relative(y=-1, animate=False)

    def action_page_down(self) -> None:
        """Scroll a screen down, keeping two lines of context."""
        self.scroll_relative(y=max(1, self.scrollable_content_region.height - 2), animate=False)

    def action_page_up(self) -> None:
        """Scroll a screen up, keeping two lines of context."""
        self.scroll_relative(y=-max(1, self.scrollable_content_region.height - 2), animate=False)

    def action_top(self) -> None:
        """Go to the start of the article."""
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        """Go to the end of the article."""
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def reveal_line(self, index: int) -> None:
        """Scroll so that line ``index`` is visible, a third of the way down when it was not."""
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        if not top <= index < top + max(1, height):
            self.scroll_to(y=max(0, index - height // 3), animate=False, immediate=True)

    # -- links ---------------------------------------------------------------------------

    @property
    def selected_link(self) -> str | None:
        """The href of the selected link, if any."""
        link = self._links.selected_link
        return link.href if link is not None else None

    def action_next_link(self) -> None:
        """Select the next link (the first one on screen when none is selected)."""
        self._step_link(1)

    def action_previous_link(self) -> None:
        """Select the previous link."""
        self._step_link(-1)

    def _step_link(self, step: int) -> None:
        if not self._links.links:
            self.notify("No links in this article", timeout=2)
            return
        self._links.step(step, self.line_of, int(self.scroll_y))
        place = self._links.selected_place()
        if place is not None:
            self.reveal_line(self.line_of(*place))
        self._redraw()

    def clear_link(self) -> bool:
        """Unselect the link; True when one was selected."""
        if self._links.selected < 0:
            return False
        self._links.selected = -1
        self._redraw()
        return True

    def action_activate(self) -> None:
        """Open the selected link, or tell the screen enter was pressed."""
        href = self.selected_link
        if href:
            self.post_message(self.LinkActivated(href))
        else:
            self.post_message(self.Activated())

    def on_click(self, event: events.Click) -> None:
        """Clicking a link opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + int(self.scroll_y)
        if not 0 <= index < len(self._lines) or self._lines[index].unit < 0:
            return
        line = self._lines[index]
        unit = self._units[line.unit]
        left = max(0, (self._text_width() - self._column) // 2)
        pos = char_at(line, unit, offset.x - left)
        link = self._links.select_at(line.unit, pos)
        if link is not None:
            self._redraw()
            self.post_message(self.LinkActivated(link.href))

    # -- highlights: entity mentions and find ----------------------------------------------

    @property
    def place_kind(self) -> str:
        """What n/N step through: "mention", "match" or "" for nothing."""
        return self._places.kind

    @property
    def place_position(self) -> tuple[int, int]:
        """(1-based current place, number of places)."""
        return self._places.position

    def highlight_entity(self, entity: Entity) -> int:
        """Mark every mention of ``entity`` and go to the first; returns how many are shown."""
        places = self._index.places(entity.mentions)
        self._set_places(places, "mention")
        return len(places)

    def find(self, query: str) -> int:
        """Mark every case-insensitive match of ``query``; returns how many there are."""
        places = find_places(self._units, query)
        self._set_places(places, "match")
        return len(places)

    def _set_places(self, places: list[Place], kind: str) -> None:
        current = self._places.set(places, kind, self.line_of, int(self.scroll_y))
        if current is not None:
            self.reveal_line(self.line_of(current[0], current[1]))
        self._redraw()

    def step_place(self, step: int) -> tuple[int, int]:
        """Go to the next (1) or previous (-1) mention or match; returns (position, count)."""
        current = self._places.step(step)
        if current is not None:
            self.reveal_line(self.line_of(current[0], current[1]))
            self._redraw()
        return self.place_position

    def clear_places(self) -> bool:
        """Remove mention and match highlights; True when there were any."""
        if not self._places.active:
            return False
        self._set_places([], "")
        return True
