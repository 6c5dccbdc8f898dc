"""Render screenshots/*.svg from the real app: home, each theme, French, help, entities, narrow.

Usage: python scripts/screenshots.py [OUT_DIR] [--only name,name]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from textual.pilot import Pilot  # noqa: E402

from reader import paths  # noqa: E402
from reader.config import Config, DisplayConfig  # noqa: E402
from reader.ui.app import BroadsheetApp, create_app  # noqa: E402

ENGLISH = "harbour-bridge-closure.html"
FRENCH = "tramway-gratuit-valmont.html"

Action = Callable[[BroadsheetApp, Pilot[None]], Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    """One screenshot: file name, terminal size, start page, theme and what to do first."""

    name: str
    source: str | None = None
    theme: str = "paper"
    size: tuple[int, int] = (120, 40)
    action: Action | None = None


async def _help(app: BroadsheetApp, pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")


async def _entity(app: BroadsheetApp, pilot: Pilot[None]) -> None:
    await pilot.press("tab", "enter")


async def _scroll(app: BroadsheetApp, pilot: Pilot[None]) -> None:
    await pilot.press("space")


SHOTS = [
    Shot("home"),
    Shot("reader-paper", ENGLISH, "paper"),
    Shot("reader-night", ENGLISH, "night"),
    Shot("reader-sepia", ENGLISH, "sepia"),
    Shot("reader-contrast", ENGLISH, "contrast"),
    Shot("reader-french", FRENCH, "paper"),
    Shot("help", ENGLISH, "paper", action=_help),
    Shot("entity-highlight", ENGLISH, "night", action=_entity),
    Shot("narrow", ENGLISH, "sepia", size=(64, 36)),
]


async def _wait(pilot: Pilot[None], check: Callable[[], bool], timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not check():
        if loop.time() > end:
            raise RuntimeError("the app did not show the page in time")
        await pilot.pause(0.05)


async def take(shot: Shot, out: Path) -> Path:
    """Run the app for ``shot`` and write its SVG into ``out``."""
    source = str(paths.demo_dir() / shot.source) if shot.source else None
    app = create_app(source=source, config=Config(display=DisplayConfig(theme=shot.theme)))
    async with app.run_test(size=shot.size) as pilot:
        if source:
            await _wait(pilot, lambda: app.reader.page is not None)
        await pilot.pause(0.1)
        if shot.action:
            await shot.action(app, pilot)
            await pilot.pause(0.2)
        svg = app.export_screenshot(title=f"Broadsheet — {shot.name}")
    path = out / f"{shot.name}.svg"
    path.write_text(svg, encoding="utf-8")
    return path


async def main_async(out: Path, only: set[str] | None) -> list[Path]:
    """Take every screenshot (or those named in ``only``)."""
    out.mkdir(parents=True, exist_ok=True)
    return [await take(shot, out) for shot in SHOTS if not only or shot.name in only]


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default=str(ROOT / "screenshots"))
    parser.add_argument("--only", default="", help="comma-separated screenshot names")
    args = parser.parse_args(argv)
    only = {name.strip() for name in args.only.split(",") if name.strip()} or None
    with tempfile.TemporaryDirectory() as home:
        # Never read or write the user's own config, state or cache.
        for env, name in ((paths.ENV_DATA, "data"), (paths.ENV_CONFIG, "config"),
                          (paths.ENV_CACHE, "cache")):
            os.environ[env] = str(Path(home) / name)
        for path in asyncio.run(main_async(Path(args.out), only)):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
