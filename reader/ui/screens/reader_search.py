"""Find in the article and entity mentions: the find bar, n/N stepping and clearing."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from reader.core.models import Entity
from reader.ui.screens.reader_panes import ReaderPanes


class ArticleSearch(ReaderPanes):
    """Highlights matches of the find bar or mentions of an entity; n/N go through them."""

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
