"""Bookmarks screen benchmark: from pressing B to the first paint of the list, 10,000 bookmarks.

    .venv/bin/python bench/bookmarks_screen.py [--bookmarks 10000] [--opens 15]

Builds (in a temp dir, with bench/bookmarks.py) a library of synthetic articles with full
offline copies, then runs the real app headless and times, for each open, the moment B
is pressed until the list draws its first bookmark (goal <= 150 ms):

- cold: the first open in a fresh app, which also opens the library file;
- warm: later opens in the same app (median and max);
- peer: a bare Textual screen drawing an OptionList of the same first page of labels, built in
  the UI thread with no storage at all (the floor the screen is compared against).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL_MS = 150.0
SIZE = (120, 40)


class _FirstPaint:
    """Notes when a widget class first draws a line while it has content."""

    def __init__(self, cls: Any, has_content: Any) -> None:
        self.moment: float | None = None
        original = cls.render_line
        probe = self

        def render_line(widget: Any, y: int) -> Any:
            if probe.moment is None and has_content(widget):
                probe.moment = time.perf_counter()
            return original(widget, y)

        cls.render_line = render_line


async def _wait(check: Any, timeout: float = 20.0) -> None:
    end = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > end:
            raise RuntimeError("timed out")
        await asyncio.sleep(0.001)


async def _time_opens(app: Any, probe: _FirstPaint, opens: int) -> list[float]:
    """Press B ``opens`` times, each time until the probe sees the first paint, then
    escape back and let the app settle."""
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)  # the home screen settles (its own library reads done)
        for _ in range(opens):
            probe.moment = None
            began = time.perf_counter()
            await pilot.press("B")
            await _wait(lambda: probe.moment is not None)
            assert probe.moment is not None
            times.append((probe.moment - began) * 1000)
            await pilot.press("escape")
            await pilot.pause(0.3)  # the home screen reads its lists again
    return times


async def bench_screen(opens: int) -> list[float]:
    """Milliseconds from B to the first painted bookmark, first (cold) open first."""
    from reader.config import Config
    from reader.ui.app import create_app
    from reader.ui.widgets.bookmark_list import BookmarkList

    probe = _FirstPaint(BookmarkList, lambda widget: bool(widget.bookmarks))
    return await _time_opens(create_app(config=Config()), probe, opens)


async def bench_peer(labels: list[Any], opens: int) -> list[float]:
    """The same measure for a bare screen with an OptionList of ``labels``."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import OptionList

    class PeerList(OptionList):
        pass

    class PeerScreen(Screen[None]):
        BINDINGS = [("escape", "app.pop_screen", "")]  # noqa: RUF012 - Textual API

        def compose(self) -> ComposeResult:
            yield PeerList(*labels)

    class PeerApp(App[None]):
        BINDINGS = [("B", "show", "")]  # noqa: RUF012 - Textual API

        def action_show(self) -> None:
            self.push_screen(PeerScreen())

    probe = _FirstPaint(PeerList, lambda widget: widget.option_count > 0)
    return await _time_opens(PeerApp(), probe, opens)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bookmarks", type=int, default=10_000)
    parser.add_argument("--opens", type=int, default=15)
    args = parser.parse_args()
    from bench.bookmarks import build_library

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        for kind in ("DATA", "CONFIG", "CACHE"):
            os.environ[f"BROADSHEET_{kind}_DIR"] = str(home / kind.lower())
        from reader import paths
        from reader.storage import Library
        from reader.ui.screens.bookmarks import PAGE
        from reader.ui.widgets.bookmark_list import bookmark_label

        began = time.perf_counter()
        paths.ensure_dir(paths.data_dir())
        build_library(paths.database_file(), args.bookmarks, random.Random(7))
        print(f"built {args.bookmarks:,} bookmarks in {time.perf_counter() - began:.1f} s")
        with Library() as library:
            labels = [bookmark_label(b) for b in library.list_bookmarks(limit=PAGE)]
        times = asyncio.run(bench_screen(args.opens))
        peer = asyncio.run(bench_peer(labels, args.opens))
    cold, warm = times[0], times[1:]
    verdict = "ok" if max(cold, statistics.median(warm)) <= GOAL_MS else "OVER GOAL"
    print(f"bookmarks screen, B to first painted bookmark ({args.bookmarks:,} bookmarks):")
    print(f"  cold (opens the library): {cold:.1f} ms")
    print(f"  warm: median {statistics.median(warm):.1f} ms, max {max(warm):.1f} ms")
    print(f"  peer (bare OptionList, same first page of labels, no storage): median "
          f"{statistics.median(peer):.1f} ms")
    print(f"  ratio warm/peer: {statistics.median(warm) / statistics.median(peer):.2f}  "
          f"goal <= {GOAL_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
