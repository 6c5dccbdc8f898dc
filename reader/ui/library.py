"""The app's one Library, opened lazily off the UI thread, with every call run in order by workers."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from textual.app import App

    from reader.storage import Library

T = TypeVar("T")


@dataclass(eq=False)
class _Job:
    asker: MessagePump
    work: Callable[[Library], Any]
    then: Callable[[Any], object] | None
    key: str | None
    quiet: bool
    superseded: bool = field(default=False)


class LibraryBridge:
    """Owns the app's :class:`~reader.storage.Library`; the UI thread never touches SQLite.

    :meth:`call` queues ``work(library)``; a thread worker runs queued calls one at a
    time in the order they were made (so "delete, then undo" cannot swap), and the
    result is handed to ``then`` on the UI thread by a callback message posted to the
    asker (dropped when the asker has gone). A call made with a ``key`` replaces a call
    with the same key still waiting (typing a filter queues one search, not one per
    letter). The library is opened by the first call, in the worker; a damaged file's
    notice is shown once; a library that cannot be opened is reported once, and later
    calls say only that bookmarks are unavailable (quiet ones say nothing).
    """

    def __init__(self, app: App[Any], path: Path | None = None) -> None:
        self.app = app
        self.path = path
        self._library: Library | None = None
        self._failed: str | None = None
        self._jobs: deque[_Job] = deque()
        self._waiting: dict[str, _Job] = {}
        self._queue_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._closed = False

    def call(self, asker: MessagePump, work: Callable[[Library], T],
             then: Callable[[T], object] | None = None, *, key: str | None = None,
             quiet: bool = False) -> None:
        """Run ``work(library)`` off the UI thread, then ``then(result)`` on it.

        ``asker`` is the widget or screen the answer is for (it is dropped when that has
        gone). A failure is one error notification, or nothing when ``quiet``.
        """
        if self._closed:
            return
        job = _Job(asker, work, then, key, quiet)
        with self._queue_lock:
            if key is not None:
                old = self._waiting.get(key)
                if old is not None:
                    old.superseded = True
                self._waiting[key] = job
            self._jobs.append(job)
        self.app.run_worker(self._drain, name="library", group="library", thread=True)

    def library_now(self) -> Library | None:
        """The library if it is open (for the last writes on exit), else None."""
        return self._library

    def close(self) -> None:
        """Close the library (on exit); later calls are ignored."""
        self._closed = True
        with self._run_lock:
            if self._library is not None:
                self._library.close()
                self._library = None

    # -- the worker side -------------------------------------------------------------------

    def _open(self) -> Library | None:
        if self._library is not None or self._failed is not None:
            return self._library
        from reader.storage import Library, LibraryError

        try:
            self._library = Library(self.path)
        except LibraryError as exc:
            self._failed = str(exc)
            self._notify(f"Bookmarks and history are off: {exc}", "error")
            return None
        if self._library.notice:
            self._notify(self._library.notice, "warning")
        return self._library

    def _drain(self) -> None:
        # Each call starts a worker, and each worker runs every waiting job: a worker that
        # never starts (the app is closing) leaves nothing stuck, and order is kept.
        from reader.storage import LibraryError

        with self._run_lock:
            while True:
                with self._queue_lock:
                    if not self._jobs:
                        return
                    job = self._jobs.popleft()
                    if job.key is not None and self._waiting.get(job.key) is job:
                        del self._waiting[job.key]
                if job.superseded or self._closed:
                    continue
                library = self._open()
                if library is None:
                    if not job.quiet:
                        self._notify(f"Bookmarks are unavailable: {self._failed}", "warning")
                    continue
                try:
                    value = job.work(library)
                except LibraryError as exc:
                    if not job.quiet:
                        self._notify(str(exc), "error")
                    continue
                except Exception as exc:  # a bug must not take the reading down with it
                    self._notify(f"Bookmarks: {type(exc).__name__}: {exc}", "error")
                    continue
                if job.then is not None:
                    job.asker.call_later(job.then, value)

    def _notify(self, text: str, severity: str) -> None:
        self.app.call_later(self.app.notify, text, title="Library", severity=severity,
                            markup=False, timeout=10)

