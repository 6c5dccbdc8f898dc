"""Command palette entries: open, related stories, entities, bookmarks, themes, navigation."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from reader.ui.widgets.sidebar import ENTITY_LABELS, RELATED_LABELS, host_of

if TYPE_CHECKING:
    from reader.ui.app import BroadsheetApp

#: (text shown and matched, what it does, help line: our own words only, it is parsed as markup)
Command = tuple[str, Callable[[], object], str]


def safe_highlight(matcher: Matcher, text: str) -> Content:
    """The matched letters of ``text`` highlighted, with ``text`` kept literal (never markup)."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _plain(help_text: str) -> str:
    # Help lines are rendered as markup by the palette: keep brackets out of them.
    return help_text.replace("[", "(").replace("]", ")")


def _bookmark_commands(screen: object) -> list[Command]:
    """What the bookmarks screen does, when it is the one showing."""
    from reader.ui.screens.bookmarks import BookmarksScreen

    if not isinstance(screen, BookmarksScreen):
        return []
    return [
        ("Bookmarks: filter", screen.action_filter, "Find saved articles by any word in them"),
        ("Bookmarks: next sort order", screen.action_sort, "Saved date, title, site, published"),
        ("Bookmarks: mark read or unread", screen.action_mark, "The selected bookmark"),
        ("Bookmarks: edit tags and note", screen.action_edit, "The selected bookmark"),
        ("Bookmarks: delete", screen.action_delete, "The selected bookmark (undo brings it back)"),
        ("Bookmarks: undo delete", screen.action_undo, "Bring back the last deleted bookmark"),
        ("Bookmarks: fetch again", screen.action_refresh,
         "Fetch the page again and update its saved copy"),
    ]


class BroadsheetCommands(Provider):
    """Everything the reader can do from the palette, built from the current screen."""

    def commands(self) -> list[Command]:
        """The commands available now."""
        from reader.ui.screens.reader_screen import ReaderScreen

        app: BroadsheetApp = self.app  # type: ignore[assignment]
        found: list[Command] = [
            ("Open a file or URL…", app.action_open, "Read another page"),
            ("Home: library and recent articles", app.go_home, "The start screen"),
            ("Bookmarks", app.action_bookmarks, "Saved articles"),
        ]
        screen = self.screen
        found += _bookmark_commands(screen)
        if isinstance(screen, ReaderScreen) and screen.page is not None:
            article = screen.page.article
            base = screen.page.base
            found += [
                ("Back", screen.action_back, "Previous page in history"),
                ("Forward", screen.action_forward, "Next page in history"),
                ("Find in article", screen.action_find, "Search the text"),
                ("Toggle sidebar", screen.action_toggle_sidebar, "Show or hide entities and related"),
                ("Bookmark this article", screen.action_bookmark, "Save it for later"),
                ("Copy URL", screen.action_copy_url, "To the clipboard"),
                ("Open in browser", screen.action_open_browser, "With $BROWSER"),
            ]
            for item in article.related:
                where = host_of(item.url) if host_of(item.url) != host_of(base) else ""
                found.append((f"Story: {item.title}", partial(screen.open_related, item),
                               _plain(" · ".join(filter(None, [RELATED_LABELS[item.kind], where])))))
            for entity in article.entities:
                found.append((f"Entity: {entity.name}", partial(screen.show_entity, entity),
                               f"{ENTITY_LABELS.get(entity.type, 'other')} · "
                               f"{entity.count} mentions"))
        for name in app.theme_names:
            found.append((f"Theme: {name}", partial(app.choose_theme, name), "Colours"))
        found.append(("Keys: help", app.action_help, "Every key binding"))
        return found

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for text, callback, help_text in self.commands():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for text, callback, help_text in self.commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, safe_highlight(matcher, text), callback, text=text,
                          help=help_text)
