"""The Textual app and the one factory that builds it for the CLI, tests and screenshots."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.command import Provider

    from reader.net import FetchResult, Prefetcher
    from reader.ui.launch import Preload

from reader import paths
from reader.config import Config
from reader.state import load_state, save_state
from reader.ui.entry import Entry
from reader.ui.loader import STDIN, Page, display_source, normalise_source, resolve_link
from reader.ui.screens.reader_screen import ReaderScreen
from reader.ui.themes import DEFAULT_THEME, load_themes

RECENT_LIMIT = 12


# Screens and commands not needed for the first frame are imported when first used:
# every module imported before it is drawn delays it.
def _commands() -> type[Provider]:
    from reader.ui.commands import BroadsheetCommands

    return BroadsheetCommands


class BroadsheetApp(App[None]):
    """Broadsheet: read one news article well."""

    CSS_PATH = "reader.tcss"
    TITLE = "Broadsheet"
    COMMANDS: ClassVar = App.COMMANDS | {_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "cycle_theme", "Theme", tooltip="Next colour theme (remembered)",
                id="cycle_theme"),
        Binding("B", "bookmarks", "Bookmarks", show=False, tooltip="Your saved articles",
                id="bookmarks"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="This list of keys",
                id="help"),
        Binding("q", "quit", "Quit", tooltip="Quit Broadsheet", id="quit"),
    ]

    def __init__(self, config: Config, *, problems: Iterable[str] = (), source: str | None = None,
                 content: bytes | None = None, offline: bool = False,
                 preload: Preload | None = None) -> None:
        super().__init__()
        self.preload = preload
        self.config = config
        self.offline = offline
        self.keymap_overrides = dict(config.keymap)
        self._problems = list(problems)
        self._start = (source, content)
        # The reader screen shows the launcher's page itself, before its first frame.
        self._first_by_reader = preload is not None
        self._reader: ReaderScreen | None = None
        self._recent: list[Entry] = []
        self._warm = False
        self._shelf: Any = None
        self._shelf_tried = False
        self._prefetcher: Prefetcher[Page] | None = None
        themes = load_themes()
        self._problems.extend(themes.problems)
        for theme in themes.themes:
            self.register_theme(theme)
        self.theme_names = themes.names or [self.theme]
        self.state = load_state()
        wanted = config.display.theme or self.state.theme or DEFAULT_THEME
        if wanted not in self.theme_names:
            if config.display.theme:
                self._problems.append(f"theme {wanted!r} not found; using {self.theme_names[0]}")
            wanted = self.theme_names[0]
        before = self.theme
        self.theme = wanted
        # Setting the theme queued a refresh of the CSS (a full parse, ~8 ms). The
        # stylesheet is not read yet: given the theme's variables now, it is parsed once.
        self.stylesheet.set_variables(self.get_css_variables())
        self._css_fresh = wanted != before

    def refresh_css(self, animate: bool = True) -> None:
        """Parse and apply the CSS again (except the first time: see ``__init__``)."""
        if self._css_fresh:
            self._css_fresh = False
            return
        super().refresh_css(animate)

    def get_default_screen(self) -> Screen[None]:
        """The reader when a page was given (the home screen is built only if asked for)."""
        source, content = self._start
        if source or content is not None:
            return self.reader
        from reader.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        """Apply the keymap, report config and theme problems once, open the start page."""
        self._css_fresh = False
        # The launcher turns the garbage collector off for the imports and the first frame.
        self.call_after_refresh(_collect_garbage_again)
        if self.keymap_overrides:
            from reader.ui.bindings import binding_ids

            known = binding_ids()
            for name in sorted(set(self.keymap_overrides) - known):
                self._problems.append(f"[keymap] unknown binding id {name!r} (see ? for the keys)")
            self.set_keymap(self.keymap_overrides)
        if self._problems:
            self.notify("\n".join(self._problems), title="Settings", severity="warning",
                        markup=False, timeout=10)
        source, content = self._start
        if content is not None:
            self.open_source(STDIN, content=content)
        elif source and not self._first_by_reader:
            self.open_source(source)

    # -- navigation ----------------------------------------------------------------------

    @property
    def reader(self) -> ReaderScreen:
        """The one reader screen (created on first use, kept for its history)."""
        if self._reader is None:
            self._reader = ReaderScreen()
        return self._reader

    def open_reader(self) -> ReaderScreen:
        """Bring the reader screen to the front."""
        reader = self.reader
        if self.screen is not reader and not self._pop_to(reader):
            self.push_screen(reader)
        return reader

    def open_source(self, source: str, *, content: bytes | None = None) -> None:
        """Show the reader screen and load ``source`` into it."""
        reader = self.open_reader()
        target = source if source == STDIN else normalise_source(source)
        self.call_after_refresh(reader.navigate, target, content=content)

    def _pop_to(self, screen: Screen[Any]) -> bool:
        """Pop screens until ``screen`` is on top; False when it is not in the stack."""
        if screen not in self.screen_stack:
            return False
        while self.screen is not screen:
            self.pop_screen()
        return True

    def go_home(self) -> None:
        """Back to the home screen; the reader keeps its history for later."""
        from reader.ui.screens.home import HomeScreen

        home = next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)
        if home is None or not self._pop_to(home):
            while not isinstance(self.screen, HomeScreen | ReaderScreen):
                self.pop_screen()
            self.push_screen(HomeScreen())

    @property
    def can_resume(self) -> bool:
        """True when an article was open before going home."""
        return self._reader is not None and self._reader.page is not None

    def resume_reading(self) -> None:
        """Return to the article that was open."""
        if self.can_resume and self.screen is not self.reader and not self._pop_to(self.reader):
            self.push_screen(self.reader)

    def page_shown(self, page: Page) -> None:
        """Called by the reader screen each time an article is shown."""
        # Background work starts once the page is painted: threads that hold the GIL
        # while the first frame is drawn would only delay it.
        self.call_after_refresh(self._after_shown, page)
        if page.source == STDIN:
            return
        article = page.article
        entry = Entry(source=page.source, title=article.title or display_source(page.source),
                      site=article.site or "", section=article.section or "")
        self._recent = [e for e in self._recent if e.source != page.source]
        self._recent.insert(0, entry)
        del self._recent[RECENT_LIMIT:]

    def _after_shown(self, page: Page) -> None:
        if not self._warm:
            self._warm = True
            self.run_worker(_warm_up, thread=True, group="warm", exit_on_error=False)
        self._library_call("page_shown", page)
        self.start_prefetch(page)

    def show_page(self, page: Page) -> None:
        """Show an already-loaded page (a saved copy, a refreshed bookmark) as a new visit."""
        reader = self.open_reader()
        self.call_after_refresh(reader.show_page, page)

    # -- the library side (bookmarks, reading history): reader.ui.shelf when present --------

    @property
    def shelf(self) -> Any:
        """The bookmarks layer (``reader.ui.shelf.Shelf``), or None when it is not installed."""
        if not self._shelf_tried:
            self._shelf_tried = True
            try:
                from reader.ui.shelf import Shelf

                self._shelf = Shelf(self)
            except Exception as exc:  # the reader works without bookmarks rather than not at all
                self.log.error(f"bookmarks layer unavailable: {exc!r}")
                self._shelf = None
        return self._shelf

    def _library_call(self, name: str, *args: object) -> bool:
        """Call ``shelf.name(*args)`` if the bookmarks layer has it; False when it does not."""
        method = getattr(self.shelf, name, None)
        if method is None:
            return False
        method(*args)
        return True

    def recent_entries(self) -> list[Entry]:
        """Recently read articles, newest first (the library's, else this session's)."""
        recent = getattr(self.shelf, "recent", None)
        return list(recent) if recent else list(self._recent)

    def bookmark_entries(self) -> list[Entry]:
        """Saved articles, unread first."""
        return list(getattr(self.shelf, "bookmarks", None) or [])

    def reload_lists(self, asker: Screen[None], then: Callable[[], object]) -> None:
        """Ask the library for recent articles and bookmarks again, then call ``then()``."""
        self._library_call("reload_lists", asker, then)

    def open_entry(self, entry: Entry) -> None:
        """Open a story listed on the home screen (from the library when it came from it)."""
        if not (entry.key and self._library_call("open_entry", entry)):
            self.open_source(entry.source)

    def toggle_bookmark(self, page: Page) -> None:
        """Save or unsave ``page``."""
        if not self._library_call("toggle_bookmark", page):
            self.notify("Bookmarks are not available yet", severity="warning", timeout=3)

    def action_bookmarks(self) -> None:
        """Show saved articles."""
        if not self._library_call("open_bookmarks"):
            self.go_home()

    # -- prefetch of related stories -----------------------------------------------------

    def start_prefetch(self, page: Page) -> None:
        """Fetch and extract the page's first related web stories in the background."""
        if self.offline or self.config.net.prefetch <= 0:
            return
        urls = [resolve_link(r.url, page.base) for r in page.article.related if r.url]
        urls = [u for u in urls if u.startswith(("http://", "https://"))]
        prefetcher = self._prefetcher
        if not urls:
            if prefetcher is not None:
                prefetcher.cancel()
            return
        if prefetcher is None:
            from reader.net import PageCache as HttpCache
            from reader.net import Prefetcher

            prefetcher = Prefetcher(_prefetched_page, config=self.config.net,
                                    cache=HttpCache(paths.http_cache_dir()))
            self._prefetcher = prefetcher
        prefetcher.start(urls)

    def prefetched(self, source: str) -> Page | None:
        """The page for ``source`` if the prefetcher has it ready."""
        if self._prefetcher is None:
            return None
        return self._prefetcher.get(source)

    def on_unmount(self) -> None:
        """Stop background fetching; let the library write what it must."""
        if self._prefetcher is not None:
            self._prefetcher.close(timeout=0.5)
        if self._shelf_tried:  # not opened just to be closed
            self._library_call("close")

    # -- app-wide actions ------------------------------------------------------------------

    def action_open(self) -> None:
        """Ask for a path or URL, then open it."""
        from reader.ui.screens.dialogs import OpenDialog

        def opened(value: str | None) -> None:
            if value:
                self.open_source(value)

        self.push_screen(OpenDialog(), opened)

    def action_help(self) -> None:
        """Show every key."""
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_cycle_theme(self) -> None:
        """Switch to the next theme and remember it."""
        names = self.theme_names
        index = names.index(self.theme) if self.theme in names else -1
        self.choose_theme(names[(index + 1) % len(names)])

    def choose_theme(self, name: str) -> None:
        """Use theme ``name`` and remember it in the state file (not the user's config)."""
        self.theme = name
        self.state.theme = name
        try:
            save_state(self.state)
        except OSError as exc:
            self.notify(f"Cannot remember the theme: {exc}", severity="warning", markup=False)
        self.notify(f"Theme: {name}", timeout=1.5, markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, minus its theme picker (ours remembers the choice)."""
        for command in super().get_system_commands(screen):
            if command.title.lower() not in ("theme", "change theme"):
                yield command


def _prefetched_page(result: FetchResult) -> Page:
    """A prefetched response, extracted (runs in the prefetcher's threads)."""
    from reader.core.extract import extract

    article = extract(result.content, result.url, charset=result.charset)
    return Page(result.url, article, result.url, result.notice)


def _collect_garbage_again() -> None:
    # A Python function: Textual inspects a callback's signature, which for a builtin
    # like gc.enable means compiling the tokenizer's regexes (~5 ms).
    gc.enable()


def _warm_up() -> None:
    """Import the extraction stack in the background, so the first jump does not wait for it."""
    import reader.core.entities
    import reader.core.extract
    import reader.core.html
    import reader.core.text.page  # noqa: F401


def create_app(*, source: str | None = None, content: bytes | None = None,
               config: Config | None = None, problems: Iterable[str] = (),
               offline: bool = False, preload: Preload | None = None) -> BroadsheetApp:
    """The app, as the CLI, the tests and the screenshot script all build it.

    ``source`` is a path or URL to open at start, ``content`` the bytes of standard
    input already read; with neither, the home screen shows the demo library.
    ``config`` defaults to the user's config file (its problems are reported once).
    ``preload`` is the first page already being loaded (see :mod:`reader.ui.launch`).
    """
    found = list(problems)
    if config is None:
        from reader.config import load_config

        config, more = load_config()
        found.extend(more)
    if preload is None and source and content is None:
        # Extract the first page in a child process while Textual starts up.
        from reader.ui.launch import start_preload

        preload = start_preload(source, config, offline=offline)
    return BroadsheetApp(config, problems=found, source=source, content=content, offline=offline,
                         preload=preload)
