"""fetch() against a real HTTP server on 127.0.0.1: every success path and every failure kind."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpserver import OK_PAGE, PLAIN_TEXT, LocalServer, closed_port, self_signed_cert

import reader
from reader.config import NetConfig
from reader.net import FetchError, FetchResult, fetch
from reader.net.download import USER_AGENT

# Small limits keep every failing case well under a second.
FAST = NetConfig(connect_timeout=0.5, timeout=0.5, max_bytes=1024 * 1024)


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


def failure(url: str, config: NetConfig = FAST, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch(url, config=config, **kwargs)  # type: ignore[arg-type]
    error = info.value
    message = str(error)
    assert message and "\n" not in message and len(message) < 200, message
    assert "Traceback" not in message
    return error


def test_html_page(server: LocalServer) -> None:
    result = fetch(server.url("/ok"), config=FAST)
    assert result == FetchResult(
        url=server.url("/ok"), content=OK_PAGE, content_type="text/html", charset="utf-8", status=200
    )
    assert not result.from_cache and not result.stale and result.notice is None


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/xhtml", "application/xhtml+xml"), ("/text", "text/plain")],
)
def test_xhtml_and_plain_text_are_pages(server: LocalServer, path: str, content_type: str) -> None:
    result = fetch(server.url(path), config=FAST)
    assert result.content_type == content_type
    assert result.content.strip()


@pytest.mark.parametrize(
    ("path", "sniffed", "body"),
    [
        ("/notype/html", "text/html", OK_PAGE),
        ("/notype/text", "text/plain", PLAIN_TEXT),
        ("/octet/html", "text/html", OK_PAGE),
    ],
)
def test_missing_or_vague_type_is_sniffed(
    server: LocalServer, path: str, sniffed: str, body: bytes
) -> None:
    result = fetch(server.url(path), config=FAST)
    assert (result.content_type, result.content, result.charset) == (sniffed, body, None)


def test_user_agent_and_accepted_encodings(server: LocalServer) -> None:
    sent = json.loads(fetch(server.url("/headers"), config=FAST).content)
    headers = {k.lower(): v for k, v in sent.items()}
    assert headers["user-agent"] == f"Broadsheet/{reader.__version__} (+terminal news reader)"
    assert headers["user-agent"] == USER_AGENT
    assert headers["accept-encoding"] == "gzip, deflate"
    assert "text/html" in headers["accept"]


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/deflate-raw"])
def test_compressed_pages_are_decoded(server: LocalServer, path: str) -> None:
    assert fetch(server.url(path), config=FAST).content == OK_PAGE


def test_wrong_charset_header_is_reported_and_bytes_untouched(server: LocalServer) -> None:
    result = fetch(server.url("/wrong-charset"), config=FAST)
    assert result.charset == "iso-8859-1"
    assert "Le café est très réputé".encode() in result.content


def test_redirect_chain_is_followed_to_the_final_url(server: LocalServer) -> None:
    result = fetch(server.url("/redirect/10"), config=FAST)
    assert result.url == server.url("/ok")
    assert result.content == OK_PAGE


def test_more_than_max_redirects_fails(server: LocalServer) -> None:
    error = failure(server.url("/redirect/11"))
    assert error.kind == "too_many_redirects"
    assert failure(server.url("/redirect/3"), NetConfig(timeout=0.5, max_redirects=2)).kind == (
        "too_many_redirects"
    )


def test_redirect_loop_is_detected_before_the_limit(server: LocalServer) -> None:
    before = server.hits["/loop/a"]
    error = failure(server.url("/loop/a"))
    assert error.kind == "redirect_loop"
    assert server.hits["/loop/a"] - before == 1  # stopped as soon as /loop/a came round again


def test_cookie_setting_redirect_to_itself_is_not_a_loop(server: LocalServer) -> None:
    assert fetch(server.url("/cookie-redirect"), config=FAST).content == OK_PAGE


def test_redirect_to_a_non_web_scheme_is_invalid(server: LocalServer) -> None:
    assert failure(server.url("/redirect-to?url=ftp://files.example/a")).kind == "invalid_url"


@pytest.mark.parametrize(
    ("code", "kind"), [(404, "http_4xx"), (403, "http_4xx"), (410, "http_4xx"), (500, "http_5xx"), (503, "http_5xx")]
)
def test_http_errors(server: LocalServer, code: int, kind: str) -> None:
    error = failure(server.url(f"/status/{code}"))
    assert (error.kind, error.status) == (kind, code)
    assert str(code) in str(error)


def test_slow_server_times_out(server: LocalServer) -> None:
    started = time.monotonic()
    error = failure(server.url("/slow?s=5"))
    assert error.kind == "timeout"
    assert time.monotonic() - started < 3  # not the 5 s the server would take


def test_dribbling_body_hits_the_total_deadline(server: LocalServer) -> None:
    # Each byte arrives well within any per-read timeout; only a total deadline stops it.
    started = time.monotonic()
    error = failure(server.url("/dribble?every=0.05&n=200"))
    assert error.kind == "timeout"
    assert time.monotonic() - started < 3  # 200 bytes x 0.05 s would be 10 s


def test_silence_after_late_headers_is_cut_at_the_total_deadline(server: LocalServer) -> None:
    # Headers come at 0.8 s of a 1 s budget, then the body stalls: a per-read timeout
    # set when the request started would allow a further 1 s; the watchdog does not.
    config = NetConfig(connect_timeout=1.0, timeout=1.0)
    started = time.monotonic()
    error = failure(server.url("/stall?first=0.8&s=5"), config)
    elapsed = time.monotonic() - started
    assert error.kind == "timeout"
    assert elapsed < 1.6, elapsed


def test_gzip_bomb_stops_at_the_size_cap(server: LocalServer) -> None:
    bomb = server.bomb(16)
    assert len(bomb) < 64 * 1024  # small on the wire, 16 MiB inflated
    error = failure(server.url("/gzip-bomb?mb=16"))
    assert error.kind == "too_big"


@pytest.mark.parametrize("path", ["/huge?mb=2", "/huge-unsized?mb=2"])
def test_huge_body_is_refused(server: LocalServer, path: str) -> None:
    assert failure(server.url(path)).kind == "too_big"


def test_default_cap_is_20_megabytes(server: LocalServer) -> None:
    config = NetConfig(connect_timeout=2.0, timeout=5.0)
    assert config.max_bytes == 20 * 1024 * 1024
    error = failure(server.url("/huge?mb=21"), config)
    assert error.kind == "too_big" and "20 MB" in str(error)


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/image", "image/png"), ("/pdf", "application/pdf"), ("/png-as-html", "text/html"), ("/notype/png", "application/octet-stream")],
)
def test_non_pages_are_wrong_type_with_the_url(server: LocalServer, path: str, content_type: str) -> None:
    error = failure(server.url(path))
    assert error.kind == "wrong_type"
    assert error.url == server.url(path)
    assert error.content_type == content_type
    assert "browser" in str(error)


def test_wrong_type_after_redirect_names_the_final_url(server: LocalServer) -> None:
    server.add("/to-image", b"", status=302, headers={"Location": "/image"})
    error = failure(server.url("/to-image"))
    assert (error.kind, error.url) == ("wrong_type", server.url("/image"))


@pytest.mark.parametrize("path", ["/empty", "/blank", "/no-content"])
def test_empty_bodies(server: LocalServer, path: str) -> None:
    assert failure(server.url(path)).kind == "empty"


def test_corrupt_compressed_body(server: LocalServer) -> None:
    assert failure(server.url("/bad-gzip")).kind == "bad_response"


def test_connection_dropped_without_answer(server: LocalServer) -> None:
    assert failure(server.url("/drop")).kind in ("bad_response", "network")


def test_unknown_host_is_a_dns_error() -> None:
    error = failure("http://no-such-host.invalid/page")
    assert error.kind == "dns"
    assert "no-such-host.invalid" in str(error)


def test_closed_port_is_refused() -> None:
    assert failure(f"http://127.0.0.1:{closed_port()}/").kind == "refused"


def test_tls_failure(server: LocalServer) -> None:
    # An https request to a plain-HTTP port fails the TLS handshake.
    error = failure(server.url("/ok").replace("http://", "https://"))
    assert error.kind == "tls"


@pytest.mark.parametrize(
    "url", ["", "   ", "hello", "ftp://files.example/a", "javascript:alert(1)", "file:///etc/passwd", "http://", "http://bad\x1bhost/"]
)
def test_invalid_urls(url: str) -> None:
    error = failure(url)
    assert error.kind == "invalid_url"
    assert "\x1b" not in str(error)


def test_cancel_before_start() -> None:
    cancel = threading.Event()
    cancel.set()
    assert failure("http://127.0.0.1:9/", cancel=cancel).kind == "cancelled"


def test_cancel_during_a_stalled_body(server: LocalServer) -> None:
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    error = failure(server.url("/stall?s=5"), NetConfig(timeout=10.0), cancel=cancel)
    assert error.kind == "cancelled"
    assert time.monotonic() - started < 2  # not the 10 s budget


def test_cancel_while_waiting_for_headers(server: LocalServer) -> None:
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    error = failure(server.url("/slow?s=5"), NetConfig(timeout=10.0), cancel=cancel)
    assert error.kind == "cancelled"
    assert time.monotonic() - started < 2


def test_proxy_environment_is_honoured(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.base)
    result = fetch("http://news.example/ok", config=FAST)
    assert result.content == OK_PAGE
    assert ("http://news.example/ok", "news.example") in [
        (target, headers.get("Host")) for target, headers in server.requests
    ]


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalServer, Path]]:
    pair = self_signed_cert(tmp_path_factory.mktemp("tls"))
    if pair is None:
        pytest.skip("openssl is not available to make a test certificate")
    with LocalServer(tls=pair) as running:
        yield running, pair[0]


def test_untrusted_certificate_is_a_tls_error(tls_server: tuple[LocalServer, Path]) -> None:
    server, _cert = tls_server
    error = failure(server.url("/ok"))
    assert error.kind == "tls"
    assert "certificate" in str(error)


def test_ssl_cert_file_from_the_environment_is_trusted(
    tls_server: tuple[LocalServer, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, cert = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    assert fetch(server.url("/ok"), config=FAST).content == OK_PAGE


def test_invalid_proxy_setting_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:notaport")
    error = failure("http://news.example/ok")
    assert error.kind == "network" and "proxy" in str(error)


def test_socks_proxy_without_support_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    if importlib.util.find_spec("socksio") is not None:
        pytest.skip("SOCKS support is installed")
    for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    error = failure("http://news.example/ok")
    assert error.kind == "network" and "SOCKS" in str(error)


def test_gzip_bomb_never_inflates_far_past_the_cap(server: LocalServer) -> None:
    # httpx inflates each 64 KiB network chunk at once (~32 MiB for this bomb); fetch
    # must stay near its 1 MiB cap however much a chunk would expand.
    server.bomb(32)
    fetch(server.url("/ok"), config=FAST)  # import httpx before measuring
    tracemalloc.start()
    try:
        error = failure(server.url("/gzip-bomb?mb=32"), NetConfig(timeout=5.0, max_bytes=1024 * 1024))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.kind == "too_big"
    assert peak < 6 * 1024 * 1024, peak


def test_binary_body_is_refused_from_its_first_bytes(server: LocalServer) -> None:
    url = server.add("/big-video", b"\x1a\x45\xdf\xa3" + bytes(8 * 1024 * 1024), None)
    fetch(server.url("/ok"), config=FAST)  # import httpx before measuring
    tracemalloc.start()
    try:
        error = failure(url, NetConfig(timeout=5.0))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.kind == "wrong_type" and "Matroska" in str(error)
    assert peak < 2 * 1024 * 1024, peak  # the 8 MiB body was not downloaded


def test_importing_reader_net_does_not_load_httpx() -> None:
    code = "import sys, reader.net; print('httpx' in sys.modules, 'textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
