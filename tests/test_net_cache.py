"""PageCache on disk: revalidation, fallback when the network fails, offline mode, two processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpserver import OK_PAGE, LocalServer, closed_port

from reader import paths
from reader.config import NetConfig
from reader.net import CachedPage, FetchError, PageCache, fetch

FAST = NetConfig(connect_timeout=0.5, timeout=0.5, max_bytes=1024 * 1024)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


def sent_headers(server: LocalServer, path: str) -> list[dict[str, str]]:
    return [{k.lower(): v for k, v in h.items()} for target, h in server.requests if target == path]


def test_default_directory_is_the_user_cache(server: LocalServer) -> None:
    cache = PageCache()
    fetch(server.url("/ok"), config=FAST, cache=cache)
    assert cache.directory == paths.http_cache_dir()
    assert list(paths.http_cache_dir().rglob("*.page"))


def test_etag_revalidation_serves_the_cached_body_on_304(server: LocalServer) -> None:
    cache = PageCache()
    first = fetch(server.url("/etag"), config=FAST, cache=cache)
    assert not first.from_cache and b"Version 1" in first.content
    second = fetch(server.url("/etag"), config=FAST, cache=cache)
    assert second.from_cache and not second.stale and second.notice is None
    assert second.content == first.content
    assert sent_headers(server, "/etag")[-1]["if-none-match"] == '"v1"'

    server.etag_version = 2
    third = fetch(server.url("/etag"), config=FAST, cache=cache)
    assert not third.from_cache and b"Version 2" in third.content
    assert cache.get(server.url("/etag")).content == third.content  # type: ignore[union-attr]


def test_last_modified_revalidation(server: LocalServer) -> None:
    cache = PageCache()
    first = fetch(server.url("/last-modified"), config=FAST, cache=cache)
    second = fetch(server.url("/last-modified"), config=FAST, cache=cache)
    assert second.from_cache and second.content == first.content
    assert sent_headers(server, "/last-modified")[-1]["if-modified-since"] == first_last_modified(cache, server)


def first_last_modified(cache: PageCache, server: LocalServer) -> str:
    page = cache.get(server.url("/last-modified"))
    assert page is not None and page.last_modified
    return page.last_modified


def test_pages_without_validators_are_fetched_again(server: LocalServer) -> None:
    cache = PageCache()
    fetch(server.url("/ok"), config=FAST, cache=cache)
    again = fetch(server.url("/ok"), config=FAST, cache=cache)
    assert not again.from_cache
    assert "if-none-match" not in sent_headers(server, "/ok")[-1]
    assert server.hits["/ok"] == 2


def test_network_failure_falls_back_to_the_cached_copy_with_a_notice() -> None:
    cache = PageCache()
    with LocalServer() as server:
        url = server.url("/ok")
        fetch(url, config=FAST, cache=cache)
    # The server is gone: the port now refuses connections.
    result = fetch(url, config=FAST, cache=cache)
    assert result.content == OK_PAGE
    assert result.from_cache and result.stale
    assert result.notice and "refused" in result.notice and "saved" in result.notice
    assert "\n" not in result.notice


def test_server_error_falls_back_too(server: LocalServer) -> None:
    cache = PageCache()
    fetch(server.url("/ok"), config=FAST, cache=cache)
    server.fail_status = 503
    result = fetch(server.url("/ok"), config=FAST, cache=cache)
    assert result.stale and result.content == OK_PAGE
    assert result.notice and "503" in result.notice


def test_a_page_that_is_gone_is_not_served_from_cache(server: LocalServer) -> None:
    cache = PageCache()
    fetch(server.url("/ok"), config=FAST, cache=cache)
    server.fail_status = 404
    with pytest.raises(FetchError) as info:
        fetch(server.url("/ok"), config=FAST, cache=cache)
    assert info.value.kind == "http_4xx"


def test_failure_without_a_cached_copy_still_raises() -> None:
    with pytest.raises(FetchError) as info:
        fetch(f"http://127.0.0.1:{closed_port()}/x", config=FAST, cache=PageCache())
    assert info.value.kind == "refused"


def test_offline_reads_only_the_cache(server: LocalServer) -> None:
    cache = PageCache()
    fetch(server.url("/ok"), config=FAST, cache=cache)
    hits = sum(server.hits.values())
    result = fetch(server.url("/ok"), config=FAST, cache=cache, offline=True)
    assert result.content == OK_PAGE and result.from_cache and not result.stale
    assert result.notice and result.notice.startswith("Offline")
    via_config = fetch(server.url("/ok"), config=NetConfig(offline=True), cache=cache)
    assert via_config.content == OK_PAGE
    assert sum(server.hits.values()) == hits  # no request at all


@pytest.mark.parametrize("with_cache", [True, False])
def test_offline_miss(server: LocalServer, with_cache: bool) -> None:
    with pytest.raises(FetchError) as info:
        fetch(server.url("/text"), config=FAST, cache=PageCache() if with_cache else None, offline=True)
    assert info.value.kind == "offline_miss"
    assert server.hits["/text"] == 0


def test_redirected_pages_are_found_under_both_addresses(server: LocalServer) -> None:
    cache = PageCache()
    fetch(server.url("/redirect/2"), config=FAST, cache=cache)
    for url in (server.url("/redirect/2"), server.url("/ok")):
        result = fetch(url, config=FAST, cache=cache, offline=True)
        assert (result.url, result.content) == (server.url("/ok"), OK_PAGE)


def test_fragment_does_not_split_entries(server: LocalServer) -> None:
    cache = PageCache()
    fetch(server.url("/ok#top"), config=FAST, cache=cache)
    assert fetch(server.url("/ok#comments"), config=FAST, cache=cache, offline=True).content == OK_PAGE


def page(url: str, body: bytes) -> CachedPage:
    return CachedPage(url=url, content=body, content_type="text/html", charset=None, status=200)


def test_truncated_or_foreign_files_are_misses(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "c")
    cache.put("http://a.example/", page("http://a.example/", b"<p>hello</p>" * 100))
    [entry] = list((tmp_path / "c").rglob("*.page"))
    data = entry.read_bytes()
    entry.write_bytes(data[:-10])
    assert cache.get("http://a.example/") is None
    entry.write_bytes(b"not a cache entry")
    assert cache.get("http://a.example/") is None
    entry.write_bytes(data)
    assert cache.get("http://a.example/") is not None


def test_prune_keeps_the_cache_within_budget(tmp_path: Path) -> None:
    cache = PageCache(tmp_path / "c", max_bytes=50_000)
    for i in range(20):
        cache.put(f"http://a.example/{i}", page(f"http://a.example/{i}", bytes([65 + i % 26]) * 10_000))
    assert cache.size() <= 50_000
    assert cache.get("http://a.example/19") is not None  # the newest survive
    assert cache.get("http://a.example/0") is None


def test_unwritable_cache_does_not_break_fetching(server: LocalServer, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = PageCache(blocker / "cache")
    assert fetch(server.url("/ok"), config=FAST, cache=cache).content == OK_PAGE
    assert cache.get(server.url("/ok")) is None


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.net.cache import CachedPage, PageCache

    cache = PageCache(Path(sys.argv[1]))
    body = sys.argv[2].encode() * 50_000
    for _ in range(int(sys.argv[3])):
        cache.put("http://shared.example/", CachedPage("http://shared.example/", body, "text/html", None, 200))
    """
)


def test_two_processes_writing_while_a_third_reads(tmp_path: Path) -> None:
    directory = tmp_path / "shared"
    cache = PageCache(directory)
    bodies = {b"A" * 50_000, b"B" * 50_000}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(directory), letter, "40"],
            cwd=Path(__file__).resolve().parents[1],
        )
        for letter in "AB"
    ]
    seen: set[bytes] = set()
    while any(w.poll() is None for w in writers):
        got = cache.get("http://shared.example/")
        if got is not None:
            assert got.content in bodies  # never a mix of two writes
            seen.add(got.content)
    assert [w.wait() for w in writers] == [0, 0]
    assert seen  # the reader did overlap with the writers
    final = cache.get("http://shared.example/")
    assert final is not None and final.content in bodies
    assert not list(directory.rglob("*.tmp"))
