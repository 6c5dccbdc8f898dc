"""Every binding of the app in one list per group, for the help screen and the docs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.binding import Binding, BindingType

_NAMES = {
    "question_mark": "?", "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
    "space": "space", "backslash": "\\", "pagedown": "pgdn", "pageup": "pgup",
}


def key_label(keys: str) -> str:
    """Keys as a person types them: "question_mark" -> "?", "ctrl+b" stays."""
    return " ".join(_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def _rows(bindings: list[BindingType], keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = keymap.get(binding.id or "", binding.key) if binding.id else binding.key
        description = binding.tooltip or binding.description or binding.action
        rows.append((key_label(keys), description))
    return rows


def binding_groups(keymap: Mapping[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group title, [(keys, what they do)]) for every binding the user can press."""
    from reader.ui.app import BroadsheetApp
    from reader.ui.screens.bookmarks import BookmarksScreen
    from reader.ui.screens.home import HomeScreen
    from reader.ui.screens.reader_screen import ReaderScreen
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.sidebar import SidebarList

    focus = [("tab", "Move focus: article, entities, related"),
             ("shift+tab", "Move focus backwards"),
             ("ctrl+p", "Command palette: open, stories, entities, themes")]
    return [
        # Two columns on the help screen: the first two groups, then the rest.
        ("Reading", _rows(ArticleView.BINDINGS, keymap)),
        ("Stories, entities and search", _rows(ReaderScreen.BINDINGS, keymap)),
        ("Everywhere", _rows(BroadsheetApp.BINDINGS, keymap) + focus),
        ("Lists", [*_rows(SidebarList.BINDINGS, keymap),
                   ("enter", "Open the story / highlight the entity")]),
        ("Home", _rows(HomeScreen.BINDINGS, keymap)),
        ("Bookmarks", [*_rows(BookmarksScreen.BINDINGS, keymap),
                       ("enter", "Open the saved copy (R fetches the page again)")]),
    ]


def binding_ids() -> set[str]:
    """Every binding id a keymap may remap."""
    from reader.ui.app import BroadsheetApp
    from reader.ui.screens.bookmarks import BookmarksScreen
    from reader.ui.screens.dialogs import OpenDialog
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.home import HomeScreen, StoryList
    from reader.ui.screens.reader_screen import ReaderScreen
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.sidebar import SidebarList

    found: set[str] = set()
    owners: list[Any] = [BroadsheetApp, ReaderScreen, ArticleView, SidebarList, HomeScreen,
                         StoryList, HelpScreen, OpenDialog, BookmarksScreen]
    for owner in owners:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                found.add(binding.id)
    return found
