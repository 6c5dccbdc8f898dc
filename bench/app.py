"""Benchmarks of the reading app, as ratios against peers measured in the same run.

1. Opening an already-extracted article to its first paint (median over the
   scrapinghub-dev pages when the shared corpus is present; the longest demo
   article), against Textual's Markdown widget and a Static holding the text.
2. Cold launch of `broadsheet FILE` until the first body paragraph is on the
   terminal, against a bare Textual app showing the same text in a Static.
3. Memory growth over 100 jumps between demo articles.

Usage: python bench/app.py [--write bench/RESULTS-app.md] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import pty
import select
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "scrapinghub-dev" / "html"


def _isolate() -> None:
    home = Path(tempfile.mkdtemp(prefix="bench-app-"))
    for env, name in (("BROADSHEET_DATA_DIR", "data"), ("BROADSHEET_CONFIG_DIR", "config"),
                      ("BROADSHEET_CACHE_DIR", "cache")):
        os.environ[env] = str(home / name)


# -- 1. first paint of an extracted article --------------------------------------------

def _paint(app: object) -> None:
    """Lay out the screen and render a full frame now, as the next refresh would.

    Timing this synchronously leaves out the frame-rate timer, which every peer waits
    for alike. The layout refresh already renders the regions it changed and the full
    frame renders again: an upper bound, the same for every peer.
    """
    screen = app.screen  # type: ignore[attr-defined]
    screen._refresh_layout()
    screen._compositor.render_update(full=True)


async def _first_paints(pages: list[tuple[str, object]]) -> dict[str, list[float]]:
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Markdown, Static

    from reader.config import Config, NetConfig
    from reader.ui.app import create_app
    from reader.ui.loader import Page

    times: dict[str, list[float]] = {"broadsheet": [], "static": [], "markdown": []}
    # No prefetch: the corpus pages link to the live web, which is not what is measured.
    app = create_app(config=Config(net=NetConfig(prefetch=0)))
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(app.reader)
        await pilot.pause()
        for source, article in pages:
            view = app.reader.article_view
            start = time.perf_counter()
            app.reader.show_page(Page(source, article, None))  # type: ignore[arg-type]
            _paint(app)
            times["broadsheet"].append(time.perf_counter() - start)
            assert view._strips, "the article's lines were not drawn"
            await pilot.pause()

    class Peer(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Static("", id="static")
            yield Markdown("", id="md")

    peer = Peer()
    async with peer.run_test(size=(120, 40)) as pilot:
        for _, article in pages:
            text = "\n\n".join(b.text for b in article.body)  # type: ignore[attr-defined]
            static = peer.query_one("#static", Static)
            markdown = peer.query_one("#md", Markdown)
            markdown.display = False
            await pilot.pause()
            start = time.perf_counter()
            static.update(text)
            _paint(peer)
            times["static"].append(time.perf_counter() - start)
            static.update("")
            markdown.display = True
            await pilot.pause()
            start = time.perf_counter()
            await markdown.update(text)
            _paint(peer)
            times["markdown"].append(time.perf_counter() - start)
            await markdown.update("")
            await pilot.pause()
    return times


def first_paint() -> list[str]:
    """Rows of the first-paint table."""
    from reader.core.extract import extract
    from reader.paths import demo_dir

    rows: list[str] = []
    sets: list[tuple[str, list[tuple[str, object]]]] = []
    if CORPUS.is_dir():
        corpus = [(str(p), extract(p.read_bytes())) for p in sorted(CORPUS.glob("*.html"))]
        sets.append((f"scrapinghub-dev ({len(corpus)} pages), median", corpus))
    else:
        rows.append("| scrapinghub-dev | skipped: corpus absent | | | |")
    longest = max(demo_dir().glob("*.html"), key=lambda p: p.stat().st_size)
    article = extract(longest.read_bytes())
    words = len(article.text.split())
    sets.append((f"longest demo article ({longest.name}, {words} words), median of 5",
                 [(str(longest), article)] * 5))
    for label, pages in sets:
        times = asyncio.run(_first_paints(pages))
        med = {k: statistics.median(v) * 1000 for k, v in times.items()}
        rows.append(
            f"| {label} | {med['broadsheet']:.1f} ms | {med['static']:.1f} ms "
            f"| {med['markdown']:.1f} ms | {med['broadsheet'] / med['static']:.2f}x static |"
        )
    return rows


# -- 2. cold launch to the first body paragraph -----------------------------------------

BARE = """
import sys
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static
text = open(sys.argv[1], encoding="utf-8").read()
class Bare(App[None]):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(text, markup=False)
Bare().run()
"""


def _time_to_text(argv: list[str], needle: str, timeout: float = 30.0,
                  env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds from spawning ``argv`` in a terminal until ``needle`` is written to it, and
    the CPU seconds (user + system) the program and its reaped children used by then."""
    env = {**os.environ, **(env or {}), "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    home = tempfile.mkdtemp(prefix="bench-cold-")  # fresh data and cache dirs: a cold start
    for key, name in (("BROADSHEET_DATA_DIR", "data"), ("BROADSHEET_CACHE_DIR", "cache")):
        env[key] = os.path.join(home, name)
    import fcntl
    import resource
    import struct
    import termios

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    cpu_start = cpu()
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # `python -m` puts the working directory first on sys.path, before PYTHONPATH.
        os.chdir(env.get("PYTHONPATH") or ROOT)
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = b""
    target = needle.encode()
    elapsed = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if target in seen:
                elapsed = time.perf_counter() - start
                break
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return elapsed, cpu() - cpu_start


def _installed_copy() -> str:
    """A byte-compiled copy of the package, as an install leaves it (pip compiles every
    module). This sandbox sets PYTHONDONTWRITEBYTECODE, so the work tree never gets
    bytecode and every launch compiles each of our modules again (~60 ms of CPU over the
    app and its child), while Textual and the libraries load from their bytecode."""
    import compileall
    import shutil

    dest = Path(tempfile.mkdtemp(prefix="bench-installed-"))
    shutil.copytree(ROOT / "reader", dest / "reader",
                    ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(dest / "reader", quiet=1)
    return str(dest)


def cold_launch(runs: int) -> list[str]:
    """Rows of the cold-launch table."""
    from reader.core.extract import extract
    from reader.paths import demo_dir

    broadsheet = str(ROOT / ".venv" / "bin" / "broadsheet")
    rows = []
    results: dict[str, float] = {}
    short = demo_dir() / "harbour-bridge-closure.html"
    longest = max(demo_dir().glob("*.html"), key=lambda p: p.stat().st_size)
    modes = (("byte-compiled (installed)", {"PYTHONPATH": _installed_copy()}),
             ("no bytecode (source tree)", {}))
    for label, path in (("short demo article", short), ("longest demo article", longest)):
        article = extract(path.read_bytes())
        first = next(b.text for b in article.body if b.kind == "paragraph")
        needle = " ".join(first.split()[:3])
        text_file = Path(tempfile.mkdtemp()) / "text.txt"
        text_file.write_text(article.text, encoding="utf-8")
        for mode, env in modes:
            ours, launcher, bare = [], [], []
            for _ in range(runs):  # interleaved, so a busy moment hits every program alike
                ours.append(_time_to_text([broadsheet, str(path)], needle, env=env))
                launcher.append(_time_to_text([sys.executable, "-m", "reader.ui", str(path)],
                                              needle, env=env))
                bare.append(_time_to_text([sys.executable, "-c", BARE, str(text_file)], needle))
            (o, _), (n, n_cpu), (b, b_cpu) = (
                (statistics.median(t for t, _ in x), statistics.median(c for _, c in x))
                for x in (ours, launcher, bare)
            )
            results[f"{label} {mode}"] = o
            results[f"{label} {mode} launcher"] = n
            rows.append(f"| {label} ({path.name}) | {mode} | {o * 1000:.0f} ms "
                        f"| {n * 1000:.0f} ms | {b * 1000:.0f} ms | **{o / b:.2f}x** "
                        f"| {n / b:.2f}x | {n_cpu * 1000:.0f} / {b_cpu * 1000:.0f} ms |")
    for mode, _ in modes:
        cli = results[f"longest demo article {mode}"] / results[f"short demo article {mode}"]
        launcher_ratio = (results[f"longest demo article {mode} launcher"]
                          / results[f"short demo article {mode} launcher"])
        rows.append(f"| longest / short | {mode} | | | | {cli:.2f}x | {launcher_ratio:.2f}x | |")
    return rows


# -- 3. a jump to a related story over a slow network, prefetched or not --------------

def _slow_server(delay: float) -> tuple[str, object]:
    """Serve the demo folder on 127.0.0.1, adding ``delay`` seconds to every response."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from reader.paths import demo_dir

    class Slow(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            time.sleep(delay)
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Slow, directory=str(demo_dir()))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


async def _jump(base: str, prefetch: bool) -> float:
    from reader.config import Config, NetConfig
    from reader.ui.app import create_app
    from reader.ui.loader import resolve_link

    app = create_app(config=Config(net=NetConfig(prefetch=5 if prefetch else 0)))
    async with app.run_test(size=(120, 40)) as pilot:
        start_page = f"{base}/storm-imogen-floods.html"
        app.open_source(start_page)
        reader = app.reader
        while reader.page is None:
            await pilot.pause(0.01)
        page = reader.page
        targets = [r for r in page.article.related
                   if r.url and resolve_link(r.url, page.base).startswith(base)]
        if not targets:
            raise RuntimeError("the demo page has no related story on the test server")
        target = targets[0]
        url = resolve_link(target.url or "", page.base)
        if prefetch:
            while app._prefetcher is None:  # it starts once the page is painted
                await pilot.pause(0.01)
            await asyncio.to_thread(app._prefetcher.wait, 20)
            await pilot.pause(0.3)  # let the other threads settle, as a reader would
        start = time.perf_counter()
        reader.open_related(target)
        while reader.page is None or reader.page.source != url:
            await pilot.pause(0.002)
        _paint(app)
        return time.perf_counter() - start


def related_jump(runs: int) -> list[str]:
    """Rows of the related-jump table."""
    base, server = _slow_server(0.2)
    try:
        rows = []
        for prefetch in (True, False):
            times = [asyncio.run(_jump(base, prefetch)) for _ in range(runs)]
            label = "prefetched" if prefetch else "not prefetched"
            rows.append(f"| {label} | {statistics.median(times) * 1000:.0f} ms |")
        return rows
    finally:
        server.shutdown()  # type: ignore[attr-defined]


# -- 4. memory over 100 jumps ------------------------------------------------------------

def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


async def _jumps(count: int) -> tuple[float, float, float]:
    from reader.config import Config
    from reader.paths import demo_dir
    from reader.ui.app import create_app

    files = sorted(str(p) for p in demo_dir().glob("*.html"))
    app = create_app(config=Config())
    marks: dict[int, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        for n in range(count):
            source = files[n % len(files)]
            app.open_source(source)
            while app.reader.page is None or app.reader.page.source != source:
                await pilot.pause(0.01)
            await pilot.pause()
            if n + 1 in (1, 10, count):
                marks[n + 1] = _rss_mb()
    return marks[1], marks[10], marks[count]


def memory() -> list[str]:
    """Row of the memory table."""
    first, tenth, last = asyncio.run(_jumps(100))
    return [f"| 100 jumps between demo articles | {first:.0f} MB | {tenth:.0f} MB | {last:.0f} MB "
            f"| {last - tenth:+.1f} MB |"]


def main() -> int:
    """Run everything and print (or write) a Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", help="also write the report to this file")
    parser.add_argument("--runs", type=int, default=5, help="cold launches per program")
    parser.add_argument("--only", default="paint,cold,jump,memory", help="parts to run")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    _isolate()
    lines = [
        "# App benchmarks",
        "",
        f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}.",
        f"Load average at start: {os.getloadavg()[0]:.1f} (the machine is shared: compare ratios).",
        "Command: `.venv/bin/python bench/app.py --write bench/RESULTS-app.md`",
        "",
        "## Opening an extracted article, to first paint (headless, 120x40)",
        "",
        "From the call that shows the article to a full frame rendered (layout + compositor),",
        "timed synchronously; the peers show the body text in a Static / Markdown widget.",
        "",
        "| pages | Broadsheet | Static (whole text) | Markdown widget | ratio |",
        "|---|---|---|---|---|",
        *(first_paint() if "paint" in parts else ["| skipped | | | | |"]),
        "",
        f"## Cold launch to the first body paragraph (pty 120x40, median of {args.runs})",
        "",
        "Fresh data and cache dirs. Both commands fork a child that reads and extracts the",
        "page (without entities: the app finds them after its first frame) before Textual is",
        "imported; the first frame waits for that page and wraps it at the width its first",
        "layout will give, so the body is in the very first frame; the footer and the related",
        "list follow in the next one.",
        "Programs interleaved; CPU is user + system of the app and its child until the body",
        "is on screen (a steadier measure on a shared machine than wall time).",
        "",
        "| article | our modules | `broadsheet FILE` | `python -m reader.ui FILE` "
        "| bare Textual + Static | ratio CLI | ratio launcher | CPU launcher / bare |",
        "|---|---|---|---|---|---|---|---|",
        *(cold_launch(args.runs) if "cold" in parts else ["| skipped | | | | | | | |"]),
        "",
        "## Enter on a related story to its first paint (server adds 200 ms per response)",
        "",
        "| related story | median of 3 |",
        "|---|---|",
        *(related_jump(3) if "jump" in parts else ["| skipped | |"]),
        "",
        "## Memory (RSS)",
        "",
        "| run | after 1 | after 10 | after 100 | growth 10 -> 100 |",
        "|---|---|---|---|---|",
        *(memory() if "memory" in parts else ["| skipped | | | | |"]),
        "",
        "## Notes",
        "",
        "- Targets (issues 7 and 8): first paint <= 50 ms median over scrapinghub-dev and",
        "  <= 150 ms for the longest demo article; a prefetched related jump <= 100 ms;",
        "  memory growth over 100 jumps <= 20 MB; cold launch <= 1.5x a bare Textual app.",
        "- The first-paint timing counts the layout refresh's render plus a full frame",
        "  (an upper bound, the same for every peer).",
        "- Cold launch: the child's work (the extraction stack's imports, ~0.15 s, and the",
        "  page) and the app's (Textual and our screen) take about as long; they overlap",
        "  only when a second core is free. On a busy 2-core machine they do not, and the",
        "  CPU column (app + child) then bounds the wall time: ratios move by 0.2 from run",
        "  to run (1.25x to 1.49x byte-compiled over five runs on 2026-11-27, load 0.6 to",
        "  1.2). The \"no bytecode\" rows are",
        "  this sandbox's PYTHONDONTWRITEBYTECODE: every launch compiles our modules again,",
        "  which an installed package never does; the byte-compiled rows are what a user gets.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        Path(args.write).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
