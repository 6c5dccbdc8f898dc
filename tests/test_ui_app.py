"""Pilot tests of the reading app: every binding and flow, driven like a user would."""

from __future__ import annotations

import asyncio
import html
import json
import re
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from reader import paths
from reader.config import Config, DisplayConfig
from reader.core.models import Article, Block, Entity, Related, Span
from reader.ui.app import BroadsheetApp, create_app
from reader.ui.loader import Page
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.home import HomeScreen
from reader.ui.screens.reader_screen import ReaderScreen

SIZE = (120, 40)


def _page_html(name: str, title: str, links: list[str], paragraphs: int = 40) -> str:
    body = "\n".join(
        f"<p>Paragraph {i} of story {name}: the harbour council met Maria Lopez in Port Alder "
        "to argue about the budget, and the argument went on for a long while.</p>"
        for i in range(paragraphs)
    )
    inline = " and ".join(f'<a href="{other}.html">story {other.upper()}</a>' for other in links)
    return (
        f'<!doctype html><html lang="en"><head><title>{title}</title>'
        '<meta property="og:site_name" content="Test Gazette"></head><body><article>'
        f"<h1>{title}</h1><p>Read {inline} for more on the needle.</p>{body}"
        "</article></body></html>"
    )


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, Path]:
    """Three interlinked pages on disk."""
    found = {}
    for name, links in (("a", ["b", "c"]), ("b", ["a", "c"]), ("c", ["a"])):
        path = tmp_path / f"{name}.html"
        path.write_text(_page_html(name, f"Story {name.upper()} headline", links), encoding="utf-8")
        found[name] = path
    return found


async def wait_for(pilot: Pilot[None], check, timeout: float = 8.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``check()`` is true."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not check():
        if loop.time() > end:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


def reader_of(app: BroadsheetApp) -> ReaderScreen:
    return app.reader


async def opened(pilot: Pilot[None], app: BroadsheetApp, path: Path | str) -> ReaderScreen:
    reader = app.reader
    await wait_for(pilot, lambda: reader.page is not None and reader.page.source == str(path))
    await pilot.pause()
    return reader


def screen_text(app: BroadsheetApp) -> str:
    """What the terminal shows, as plain text (from the SVG screenshot)."""
    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg.replace("</text>", "\n"))
    return html.unescape(text).replace("\xa0", " ")


def shown_text(reader: ReaderScreen) -> str:
    view = reader.article_view
    return "\n".join(view.line_text(i) for i in range(view.line_count))


async def test_home_lists_the_demo_library_and_opens_a_story() -> None:
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        demo = app.screen.query_one("#demo")
        assert len(demo.entries) >= 5  # type: ignore[attr-defined]
        first = demo.entries[0]  # type: ignore[attr-defined]
        await pilot.press("enter")
        reader = await opened(pilot, app, first.source)
        assert app.screen is reader
        assert reader.page is not None and reader.page.article.title
        # h goes home with the story in Recent; r resumes it.
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
        recent = app.screen.query_one("#recent")
        assert recent.entries[0].source == first.source  # type: ignore[attr-defined]
        await pilot.press("r")
        assert app.screen is reader


async def test_open_prompt_on_home_opens_a_path(pages: dict[str, Path]) -> None:
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        app.screen.query_one("#home-open", Input).value = str(pages["b"])
        await pilot.press("enter")
        reader = await opened(pilot, app, pages["b"])
        assert "Story B headline" in shown_text(reader)


async def test_scroll_keys_move_the_article(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["a"])
        view = reader.article_view
        assert view.scroll_y == 0
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k", "up")
        assert view.scroll_y == 1
        await pilot.press("space")
        page = view.scroll_y
        assert page > 20
        await pilot.press("b")
        assert view.scroll_y == 1
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        assert "100%" in str(reader.query_one("#topbar").render())
        await pilot.press("g")
        assert view.scroll_y == 0
        view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause(0.1)
        assert view.scroll_y > 0  # the mouse wheel works too


async def test_links_jump_back_forward_restore_scroll(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["a"])
        view = reader.article_view
        await pilot.press("right_square_bracket")
        assert view.selected_link and view.selected_link.endswith("b.html")
        await pilot.press("right_square_bracket")
        assert view.selected_link.endswith("c.html")
        await pilot.press("left_square_bracket")
        assert view.selected_link.endswith("b.html")
        view.scroll_to(y=2, animate=False, immediate=True)
        await pilot.press("enter")
        await opened(pilot, app, pages["b"])
        assert reader.history.position == (2, 2)
        assert view.scroll_y == 0
        await pilot.press("backspace")
        await opened(pilot, app, pages["a"])
        assert view.scroll_y == 2  # the position on page A came back
        await pilot.press("alt+right")
        await opened(pilot, app, pages["b"])
        await pilot.press("alt+left")
        await opened(pilot, app, pages["a"])
        # Opening a new page from A drops B from the forward entries.
        await pilot.press("right_square_bracket", "right_square_bracket", "enter")
        await opened(pilot, app, pages["c"])
        assert [e.source for e in reader.history.entries] == [str(pages["a"]), str(pages["c"])]
        assert "2/2" in str(reader.query_one("#topbar").render())


