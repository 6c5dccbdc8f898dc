"""Prefetcher: fetch (and process) the next pages a reader may open, in the background."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar, overload
from urllib.parse import urldefrag

from reader.config import NetConfig
from reader.net.cache import PageCache
from reader.net.errors import FetchError
from reader.net.fetch import fetch
from reader.net.result import FetchResult

log = logging.getLogger(__name__)

T = TypeVar("T")

# Added to the niceness of worker threads (Linux applies it per thread), so the
# foreground keeps the CPU when both want it.
_NICENESS = 10


def _key(url: str) -> str:
    # The fragment never reaches the server: "page#comments" is "page".
    return urldefrag(url.strip())[0]


def _identity(result: FetchResult) -> FetchResult:
    return result


class _Batch:
    """The URLs queued by one :meth:`Prefetcher.start` call, cancelled together."""

    def __init__(self) -> None:
        self.cancel = threading.Event()
        self.queue: deque[str] = deque()
        self.running = 0


class Prefetcher(Generic[T]):
    """Fetches the first related stories in background threads and keeps the results.

    ``process`` turns each :class:`FetchResult` into what the app wants ready
    (e.g. an extracted Article), also in the background; results live in a small
    in-memory LRU read with :meth:`get`. :meth:`start` replaces the previous
    batch, :meth:`cancel` stops it (on navigation). Nothing here raises into the
    caller: failed pages are simply not stored, so opening them later fetches
    again and shows the real error.
    """

    @overload
    def __init__(
        self: Prefetcher[FetchResult],
        process: None = None,
        *,
        config: NetConfig | None = None,
        cache: PageCache | None = None,
        capacity: int = 16,
    ) -> None: ...

    @overload
    def __init__(
        self,
        process: Callable[[FetchResult], T],
        *,
        config: NetConfig | None = None,
        cache: PageCache | None = None,
        capacity: int = 16,
    ) -> None: ...

    def __init__(
        self,
        process: Callable[[FetchResult], T] | None = None,
        *,
        config: NetConfig | None = None,
        cache: PageCache | None = None,
        capacity: int = 16,
    ) -> None:
        self._process: Callable[[FetchResult], T] = process or _identity  # type: ignore[assignment]
        self.config = config or NetConfig()
        self.cache = cache
        self.capacity = max(1, capacity)
        self._lock = threading.Condition()
        self._results: OrderedDict[str, T] = OrderedDict()
        self._inflight: dict[str, threading.Event] = {}
        self._batch = _Batch()
        self._workers: list[threading.Thread] = []
        self._closed = False

    def start(self, urls: Iterable[str], *, limit: int | None = None) -> None:
        """Cancel the current batch and prefetch the first ``limit`` URLs (default: config.prefetch).

        URLs already prefetched are not fetched again (they still count towards the limit).
        """
        limit = self.config.prefetch if limit is None else limit
        wanted = list(dict.fromkeys(_key(u) for u in urls if isinstance(u, str)))[: max(0, limit)]
        with self._lock:
            if self._closed:
                return
            self._drop(self._batch)
            self._batch = batch = _Batch()
            batch.queue.extend(u for u in wanted if u not in self._results)
            self._ensure_workers()
            self._lock.notify_all()

    def get(self, url: str, timeout: float = 0.0) -> T | None:
        """The processed result for ``url`` if prefetched; waits up to ``timeout`` s if it is under way."""
        url = _key(url)
        with self._lock:
            if url in self._results:
                self._results.move_to_end(url)
                return self._results[url]
            pending = self._inflight.get(url)
            if pending is None and timeout > 0 and url in self._batch.queue:
                pending = self._inflight.setdefault(url, threading.Event())
        if pending is not None and timeout > 0:
            pending.wait(timeout)
            with self._lock:
                return self._results.get(url)
        return None

    def cancel(self) -> None:
        """Stop the current batch: queued URLs are dropped and running downloads cut."""
        with self._lock:
            self._drop(self._batch)
            self._lock.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the current batch is finished or cancelled; False on timeout."""
        with self._lock:
            batch = self._batch
            return self._lock.wait_for(lambda: not batch.queue and batch.running == 0, timeout)

    def discard(self, url: str) -> None:
        """Forget the stored result for ``url``."""
        with self._lock:
            self._results.pop(_key(url), None)

    def close(self, timeout: float = 1.0) -> None:
        """Cancel everything and stop the worker threads (waiting at most ``timeout`` s for each)."""
        with self._lock:
            self._closed = True
            self._drop(self._batch)
            self._lock.notify_all()
            workers = list(self._workers)
        for worker in workers:
            worker.join(timeout=timeout)

    def _drop(self, batch: _Batch) -> None:
        """Cancel ``batch``; wake anyone waiting in :meth:`get` for a URL it will now never fetch."""
        batch.cancel.set()
        for url in batch.queue:
            waiting = self._inflight.pop(url, None)
            if waiting is not None:
                waiting.set()
        batch.queue.clear()

    def _ensure_workers(self) -> None:
        wanted = max(1, self.config.prefetch_concurrency)
        self._workers = [w for w in self._workers if w.is_alive()]
        while len(self._workers) < wanted:
            worker = threading.Thread(target=self._work, name="broadsheet-prefetch", daemon=True)
            self._workers.append(worker)
            worker.start()

    def _work(self) -> None:
        _lower_priority()
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._closed or bool(self._batch.queue))
                if self._closed:
                    return
                batch = self._batch
                url = batch.queue.popleft()
                batch.running += 1
                done = self._inflight.setdefault(url, threading.Event())
            try:
                self._one(url, batch)
            finally:
                with self._lock:
                    batch.running -= 1
                    if self._inflight.get(url) is done:
                        del self._inflight[url]
                    done.set()
                    self._lock.notify_all()

    def _one(self, url: str, batch: _Batch) -> None:
        try:
            result = fetch(url, config=self.config, cache=self.cache, cancel=batch.cancel)
            if batch.cancel.is_set() or result.stale:
                # A stale copy is not kept: opening the page fetches again and shows its notice.
                return
            value = self._process(result)
        except FetchError as exc:
            log.debug("prefetch of %s failed: %s", url, exc)
            return
        except Exception:
            # A crash in the processing step must not kill the worker or reach the UI.
            log.debug("prefetch processing of %s failed", url, exc_info=True)
            return
        with self._lock:
            for key in dict.fromkeys((url, _key(result.url))):
                self._results[key] = value
                self._results.move_to_end(key)
            while len(self._results) > self.capacity:
                self._results.popitem(last=False)


def _lower_priority() -> None:
    if not hasattr(os, "setpriority") or not hasattr(threading, "get_native_id"):
        return
    with contextlib.suppress(OSError):
        current = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, current + _NICENESS))
