"""Small modal dialogs: the open prompt."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class OpenDialog(ModalScreen[str | None]):
    """Ask for a path or URL; dismisses with it, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel"),
    ]

    def __init__(self, value: str = "") -> None:
        super().__init__()
        self._value = value

    def compose(self) -> ComposeResult:
        """A title, the input, and a hint."""
        with Vertical(id="open-dialog", classes="dialog"):
            yield Label("Open a page", classes="dialog-title")
            yield Input(value=self._value, placeholder="path/to/page.html or https://…",
                        id="open-input")
            yield Label("enter to open · esc to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Open what was typed (nothing typed is a cancel)."""
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
