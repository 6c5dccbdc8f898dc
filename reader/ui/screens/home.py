"""The home screen: the open prompt, the demo library, recent articles and bookmarks."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader import paths
from reader.core.sanitize import clean_text
from reader.ui.entry import Entry
from reader.ui.layout import format_date

if TYPE_CHECKING:
    from reader.ui.app import BroadsheetApp

__all__ = ["Entry", "HomeScreen", "StoryList", "demo_library", "entry_label"]


def demo_library(folder: Path | None = None) -> list[Entry]:
    """The demo articles shipped with Broadsheet (an empty list when the index is missing)."""
    folder = folder or paths.demo_dir()
    try:
        raw = json.loads((folder / "library.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries: list[Entry] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            continue
        words = item.get("words")
        entries.append(Entry(
            source=str(folder / item["file"]),
            title=clean_text(str(item.get("title") or item["file"])),
            site=clean_text(str(item.get("site") or "")),
            section=clean_text(str(item.get("section") or "")),
            summary=clean_text(str(item.get("summary") or "")),
            published=str(item.get("published") or ""),
            words=words if isinstance(words, int) else 0,
        ))
    return entries


def entry_label(entry: Entry, *, summary: bool = True) -> Text:
    """Title, then site · section · date · length, then the summary; plain strings only."""
    text = Text()
    if entry.unread:
        text.append("● ", "bold")
    text.append(entry.title, "bold")
    details = [part for part in (entry.site, entry.section) if part]
    with contextlib.suppress(ValueError):
        details.append(format_date(datetime.fromisoformat(entry.published)))
    if entry.words:
        details.append(f"{max(1, round(entry.words / 230))} min")
    if details:
        text.append("\n")
        text.append(" · ".join(details), "dim")
    if summary and entry.summary:
        text.append("\n")
        text.append(entry.summary, "italic")
    return text


class StoryList(OptionList):
    """A list of stories; choosing one opens it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="home_down"),
        Binding("k", "cursor_up", "Up", show=False, id="home_up"),
    ]

    def __init__(self, title: str, empty: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = title
        self.empty = empty
        self.entries: list[Entry] = []

    def set_entries(self, entries: list[Entry], *, summary: bool = True) -> None:
        """Replace the stories shown."""
        self.entries = list(entries)
        self.clear_options()
        if not entries:
            self.add_option(Option(Text(self.empty, style="italic dim"), disabled=True))
            return
        for number, entry in enumerate(entries):
            self.add_option(Option(entry_label(entry, summary=summary), id=str(number)))
            if number < len(entries) - 1:
                self.add_option(None)
        self.highlighted = 0


class HomeScreen(Screen[None]):
    """Where Broadsheet starts when no page is given."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - Textual API

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o,slash", "focus_open", "Open", tooltip="Type a path or URL to open",
                id="home_open"),
        Binding("r", "resume", "Resume", tooltip="Back to the article you were reading",
                id="resume"),
        Binding("B", "app.bookmarks", "Bookmarks", tooltip="Your saved articles",
                id="home_bookmarks"),
    ]

    app: BroadsheetApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        """Masthead, open prompt, then the library beside recent articles and bookmarks."""
        yield Static(Text.assemble(("Broadsheet", "bold"), "  ·  read one article well"),
                     id="masthead")
        yield Input(placeholder="Open a path or URL, then press enter", id="home-open")
        with Horizontal(id="home-columns"):
            yield StoryList("Demo library", "The demo library is missing", id="demo")
            with Vertical(id="home-side"):
                yield StoryList("Recent", "Nothing read yet", id="recent")
                yield StoryList("Bookmarks", "No bookmarks yet: press s while reading",
                                id="bookmarks")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the lists: the demo library now, recent and bookmarks once the library answers."""
        self.query_one("#demo", StoryList).set_entries(demo_library())
        self.refresh_lists()
        self.query_one("#demo").focus()
        self.app.reload_lists(self, self.refresh_lists)

    def on_screen_resume(self) -> None:
        """Coming back from an article: recent and bookmarks may have changed."""
        self.refresh_lists()
        self.app.reload_lists(self, self.refresh_lists)

    def refresh_lists(self) -> None:
        """Show recent articles and bookmarks as the app last knew them."""
        self.query_one("#recent", StoryList).set_entries(self.app.recent_entries(), summary=False)
        self.query_one("#bookmarks", StoryList).set_entries(self.app.bookmark_entries(),
                                                            summary=False)

    @on(OptionList.OptionSelected)
    def _open_story(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        stories = event.option_list
        if isinstance(stories, StoryList) and event.option.id is not None:
            self.app.open_entry(stories.entries[int(event.option.id)])

    @on(Input.Submitted, "#home-open")
    def _open_typed(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value:
            event.input.value = ""
            self.app.open_source(value)

    def action_focus_open(self) -> None:
        """Put the cursor in the open prompt."""
        self.query_one("#home-open").focus()

    def action_resume(self) -> None:
        """Return to the reader screen, if an article was open."""
        self.app.resume_reading()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Resume only when there is something to resume."""
        if action == "resume":
            return self.app.can_resume
        return True
