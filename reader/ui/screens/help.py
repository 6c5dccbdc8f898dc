"""The help screen: every key binding, grouped, as the user's keymap has them."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from reader.ui.bindings import binding_groups


def _table(rows: list[tuple[str, str]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", width=14)
    table.add_column()
    for keys, description in rows:
        table.add_row(Text(keys), Text(description))
    return table


class HelpScreen(ModalScreen[None]):
    """A scrollable list of every binding; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help_close"),
    ]

    def compose(self) -> ComposeResult:
        """One table per group of bindings."""
        keymap = getattr(self.app, "keymap_overrides", {})
        groups = binding_groups(keymap)
        half = 2
        with VerticalScroll(id="help", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            with Horizontal(id="help-columns"):
                for column in (groups[:half], groups[half:]):
                    with Vertical(classes="help-column"):
                        for title, rows in column:
                            yield Label(title, classes="help-group")
                            yield Static(_table(rows), classes="help-table")
            yield Label("Mouse: click links, entities and stories; the wheel scrolls.",
                        classes="dialog-hint")

    def action_close(self) -> None:
        """Back to where the reader was."""
        self.dismiss(None)
