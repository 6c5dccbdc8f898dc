"""Loading over HTTP in the app: the indicator after 150 ms, newer navigations win, errors keep the page."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.config import Config
from reader.ui.app import BroadsheetApp, create_app


def _html(title: str) -> bytes:
    paragraph = f"<p>Words about {title} and the harbour council, long enough to count as text.</p>"
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{paragraph * 6}</article></body></html>").encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/slow"):
            time.sleep(1.2)
        if self.path.startswith("/missing"):
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            return
        body = _html(self.path.strip("/").split("?")[0] or "home")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


async def _until(app: BroadsheetApp, pilot, check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    end = asyncio.get_running_loop().time() + timeout
    while not check():
        assert asyncio.get_running_loop().time() < end, "timed out"
        await pilot.pause(0.02)


async def test_loading_indicator_and_newer_navigation_wins(server: str) -> None:
    app = create_app(source=f"{server}/first", config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.reader
        await _until(app, pilot, lambda: reader.page is not None)
        view = reader.article_view
        app.open_source(f"{server}/slow")
        await pilot.pause(0.05)
        assert not view.loading  # not before 150 ms
        await _until(app, pilot, lambda: view.loading, timeout=2)
        app.open_source(f"{server}/second")  # a newer navigation while the slow one runs
        await _until(app, pilot, lambda: reader.page.source.endswith("/second"))  # type: ignore[union-attr]
        await pilot.pause(1.5)  # the slow page arrives meanwhile and is ignored
        assert reader.page.source.endswith("/second")  # type: ignore[union-attr]
        assert not view.loading
        assert [e.source.rsplit("/", 1)[1] for e in reader.history.entries] == ["first", "second"]


async def test_http_error_is_a_notification_and_the_page_stays(server: str) -> None:
    app = create_app(source=f"{server}/first", config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.reader
        await _until(app, pilot, lambda: reader.page is not None)
        app.open_source(f"{server}/missing")
        await _until(app, pilot, lambda: any(n.severity == "error" for n in app._notifications))
        message = next(n.message for n in app._notifications if n.severity == "error")
        first_line = message.splitlines()[0]
        assert "404" in first_line
        assert "Press O to open it in your browser" in message
        assert reader.page.source.endswith("/first")  # type: ignore[union-attr]
        await pilot.press("O")  # $BROWSER is "true": the failed page goes to the browser
        await pilot.pause(0.3)
        assert reader._offer_browser is None
        assert not [n for n in app._notifications if n.severity == "warning"]


async def test_a_link_to_this_page_is_not_followed(server: str) -> None:
    app = create_app(source=f"{server}/first", config=Config())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.reader
        await _until(app, pilot, lambda: reader.page is not None)
        reader.open_link("#comments")
        await pilot.pause(0.2)
        assert len(reader.history) == 1
        assert any("place on this page" in n.message for n in app._notifications)


@pytest.fixture
def demo_server() -> Iterator[str]:
    import functools
    from http.server import SimpleHTTPRequestHandler

    from reader import paths

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(paths.demo_dir()))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


async def test_prefetched_related_story_opens_at_once(demo_server: str) -> None:
    from reader.ui.loader import resolve_link

    app = create_app(source=f"{demo_server}/storm-imogen-floods.html", config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await _until(app, pilot, lambda: reader.page is not None)
        page = reader.page
        assert page is not None
        local = [r for r in page.article.related
                 if r.url and resolve_link(r.url, page.base).startswith(demo_server)]
        if not local:
            pytest.skip("the extractor finds no related story on this demo page")
        await _until(app, pilot, lambda: app._prefetcher is not None)
        assert await asyncio.to_thread(app._prefetcher.wait, 20)  # type: ignore[union-attr]
        target = resolve_link(local[0].url or "", page.base)
        reader.open_related(local[0])
        # No worker, no network: the page is on screen before the next event is handled.
        assert reader.page is not None and reader.page.source == target
        assert not reader.article_view.loading