async def test_click_on_a_link_opens_it(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["c"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["c"])
        view = reader.article_view
        y = next(i for i in range(view.line_count) if "story A" in view.line_text(i))
        x = view.line_text(y).index("story A") + 2 + (view.size.width - 1 - view.column_width) // 2
        await pilot.click(view, offset=(x, y))
        await opened(pilot, app, pages["a"])


def _related_page(pages: dict[str, Path]) -> Page:
    body = (Block("paragraph", (Span("Maria met Maria and then Lopez."),)),)
    article = Article(
        title="Hub", site="Test Gazette", body=body, text=body[0].text,
        related=(
            Related("Story B headline", pages["b"].as_uri(), "related"),
            Related("Story C headline", pages["c"].as_uri(), "more"),
            Related("Elsewhere", "https://other.example/x", "inline"),
        ),
        entities=(Entity("Maria", "PER", 2, mentions=((0, 5), (10, 15))),
                  Entity("Lopez", "PER", 1, mentions=((25, 30),))),
    )
    return Page(str(pages["a"].parent / "hub.html"), article, pages["a"].parent.as_uri() + "/hub.html")


async def test_related_stories_n_p_enter(pages: dict[str, Path]) -> None:
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(app.reader)
        await pilot.pause()
        reader = app.reader
        reader.show_page(_related_page(pages))
        await pilot.pause()
        related = reader.related_list
        assert related.option_count == 3
        label = str(related.get_option_at_index(2).prompt)
        assert "other.example" in label  # the site shows for off-site links
        assert "Test Gazette" not in str(related.get_option_at_index(0).prompt)
        await pilot.press("n", "n")
        assert related.selected is not None and related.selected.title == "Story C headline"
        await pilot.press("p")
        assert related.selected.title == "Story B headline"
        await pilot.press("enter")
        await opened(pilot, app, pages["b"])
        await pilot.press("backspace")
        await wait_for(pilot, lambda: reader.page is not None and reader.page.article.title == "Hub")
        await pilot.click(related, offset=(3, 1))  # the mouse opens a story too
        await opened(pilot, app, pages["b"])


async def test_entities_highlight_and_step(pages: dict[str, Path]) -> None:
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(app.reader)
        await pilot.pause()
        reader = app.reader
        reader.show_page(_related_page(pages))
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is reader.entity_list
        await pilot.press("enter")
        view = reader.article_view
        assert view.place_kind == "mention" and view.place_position == (1, 2)
        await pilot.press("n")
        assert view.place_position == (2, 2)
        await pilot.press("N")
        assert view.place_position == (1, 2)
        assert "mention" in str(reader.query_one("#topbar").render())
        await pilot.press("escape")
        assert view.place_kind == ""
        for _ in range(3):  # tab reaches the related stories (other panes may sit between)
            await pilot.press("tab")
            if app.focused is reader.related_list:
                break
        assert app.focused is reader.related_list
        await pilot.press("tab")
        assert app.focused is view  # and wraps around to the article


async def test_find_marks_matches_and_steps(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["a"])
        view = reader.article_view
        await pilot.press("slash", "p")
        reader.query_one("#find", Input).value = "paragraph 3"
        await pilot.press("enter")
        # "Paragraph 3" and "Paragraph 30".."39": eleven matches, case-insensitive.
        assert view.place_kind == "match" and view.place_position == (1, 11)
        assert app.focused is view
        await pilot.press("n", "n")
        assert view.place_position == (3, 11)
        await pilot.press("N")
        assert view.place_position == (2, 11)
        await pilot.press("escape")
        assert view.place_kind == ""
        await pilot.press("slash", "z", "q")
        assert "no match" in str(reader.query_one("#topbar").render())
        await pilot.press("escape")
        assert not reader.query_one("#find").display


async def test_theme_cycle_is_remembered_in_the_state_file() -> None:
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "paper"
        await pilot.press("t")
        assert app.theme == "night"
        await pilot.press("t", "t")
        assert app.theme == "contrast"
    state = json.loads(paths.state_file().read_text(encoding="utf-8"))
    assert state["theme"] == "contrast"
    assert not paths.config_file().exists()  # the user's config is never written
    again = create_app(config=Config())
    async with again.run_test(size=SIZE):
        assert again.theme == "contrast"


async def test_config_theme_wins_over_the_state_file() -> None:
    app = create_app(config=Config(display=DisplayConfig(theme="sepia")))
    async with app.run_test(size=SIZE):
        assert app.theme == "sepia"


async def test_help_lists_every_binding_with_the_users_keys() -> None:
    config = Config(keymap={"find": "f", "toggle_sidebar": "ctrl+e"})
    app = create_app(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Find text in the article", "Next colour theme", "Go back", "ctrl+e",
                      "Select the next link", "Copy the article's URL", "Quit"):
            assert words in text
        assert re.search(r"\bf\s+Find text", text)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_keymap_from_config_remaps_bindings(pages: dict[str, Path]) -> None:
    config = Config(keymap={"find": "f", "scroll_down": "e", "no_such_binding": "x"})
    app = create_app(source=str(pages["a"]), config=config)
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["a"])
        messages = [n.message for n in app._notifications]
        assert any("unknown binding id 'no_such_binding'" in m for m in messages)
        await pilot.press("e")
        assert reader.article_view.scroll_y == 1
        await pilot.press("f")
        assert reader.query_one("#find").display


