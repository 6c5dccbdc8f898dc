"""The sidebar panes: entities and related stories, sharing one list base class."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar
from urllib.parse import urlsplit

from rich.cells import cell_len, set_cell_size
from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.models import Entity, Related

if TYPE_CHECKING:
    from reader.storage import Library, Mention

T = TypeVar("T")

ENTITY_LABELS = {"PER": "person", "ORG": "org", "LOC": "place", "MISC": "other"}
RELATED_LABELS = {"related": "related", "inline": "in text", "more": "more"}


class SidebarList(OptionList, Generic[T]):
    """A titled list of items; choosing one posts :class:`SidebarList.Chosen` with the item.

    Every label is built as a rich Text from plain strings: page text is never markup.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list_down"),
        Binding("k", "cursor_up", "Up", show=False, id="list_up"),
    ]

    TITLE = ""
    EMPTY = "Nothing here"
    DIVIDED = False  # a rule between items (for labels of several lines)

    class Chosen(Message):
        """An item was chosen (enter or click)."""

        def __init__(self, pane: SidebarList[object], item: object) -> None:
            self.pane = pane
            self.item = item
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[T] = []
        self.border_title = self.TITLE

    def set_items(self, items: Sequence[T], context: str | None = None) -> None:
        """Replace the items (``context`` is the article's URL, for labels that need it)."""
        self.items = list(items)
        self.clear_options()
        if self.items:
            options: list[Option | None] = []
            for n, item in enumerate(self.items):
                if n and self.DIVIDED:
                    options.append(None)
                options.append(Option(self.label(item, context), id=str(n)))
            self.add_options(options)
        else:
            self.add_option(Option(Text(self.EMPTY, style="italic"), disabled=True))
        self.border_subtitle = str(len(self.items)) if self.items else ""

    def label(self, item: T, context: str | None) -> RenderableType:
        """The label shown for ``item``."""
        return Text(str(item))

    @property
    def selected(self) -> T | None:
        """The highlighted item."""
        index = self.highlighted
        if index is None or not self.items or index >= len(self.items):
            return None
        return self.items[index]

    def step(self, delta: int) -> T | None:
        """Highlight the next (1) or previous (-1) item, wrapping; returns it."""
        if not self.items:
            return None
        index = self.highlighted
        index = (0 if delta > 0 else len(self.items) - 1) if index is None else index + delta
        self.highlighted = index % len(self.items)
        return self.selected

    def on_focus(self) -> None:
        """Arriving with tab highlights the first item, so enter does something."""
        if self.highlighted is None and self.items:
            self.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Turn the generic selection into a Chosen message carrying the item."""
        event.stop()
        if event.option.id is not None:
            item = self.items[int(event.option.id)]
            self.post_message(self.Chosen(self, item))  # type: ignore[arg-type]


class EntityList(SidebarList[Entity]):
    """People, organisations and places in the article, with how often each is mentioned."""

    TITLE = "Entities"
    EMPTY = "No names found"

    def label(self, item: Entity, context: str | None) -> Text:
        """Type, name (cut with an ellipsis when long) and count, in aligned columns.

        Built as one Text padded to the pane's width: a rich Table per row would cost
        far more to render for articles with a hundred names.
        """
        kind = ENTITY_LABELS.get(item.type, item.type.lower())
        count = str(item.count)
        width = (self.scrollable_content_region.width or 36) - 1
        room = max(4, width - 7 - len(count) - 1)
        name = item.name
        if cell_len(name) > room:
            name = set_cell_size(name, room - 1) + "…"
        pad = max(1, width - 7 - cell_len(name) - len(count))
        return Text.assemble((f"{kind:<6} ", "dim"), (name, "bold"), " " * pad, (count, "dim"),
                             no_wrap=True, overflow="ellipsis")

    def on_resize(self) -> None:
        """Lay the columns out again for the new width."""
        if self.items:
            highlighted = self.highlighted
            self.set_items(self.items)
            self.highlighted = highlighted

    def on_mount(self) -> None:
        """Put the "Mentioned in" pane right below: it lists, for the highlighted entity,
        the other saved and read articles that mention it."""
        if isinstance(self.parent, Widget):
            self.parent.mount(MentionList(id="mentions"), after=self)

    def set_items(self, items: Sequence[Entity], context: str | None = None) -> None:
        """Replace the entities; "Mentioned in" hides until one is highlighted."""
        super().set_items(items, context)
        self._show_mentions()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show where else the highlighted entity is mentioned."""
        self._show_mentions()

    def _show_mentions(self) -> None:
        if not self.is_attached:
            return
        for pane in self.screen.query(MentionList):
            pane.show_for(self.selected)


def host_of(url: str | None) -> str:
    """The host of ``url`` without "www.", or "" for local paths."""
    if not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


class RelatedList(SidebarList[Related]):
    """Stories the page links to: kind, title, and the site when it is another one."""

    TITLE = "Related"
    EMPTY = "No related stories"
    DIVIDED = True

    def label(self, item: Related, context: str | None) -> Text:
        """The title, then its kind, section and date, and the site for links off the article's site."""
        text = Text(item.title or item.url or "untitled", "bold")
        details = [RELATED_LABELS.get(item.kind, item.kind)]
        if item.section:
            details.append(item.section)
        if item.published:
            details.append(item.published[:10])
        host, here = host_of(item.url), host_of(context)
        if host and host != here:
            details.append(host)
        if item.url is None:
            details.append("no link")
        text.append("\n")
        text.append(" · ".join(details), "dim")
        return text


class MentionList(SidebarList["Mention"]):
    """"Mentioned in": the other saved and recently read articles that mention the entity
    highlighted in the entities pane; enter opens one (from its saved copy)."""

    TITLE = "Mentioned in"

    def on_mount(self) -> None:
        """Hidden until an entity is highlighted."""
        self.display = False

    def show_for(self, entity: Entity | None) -> None:
        """List the articles mentioning ``entity`` (looked up off the UI thread); None hides."""
        if entity is None:  # before asking for the shelf: opening it can wait
            self.display = False
            return
        shelf: Any = getattr(self.app, "shelf", None)
        if shelf is None:
            self.display = False
            return
        page = getattr(self.screen, "page", None)
        article = page.article if page is not None else None

        def work(library: Library) -> list[Mention]:
            return library.articles_mentioning(entity, exclude_url=article)

        def done(mentions: list[Mention]) -> None:
            # Shown only when there is something: it is then a stop for tab between
            # entities and related stories.
            self.set_items(mentions)
            self.display = bool(mentions)

        shelf.call(self, work, done, key=f"mentions-{id(self)}", quiet=True)

    def label(self, item: Mention, context: str | None) -> Text:
        """A star when the article is saved, the title, then the site."""
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("★ " if item.bookmark_id is not None else "  ", "dim")
        text.append(item.title or item.url)
        if item.site:
            text.append(f"  {item.site}", "italic dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen article from its saved copy."""
        event.stop()
        shelf: Any = getattr(self.app, "shelf", None)
        if shelf is not None and event.option.id is not None:
            shelf.open_stored(self.items[int(event.option.id)].url)
