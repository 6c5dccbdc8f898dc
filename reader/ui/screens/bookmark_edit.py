"""The modal dialog that edits a bookmark's tags and note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, TextArea

#: What the dialog gives back: the tags as typed (split at commas) and the note.
Edited = tuple[tuple[str, ...], str]


class BookmarkEditDialog(ModalScreen[Edited | None]):
    """Edit tags (comma separated) and a note; dismisses with them, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save tags and note", id="edit_save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="edit_cancel"),
    ]

    def __init__(self, title: str, tags: tuple[str, ...], note: str) -> None:
        super().__init__()
        self._title, self._tags, self._note = title, tags, note

    def compose(self) -> ComposeResult:
        """Title, tags input, note area, and a hint."""
        with Vertical(id="bookmark-edit", classes="dialog"):
            yield Label(self._title, classes="dialog-title", markup=False)
            yield Input(value=", ".join(self._tags), placeholder="tags, separated, by commas",
                        id="edit-tags")
            yield TextArea(self._note, id="edit-note", soft_wrap=True)
            yield Label("enter: to the note · ctrl+s save · esc cancel", classes="dialog-hint")

    DEFAULT_CSS = """
    #edit-note { height: 8; margin-top: 1; }
    """

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the tags moves on to the note."""
        event.stop()
        self.query_one("#edit-note").focus()

    def action_save(self) -> None:
        """Close with the tags and note as they are now."""
        tags = tuple(part.strip() for part in self.query_one("#edit-tags", Input).value.split(","))
        note = self.query_one("#edit-note", TextArea).text
        self.dismiss((tuple(tag for tag in tags if tag), note.strip()))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
