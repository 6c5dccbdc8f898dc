"""The fast launcher: the first page is loaded by a forked child while Textual imports."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.config import Config
from reader.ui.app import create_app
from reader.ui.launch import start_preload
from reader.ui.loader import LoadError, add_entities, load_page
from reader.ui.screens.home import HomeScreen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork")


def test_preload_gives_the_same_page_as_loading_here(tmp_path: Path) -> None:
    page_file = tmp_path / "p.html"
    page_file.write_text(
        "<html><head><title>Preloaded story</title></head><body><article><h1>Preloaded story</h1>"
        + "<p>Mayor Ingrid Salvesen told the Harbour Board in Port Alder that the bridge"
          " stays shut; Ingrid Salvesen will meet the Harbour Board again.</p>" * 8
        + "</article></body></html>",
        encoding="utf-8",
    )
    preload = start_preload(str(page_file), Config())
    assert preload is not None and preload.source == str(page_file.resolve())
    assert preload.ready(10)
    page = preload.result()
    assert page is not None
    # The child leaves entities out (they would delay the first paint); the parent adds them.
    assert page.entities_pending and not page.article.entities
    here = load_page(str(page_file), Config())
    assert here.article.entities and not here.entities_pending
    completed = add_entities(page, Config())
    assert completed.article == here.article and not completed.entities_pending
    assert add_entities(completed, Config()) is completed
    assert preload.result() is None  # taken once


def test_preload_reports_errors_like_a_load(tmp_path: Path) -> None:
    preload = start_preload(str(tmp_path / "missing.html"), Config())
    assert preload is not None
    with pytest.raises(LoadError, match="no such file"):
        preload.result()


def _story(path: Path) -> Path:
    path.write_text(
        "<html><head><title>Bridge shut</title></head><body><article><h1>Bridge shut</h1>"
        + "<p>Mayor Ingrid Salvesen told the Harbour Board in Port Alder that the bridge"
          " stays shut; Ingrid Salvesen will meet the Harbour Board again.</p>" * 12
        + "</article></body></html>",
        encoding="utf-8",
    )
    return path


async def _until(pilot: Pilot[None], check: Callable[[], bool], timeout: float = 10.0) -> None:
    end = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < end, "timed out waiting for the app"
        await pilot.pause(0.02)


async def test_a_ready_preload_is_shown_at_start_then_its_entities_follow(tmp_path: Path) -> None:
    story = _story(tmp_path / "story.html")
    preload = start_preload(str(story), Config())
    assert preload is not None and preload.ready(10)
    app = create_app(source=str(story), config=Config(), preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        # Already there when the app is ready: shown while the screen mounted, not after
        # a first frame, and no loading worker or indicator was involved.
        assert reader.page is not None and reader.page.source == str(story.resolve())
        view = reader.article_view
        assert any("Ingrid Salvesen" in view.line_text(n) for n in range(view.line_count))
        assert "loading" not in str(reader.query_one("#topbar").render())
        # The footer comes in the next frame, with the keys of the article pane.
        await _until(pilot, lambda: bool(reader.query("FooterKey")))
        keys = {str(key.description) for key in reader.query("FooterKey")}
        assert {"Find", "Quit"} <= keys
        await _until(pilot, lambda: reader.page is not None and bool(reader.page.article.entities))
        assert not reader.page.entities_pending
        assert "Ingrid Salvesen" in [e.name for e in reader.entity_list.items]
        assert reader.history.position == (1, 1)  # one visit, not two
        assert [e.source for e in app.recent_entries()] == [str(story.resolve())]
        await pilot.press("tab")
        assert app.focused is reader.entity_list
        await pilot.press("enter")
        assert view.place_kind == "mention"


async def test_a_slow_preload_shows_the_screen_then_the_page(tmp_path: Path) -> None:
    fifo = tmp_path / "slow.html"
    os.mkfifo(fifo)  # the child blocks reading it until the test writes the page
    preload = start_preload(str(fifo), Config())
    assert preload is not None
    app = create_app(source=str(fifo), config=Config(), preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await pilot.pause()
        assert reader.page is None  # the first frame did not wait for ever
        await asyncio.to_thread(fifo.write_bytes, _story(tmp_path / "s.html").read_bytes())
        await _until(pilot, lambda: reader.page is not None and bool(reader.page.article.entities))
        assert reader.page is not None and reader.page.source == str(fifo)
        assert reader.history.position == (1, 1)


async def test_a_failed_preload_is_reported_and_the_home_screen_shows(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    preload = start_preload(str(missing), Config())
    app = create_app(source=str(missing), config=Config(), preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await _until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        assert "no such file" in next(iter(app._notifications)).message


async def test_the_first_frame_has_the_chosen_theme_and_switching_still_works() -> None:
    from textual.color import Color

    from reader.config import DisplayConfig

    for name in ("night", "paper"):
        app = create_app(config=Config(display=DisplayConfig(theme=name)))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            wanted = Color.parse(app.current_theme.background or "")
            assert app.theme == name and app.screen.styles.background == wanted
            await pilot.press("t")  # the CSS is refreshed for the next theme
            await pilot.pause()
            assert app.theme != name
            assert app.screen.styles.background == Color.parse(app.current_theme.background or "")


async def test_the_launchers_page_gets_its_related_stories_after_the_first_frame() -> None:
    from reader.paths import demo_dir

    story = demo_dir() / "harbour-bridge-closure.html"
    preload = start_preload(str(story), Config())
    assert preload is not None and preload.ready(10)
    app = create_app(source=str(story), config=Config(), preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        assert reader.page is not None
        related = reader.page.article.related
        assert related
        await _until(pilot, lambda: reader.related_list.option_count == len(related)
                     and bool(reader.page and reader.page.article.entities))
        await pilot.press("n")  # the first related story is selected, as on any page
        assert reader.related_list.highlighted == 0