async def test_palette_runs_theme_and_story_commands(pages: dict[str, Path]) -> None:
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(app.reader)
        await pilot.pause()
        app.reader.show_page(_related_page(pages))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"sepia")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.theme == "sepia")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Story C")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await opened(pilot, app, pages["c"])


async def test_bad_config_gives_one_clear_message() -> None:
    paths.ensure_dir(paths.config_dir())
    paths.config_file().write_text("[display\nwidth = 3", encoding="utf-8")
    app = create_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = list(app._notifications)
        assert len(notes) == 1
        assert "not valid TOML" in notes[0].message and "using defaults" in notes[0].message
        assert isinstance(app.screen, HomeScreen)


async def test_broken_user_theme_is_reported_once_and_skipped() -> None:
    folder = paths.ensure_dir(paths.user_themes_dir())
    (folder / "broken.toml").write_text('primary = "nope"\n', encoding="utf-8")
    (folder / "mine.toml").write_text('name = "mine"\nprimary = "#224466"\n', encoding="utf-8")
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert sum("broken.toml" in m for m in messages) == 1
        assert "broken" not in app.theme_names and "mine" in app.theme_names
        for _ in range(len(app.theme_names)):
            await pilot.press("t")
        assert app.theme == "paper"
        messages = [n.message for n in app._notifications]
        assert sum("broken.toml" in m for m in messages) == 1


async def test_narrow_terminal_puts_the_sidebar_below(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=(70, 40)) as pilot:
        reader = await opened(pilot, app, pages["a"])
        assert reader.has_class("-narrow")
        article = reader.article_view.region
        sidebar = reader.query_one("#sidebar").region
        assert sidebar.y >= article.bottom and sidebar.width >= 60
        assert reader.article_view.column_width <= 66
        await pilot.press("ctrl+b")
        assert not reader.query_one("#sidebar").display
        await pilot.press("ctrl+b")
        assert reader.query_one("#sidebar").display


async def test_copy_url_and_open_in_browser(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app, pages["a"])
        await pilot.press("y")
        assert app.clipboard == pages["a"].resolve().as_uri()
        await pilot.press("O")  # $BROWSER is "true" in tests: it succeeds silently
        await pilot.pause(0.3)
        assert not [n for n in app._notifications if n.severity == "warning"]


async def test_a_failed_load_keeps_the_current_article(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["a"])
        app.open_source(str(pages["a"].parent / "missing.html"))
        await wait_for(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        error = next(n for n in app._notifications if n.severity == "error")
        assert "no such file" in error.message
        assert reader.page is not None and reader.page.source == str(pages["a"])
        assert app.screen is reader and len(reader.history) == 1


async def test_a_bad_start_source_returns_to_home(tmp_path: Path) -> None:
    app = create_app(source=str(tmp_path / "nothing.html"), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app._notifications))


async def test_stdin_content_is_shown() -> None:
    html = _page_html("s", "From a pipe", [], paragraphs=3).encode()
    app = create_app(content=html, config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.reader.page is not None)
        assert "From a pipe" in shown_text(app.reader)


async def test_open_dialog_opens_a_page(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot, app, pages["a"])
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#open-input", Input).value = str(pages["c"])
        await pilot.press("enter")
        await opened(pilot, app, pages["c"])
        await pilot.press("o", "escape")
        assert app.screen is app.reader


async def test_quit_key_quits() -> None:
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_started_on_a_page_home_is_built_on_demand(pages: dict[str, Path]) -> None:
    app = create_app(source=str(pages["a"]), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["a"])
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        await pilot.press("h")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")
        assert app.screen is reader
        await pilot.press("h")
        app.screen.query_one("#home-open", Input).value = str(pages["b"])
        app.screen.query_one("#home-open", Input).focus()
        await pilot.press("enter")
        await opened(pilot, app, pages["b"])
        assert app.screen is reader and reader.history.position == (2, 2)


async def test_display_config_sets_width_and_hides_the_sidebar(pages: dict[str, Path]) -> None:
    config = Config(display=DisplayConfig(width=50, sidebar=False))
    app = create_app(source=str(pages["a"]), config=config)
    async with app.run_test(size=SIZE) as pilot:
        reader = await opened(pilot, app, pages["a"])
        view = reader.article_view
        assert not reader.query_one("#sidebar").display
        assert view.column_width == 50
        assert max(len(view.line_text(i)) for i in range(view.line_count)) <= 50
        left = (view.size.width - 1 - 50) // 2
        assert left > 25  # the column is centred in the whole width
