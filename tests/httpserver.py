"""A real threaded HTTP server on 127.0.0.1 with one endpoint per fetching case, for any test.

Use it as a context manager::

    from httpserver import LocalServer

    with LocalServer() as server:
        fetch(server.url("/ok"))

Endpoints (all GET):

- ``/ok`` HTML page, ``/xhtml``, ``/text`` (plain text), ``/headers`` (the request
  headers back as JSON, labelled text/plain)
- ``/notype/html``, ``/notype/text``, ``/notype/png``: no Content-Type at all;
  ``/octet/html``: HTML labelled application/octet-stream
- ``/slow?s=2``: waits before answering; ``/stall?s=2``: sends half the body, then
  waits (``first=S`` waits before the headers too); ``/dribble?every=0.05&n=100``: one byte at a time
- ``/gzip``, ``/deflate``, ``/deflate-raw``: compressed pages; ``/gzip-bomb?mb=64``:
  a small gzip body that inflates to ``mb`` MiB; ``/bad-gzip``: says gzip, is not
- ``/wrong-charset``: UTF-8 bytes labelled ISO-8859-1
- ``/redirect/N``: a chain of N redirects ending at ``/ok``; ``/redirect-to?url=U``;
  ``/loop/a`` <-> ``/loop/b``; ``/cookie-redirect``: sets a cookie and redirects to
  itself once (a legitimate revisit)
- ``/status/CODE``: that status with a small HTML body
- ``/huge?mb=N``: an N MiB page with Content-Length; ``/huge-unsized?mb=N`` without
- ``/png-as-html`` (PNG bytes labelled text/html), ``/image`` (image/png), ``/pdf``
- ``/empty`` (200, no body), ``/blank`` (whitespace only), ``/no-content`` (204)
- ``/etag``: ETag ``"v<etag_version>"``, 304 when If-None-Match matches;
  ``/last-modified``: 304 when If-Modified-Since matches
- ``/drop``: closes the connection without answering
- anything added with :meth:`LocalServer.add`

``tls=(cert, key)`` serves HTTPS instead (see :func:`self_signed_cert`).
``delay`` adds that many seconds before every response (for benchmarks);
``fail_status`` makes every response that status (to simulate an outage);
``hits`` counts requests per path; ``requests`` keeps (request target, headers)
of each; ``max_active`` is the most requests handled at the same time.
"""

from __future__ import annotations

