"""Prefetcher against a real HTTP server: limits, concurrency, background processing, cancel."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from httpserver import OK_PAGE, LocalServer, closed_port, page

from reader.config import NetConfig
from reader.net import FetchResult, PageCache, Prefetcher, fetch

FAST = NetConfig(connect_timeout=0.5, timeout=2.0)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


def stories(server: LocalServer, count: int) -> list[str]:
    return [server.add(f"/story/{i}", page(f"Story {i}", f"Text of story {i}.")) for i in range(count)]


def test_first_five_are_fetched_and_processed_in_the_background(server: LocalServer) -> None:
    urls = stories(server, 7)
    threads: set[str] = set()

    def title(result: FetchResult) -> str:
        threads.add(threading.current_thread().name)
        return result.content.split(b"<title>")[1].split(b"</title>")[0].decode()

    prefetcher = Prefetcher(title, config=FAST)
    prefetcher.start(urls)
    assert prefetcher.wait(timeout=5)
    assert [prefetcher.get(u) for u in urls] == [f"Story {i}" for i in range(5)] + [None, None]
    assert sum(server.hits[f"/story/{i}"] for i in range(7)) == 5
    assert threads and threading.current_thread().name not in threads
    prefetcher.close()


def test_at_most_three_at_a_time() -> None:
    with LocalServer(delay=0.2) as server:
        urls = stories(server, 5)
        prefetcher = Prefetcher(config=FAST)
        prefetcher.start(urls)
        assert prefetcher.wait(timeout=5)
        assert server.max_active == 3
        assert all(isinstance(prefetcher.get(u), FetchResult) for u in urls)
        prefetcher.close()


def test_limit_and_concurrency_come_from_config(server: LocalServer) -> None:
    urls = stories(server, 4)
    prefetcher = Prefetcher(config=NetConfig(prefetch=2, prefetch_concurrency=1))
    prefetcher.start(urls)
    assert prefetcher.wait(timeout=5)
    assert [prefetcher.get(u) is not None for u in urls] == [True, True, False, False]
    assert server.max_active == 1
    prefetcher.close()


def test_cancel_stops_the_batch(server: LocalServer) -> None:
    urls = [server.url(f"/slow?s=5&n={i}") for i in range(5)]
    prefetcher = Prefetcher(config=NetConfig(timeout=10.0))
    prefetcher.start(urls)
    deadline = time.monotonic() + 2
    while server.hits["/slow"] < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    prefetcher.cancel()
    assert prefetcher.wait(timeout=2)
    assert time.monotonic() - started < 1.5  # running downloads were cut, not waited for
    time.sleep(0.1)
    assert server.hits["/slow"] == 3  # the two queued URLs were never requested
    assert all(prefetcher.get(u) is None for u in urls)
    prefetcher.close()


def test_start_replaces_the_previous_batch(server: LocalServer) -> None:
    slow = [server.url(f"/slow?s=5&n={i}") for i in range(5)]
    fresh = stories(server, 2)
    prefetcher = Prefetcher(config=NetConfig(timeout=10.0))
    prefetcher.start(slow)
    prefetcher.start(fresh)
    assert prefetcher.wait(timeout=3)
    assert all(prefetcher.get(u) is not None for u in fresh)
    assert server.hits["/slow"] <= 3
    prefetcher.close()


def test_failures_never_reach_the_caller(server: LocalServer) -> None:
    urls = [server.url("/status/404"), f"http://127.0.0.1:{closed_port()}/", "not a url", server.url("/image"), server.url("/ok")]

    def explode(result: FetchResult) -> int:
        raise RuntimeError("extraction crashed")

    prefetcher = Prefetcher(explode, config=FAST)
    prefetcher.start(urls)
    assert prefetcher.wait(timeout=5)
    assert all(prefetcher.get(u) is None for u in urls)
    # The workers survived: the next batch still works.
    good = Prefetcher(config=FAST)
    good.start([server.url("/ok")])
    assert good.wait(timeout=5) and good.get(server.url("/ok")) is not None
    prefetcher.close()
    good.close()


def test_get_can_wait_for_a_download_under_way(server: LocalServer) -> None:
    url = server.url("/slow?s=0.3")
    prefetcher = Prefetcher(config=FAST)
    prefetcher.start([url])
    assert prefetcher.get(url) is None  # not there yet, and no wait asked
    result = prefetcher.get(url, timeout=3)
    assert result is not None and result.content == OK_PAGE
    prefetcher.close()


def test_lru_keeps_the_most_recent(server: LocalServer) -> None:
    urls = stories(server, 3)
    prefetcher = Prefetcher(config=NetConfig(prefetch_concurrency=1), capacity=2)
    prefetcher.start(urls)
    assert prefetcher.wait(timeout=5)
    assert [prefetcher.get(u) is not None for u in urls] == [False, True, True]
    prefetcher.close()


def test_results_are_found_under_the_final_url_and_cached_on_disk(server: LocalServer) -> None:
    cache = PageCache()
    prefetcher = Prefetcher(config=FAST, cache=cache)
    prefetcher.start([server.url("/redirect/2")])
    assert prefetcher.wait(timeout=5)
    assert prefetcher.get(server.url("/ok")) is not None
    assert fetch(server.url("/redirect/2"), cache=cache, offline=True).content == OK_PAGE
    prefetcher.close()


def test_already_prefetched_urls_are_not_fetched_again(server: LocalServer) -> None:
    urls = stories(server, 3)
    prefetcher = Prefetcher(config=NetConfig(prefetch=2))
    prefetcher.start(urls)
    assert prefetcher.wait(timeout=5)
    prefetcher.start([urls[0], urls[0], *urls])  # duplicates and done URLs still count
    assert prefetcher.wait(timeout=5)
    assert [server.hits[f"/story/{i}"] for i in range(3)] == [1, 1, 0]
    prefetcher.close()


def test_stale_copies_are_not_kept() -> None:
    cache = PageCache()
    with LocalServer() as server:
        url = server.url("/ok")
        fetch(url, config=FAST, cache=cache)
    prefetcher = Prefetcher(config=FAST, cache=cache)
    prefetcher.start([url])
    assert prefetcher.wait(timeout=5)
    assert prefetcher.get(url) is None
    assert fetch(url, config=FAST, cache=cache).stale  # the jump itself shows the notice
    prefetcher.close()


def prefetch_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "broadsheet-prefetch")


def test_close_stops_the_workers(server: LocalServer) -> None:
    before = prefetch_threads()
    urls = stories(server, 2)
    prefetcher = Prefetcher(config=FAST)
    prefetcher.start(urls[:1])
    assert prefetcher.wait(timeout=5)
    assert prefetch_threads() == before + 3
    prefetcher.close()
    assert prefetch_threads() == before
    prefetcher.start(urls[1:])  # ignored once closed
    time.sleep(0.1)
    assert server.hits["/story/1"] == 0
    assert prefetcher.get(urls[0]) is not None  # what was fetched stays readable


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="thread niceness is a POSIX feature")
def test_workers_run_at_lower_priority(server: LocalServer) -> None:
    seen: list[int] = []

    def niceness(result: FetchResult) -> int:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return seen[-1]

    prefetcher = Prefetcher(niceness, config=FAST)
    prefetcher.start(stories(server, 1))
    assert prefetcher.wait(timeout=5)
    prefetcher.close()
    main = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert seen and (seen[0] > main or main == 19)


def test_fragments_do_not_matter(server: LocalServer) -> None:
    [url] = stories(server, 1)
    prefetcher = Prefetcher(config=FAST)
    prefetcher.start([url + "#top"])
    assert prefetcher.wait(timeout=5)
    assert prefetcher.get(url) is not None and prefetcher.get(url + "#comments") is not None
    prefetcher.close()
