"""Screen contents as the terminal shows them: layout snapshots, hostile text, the screenshot script."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

from reader import paths
from reader.config import Config
from reader.core.models import Article, Block, Entity, Related, Span
from reader.ui.app import BroadsheetApp, create_app
from reader.ui.loader import Page

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_TITLE = "[bold red]x[/] and [@click=app.quit]y[/]"


def screen_text(app: BroadsheetApp) -> str:
    """What the terminal shows, as plain text (from the SVG screenshot)."""
    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg.replace("</text>", "\n"))
    return html.unescape(text).replace("\xa0", " ")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _hostile_page() -> Page:
    body = (
        Block("paragraph", (Span("Plain [b]not bold[/b] and "),
                            Span("[@click=app.quit]link[/]", href="https://e.example/[x]"))),
        Block("heading", (Span("[$accent]heading"),), level=2),
        Block("figure", (Span("caption [i]x[/i]"),)),
    )
    article = Article(
        title=HOSTILE_TITLE, site="[red]site", byline="[link=http://x]by[/link]", body=body,
        text="\n\n".join(b.text for b in body if b.kind != "figure"),
        related=(Related("[@click=app.quit]story", "https://e.example/s", "related"),),
        entities=(Entity("[blink]Name", "PER", 1),),
    )
    return Page("/tmp/hostile.html", article, "https://e.example/hostile")


async def test_markup_in_page_text_shows_literally() -> None:
    app = create_app(config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(app.reader)
        await pilot.pause()
        app.reader.show_page(_hostile_page())
        await pilot.pause(0.2)
        shown = _squash(screen_text(app))
        for literal in (HOSTILE_TITLE, "[b]notbold[/b]", "[@click=app.quit]link[/]",
                        "[$accent]heading", "caption[i]x[/i]", "[red]site",
                        "[link=http://x]by[/link]", "[@click=app.quit]story", "[blink]Name"):
            assert _squash(literal) in shown, literal
        # Clicking the title must not trigger an action hidden in it.
        await pilot.click(app.reader.article_view, offset=(5, 1))
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        await pilot.press(*"story")
        await pilot.pause(0.4)
        assert "[@click=app.quit]story" in _squash(screen_text(app))


async def test_reader_layout_snapshot() -> None:
    source = str(paths.demo_dir() / "harbour-bridge-closure.html")
    app = create_app(source=source, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        while reader.page is None:
            await pilot.pause(0.05)
        await pilot.pause(0.1)
        article = reader.page.article
        lines = screen_text(app).splitlines()
        text = "\n".join(lines)
        assert re.search(r"Broadsheet\s+·\s+The Port Alder Chronicle", text)
        assert article.title[:40] in text
        assert "Entities" in text and "Related" in text
        assert "min read" in text
        # The text column is centred and no wider than the configured 80 cells.
        view = reader.article_view
        assert view.column_width <= 80
        widest = max(len(view.line_text(i)) for i in range(view.line_count))
        assert widest <= view.column_width
        left = (view.scrollable_content_region.width - view.column_width) // 2
        assert left >= 0 and view.region.x + left < 10


async def test_home_snapshot_lists_stories_and_slots() -> None:
    app = create_app(config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for words in ("Demo library", "Recent", "Bookmarks", "Open a path or URL",
                      "Harbour Bridge"):
            assert words in text


def test_screenshot_script_renders_svgs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path),
         "--only", "home,reader-night,narrow"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert names == ["home.svg", "narrow.svg", "reader-night.svg"]
    night = (tmp_path / "reader-night.svg").read_text(encoding="utf-8")
    assert "<svg" in night and "Harbour" in night and "#14171c" in night.lower()