import gzip
import json
import socket
import ssl
import subprocess
import threading
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def page(title: str, *paragraphs: str, links: tuple[tuple[str, str], ...] = ()) -> bytes:
    """A small but complete HTML article page, UTF-8 encoded."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    related = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    html = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title></head>\n<body><article><h1>{title}</h1>\n{body}</article>"
        f"<aside><ul>{related}</ul></aside></body></html>\n"
    )
    return html.encode("utf-8")


OK_PAGE = page(
    "Harbour bridge reopens after repairs",
    "The old harbour bridge reopened to traffic on Monday after eight months of repairs.",
    "Engineers replaced the cables and repainted the deck, the city council said.",
)
PLAIN_TEXT = (
    b"Council votes on the new library\n\nThe council voted on Tuesday to build a new library "
    b"near the station. Work starts in spring.\n"
)
LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT"


@dataclass
class Route:
    """A fixed response registered with :meth:`LocalServer.add`."""

    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: LocalServer

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that give up early (timeouts, cancels) are the point of these tests.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        path = parts.path
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        with owner.lock:
            owner.hits[path] += 1
            owner.requests.append((self.path, dict(self.headers.items())))
            owner.active += 1
            owner.max_active = max(owner.max_active, owner.active)
        try:
            self._answer(owner, path, query)
        finally:
            with owner.lock:
                owner.active -= 1

    def _answer(self, owner: LocalServer, path: str, query: dict[str, str]) -> None:
        if owner.delay and owner.stopping.wait(owner.delay):
            return
        if owner.fail_status:
            self._send(owner.fail_status, b"<html><body>outage</body></html>")
            return
        route = owner.routes.get(path)
        if route is not None:
            self._send(route.status, route.body, route.content_type, route.headers)
            return
        handler = _ENDPOINTS.get(path) or _PREFIXED.get(path.split("/", 2)[1] if "/" in path[1:] else "")
        if handler is None:
            self._send(404, b"<html><body>no such page</body></html>")
            return
        handler(self, path, query)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if status not in (204, 304):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status not in (204, 304):
            self.wfile.write(body)

    def _start_unsized(self, content_type: str = "text/html; charset=utf-8") -> None:
        # No length: the body ends when the connection closes.
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True


def _number(query: dict[str, str], key: str, default: float) -> float:
    try:
        return float(query.get(key, default))
    except ValueError:
        return default


def _ok(h: _Handler, path: str, q: dict[str, str]) -> None:
    h._send(200, OK_PAGE)


def _xhtml(h: _Handler, path: str, q: dict[str, str]) -> None:
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + OK_PAGE.replace(
        b'<html lang="en">', b'<html xmlns="http://www.w3.org/1999/xhtml" lang="en">'
    )
    h._send(200, body, "application/xhtml+xml")


def _text(h: _Handler, path: str, q: dict[str, str]) -> None:
    h._send(200, PLAIN_TEXT, "text/plain; charset=utf-8")


def _headers(h: _Handler, path: str, q: dict[str, str]) -> None:
    h._send(200, json.dumps(dict(h.headers.items())).encode(), "text/plain; charset=utf-8")


def _notype(h: _Handler, path: str, q: dict[str, str]) -> None:
    bodies = {"/notype/html": OK_PAGE, "/notype/text": PLAIN_TEXT, "/notype/png": PNG}
    h._send(200, bodies[path], None)


def _octet(h: _Handler, path: str, q: dict[str, str]) -> None:
    h._send(200, OK_PAGE, "application/octet-stream")


def _slow(h: _Handler, path: str, q: dict[str, str]) -> None:
    if h.server.owner.stopping.wait(_number(q, "s", 2.0)):
        return
    h._send(200, OK_PAGE)


def _stall(h: _Handler, path: str, q: dict[str, str]) -> None:
    if h.server.owner.stopping.wait(_number(q, "first", 0.0)):
        return
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(OK_PAGE)))
    h.end_headers()
    h.wfile.write(OK_PAGE[:100])
    h.wfile.flush()
    if h.server.owner.stopping.wait(_number(q, "s", 2.0)):
        return
    h.wfile.write(OK_PAGE[100:])


def _dribble(h: _Handler, path: str, q: dict[str, str]) -> None:
    every, count = _number(q, "every", 0.05), int(_number(q, "n", 100))
    body = (OK_PAGE * (count // len(OK_PAGE) + 1))[:count]
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(count))
    h.end_headers()
    for i in range(count):
        h.wfile.write(body[i : i + 1])
        h.wfile.flush()
        if h.server.owner.stopping.wait(every):
            return


def _compressed(h: _Handler, path: str, q: dict[str, str]) -> None:
    if path == "/gzip":
        body, coding = gzip.compress(OK_PAGE), "gzip"
    elif path == "/deflate":
        body, coding = zlib.compress(OK_PAGE), "deflate"
    else:
        raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        body, coding = raw.compress(OK_PAGE) + raw.flush(), "deflate"
    h._send(200, body, headers={"Content-Encoding": coding})


def _bad_gzip(h: _Handler, path: str, q: dict[str, str]) -> None:
    h._send(200, b"this is not gzip data at all" * 10, headers={"Content-Encoding": "gzip"})


def _gzip_bomb(h: _Handler, path: str, q: dict[str, str]) -> None:
    h._send(200, h.server.owner.bomb(int(_number(q, "mb", 64))), headers={"Content-Encoding": "gzip"})


def _wrong_charset(h: _Handler, path: str, q: dict[str, str]) -> None:
    body = page("Café society", "Le café est très réputé à Genève.")
    h._send(200, body, "text/html; charset=iso-8859-1")


def _redirect(h: _Handler, path: str, q: dict[str, str]) -> None:
    if path.startswith("/redirect-to"):
        target = q.get("url", "/ok")
    elif path.startswith("/loop/"):
        target = "/loop/b" if path == "/loop/a" else "/loop/a"
    else:
        left = int(path.rsplit("/", 1)[1] or 0)
        target = "/ok" if left <= 1 else f"/redirect/{left - 1}"
    h._send(302, b"", headers={"Location": target})


def _cookie_redirect(h: _Handler, path: str, q: dict[str, str]) -> None:
    if "seen=1" in (h.headers.get("Cookie") or ""):
        h._send(200, OK_PAGE)
    else:
        h._send(302, b"", headers={"Location": path, "Set-Cookie": "seen=1; Path=/"})


def _status(h: _Handler, path: str, q: dict[str, str]) -> None:
    code = int(path.rsplit("/", 1)[1])
    h._send(code, f"<html><body><h1>Error {code}</h1></body></html>".encode())


def _huge(h: _Handler, path: str, q: dict[str, str]) -> None:
    size = int(_number(q, "mb", 30) * 1024 * 1024)
    block = (b"<p>" + b"word " * 200 + b"</p>\n") * 100
    if path == "/huge":
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(size))
        h.end_headers()
    else:
        h._start_unsized()
    sent = 0
    while sent < size:
        piece = block[: size - sent]
        h.wfile.write(piece)
        sent += len(piece)


def _binary(h: _Handler, path: str, q: dict[str, str]) -> None:
    if path == "/png-as-html":
        h._send(200, PNG, "text/html")
    elif path == "/image":
        h._send(200, PNG, "image/png")
    else:
        h._send(200, PDF, "application/pdf")


def _empty(h: _Handler, path: str, q: dict[str, str]) -> None:
    if path == "/no-content":
        h._send(204, b"")
    else:
        h._send(200, b"" if path == "/empty" else b"  \n\t \n")


def _etag(h: _Handler, path: str, q: dict[str, str]) -> None:
    tag = f'"v{h.server.owner.etag_version}"'
    if h.headers.get("If-None-Match") == tag:
        h._send(304, b"", headers={"ETag": tag})
        return
    body = page(f"Version {h.server.owner.etag_version}", "A page that changes now and then.")
    h._send(200, body, headers={"ETag": tag})


def _last_modified(h: _Handler, path: str, q: dict[str, str]) -> None:
    if h.headers.get("If-Modified-Since") == LAST_MODIFIED:
        h._send(304, b"", headers={"Last-Modified": LAST_MODIFIED})
        return
    h._send(200, page("Dated page", "This page says when it last changed."), headers={"Last-Modified": LAST_MODIFIED})


def _drop(h: _Handler, path: str, q: dict[str, str]) -> None:
    h.close_connection = True
    h.connection.shutdown(socket.SHUT_RDWR)


_Endpoint = Callable[[_Handler, str, dict[str, str]], None]
_ENDPOINTS: dict[str, _Endpoint] = {
    "/ok": _ok,
    "/xhtml": _xhtml,
    "/text": _text,
    "/headers": _headers,
    "/notype/html": _notype,
    "/notype/text": _notype,
    "/notype/png": _notype,
    "/octet/html": _octet,
    "/slow": _slow,
    "/stall": _stall,
    "/dribble": _dribble,
    "/gzip": _compressed,
    "/deflate": _compressed,
    "/deflate-raw": _compressed,
    "/bad-gzip": _bad_gzip,
    "/gzip-bomb": _gzip_bomb,
    "/wrong-charset": _wrong_charset,
    "/redirect-to": _redirect,
    "/loop/a": _redirect,
    "/loop/b": _redirect,
    "/cookie-redirect": _cookie_redirect,
    "/huge": _huge,
    "/huge-unsized": _huge,
    "/png-as-html": _binary,
    "/image": _binary,
    "/pdf": _binary,
    "/empty": _empty,
    "/blank": _empty,
    "/no-content": _empty,
    "/etag": _etag,
    "/last-modified": _last_modified,
    "/drop": _drop,
}
# Endpoints whose last path segment is a parameter: /redirect/N, /status/CODE.
_PREFIXED: dict[str, _Endpoint] = {"redirect": _redirect, "status": _status}


# Bombs take a moment to compress: made once per test session, shared by every server.
_BOMBS: dict[int, bytes] = {}
_BOMBS_LOCK = threading.Lock()


class LocalServer:
    """The test server: starts on a free port of 127.0.0.1, stops on exit."""

    def __init__(self, *, delay: float = 0.0, tls: tuple[Path, Path] | None = None) -> None:
        self.delay = delay
        self.fail_status = 0
        self.etag_version = 1
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self.port: int = self._server.server_address[1]
        scheme = "http"
        if tls is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            scheme = "https"
        self.base = f"{scheme}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this server."""
        return self.base + path

    def add(
        self,
        path: str,
        body: bytes,
        content_type: str | None = "text/html; charset=utf-8",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve ``body`` at ``path`` from now on; returns its URL."""
        self.routes[path] = Route(body, content_type, status, dict(headers or {}))
        return self.url(path)

    def bomb(self, mebibytes: int) -> bytes:
        """Gzip data that inflates to a ``mebibytes`` MiB HTML page (made once, then reused)."""
        with _BOMBS_LOCK:
            if mebibytes not in _BOMBS:
                packer = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS | 16)
                filler = b"a" * (1024 * 1024)
                parts = [packer.compress(b"<!DOCTYPE html><html><body><p>")]
                parts += [packer.compress(filler) for _ in range(mebibytes)]
                _BOMBS[mebibytes] = b"".join(parts) + packer.flush()
            return _BOMBS[mebibytes]

    def start(self) -> LocalServer:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port; handlers still sleeping wake up and quit."""
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def self_signed_cert(directory: Path) -> tuple[Path, Path] | None:
    """A certificate and key for 127.0.0.1 made with the openssl tool (None when it is missing)."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    command = [
        "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        "-keyout", str(key), "-out", str(cert),
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return cert, key


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port
