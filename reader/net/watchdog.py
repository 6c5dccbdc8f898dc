"""A watchdog that cuts a fetch's connection at its deadline or when it is cancelled.

httpx timeouts apply to each read, so a server that dribbles a byte at a time,
or goes quiet after a while, could hold a fetch far past its total budget; and
a cancel Event checked between chunks is only seen once a chunk arrives. The
watchdog shuts the socket down from another thread, which wakes the blocked read.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

# How often a cancel Event is polled; only used when the caller passed one.
_POLL = 0.05


class Watchdog:
    """Guards one fetch: use as a context manager and pass :meth:`trace` as httpx's trace hook."""

    def __init__(self, deadline: float, cancel: threading.Event | None = None) -> None:
        self.deadline = deadline
        self.cancel = cancel
        self._lock = threading.Lock()
        self._stream: Any = None
        self._done = threading.Event()
        self._fired: str | None = None
        self._thread = threading.Thread(target=self._run, name="broadsheet-fetch-watchdog", daemon=True)

    @property
    def fired(self) -> str | None:
        """Why the connection was cut: "timeout", "cancelled" or None."""
        return self._fired

    def remaining(self) -> float:
        """Seconds left before the deadline (never negative)."""
        return max(0.0, self.deadline - time.monotonic())

    def check(self) -> str | None:
        """"cancelled" or "timeout" when the fetch must stop now, else None."""
        if self._fired:
            return self._fired
        if self.cancel is not None and self.cancel.is_set():
            return "cancelled"
        if time.monotonic() >= self.deadline:
            return "timeout"
        return None

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore trace hook: remember each new connection's stream so it can be cut."""
        if event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            stream = info.get("return_value")
            if stream is not None:
                self.watch(stream)

    def watch(self, stream: Any) -> None:
        """Cut this network stream (an httpcore NetworkStream) if the watchdog fires."""
        with self._lock:
            self._stream = stream
            fired = self._fired
        if fired:
            self._cut()

    def __enter__(self) -> Watchdog:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            wait = self.remaining()
            if self.cancel is not None:
                wait = min(wait, _POLL)
            if self._done.wait(wait):
                return
            reason = self.check()
            if reason:
                with self._lock:
                    self._fired = reason
                self._cut()
                return

    def _cut(self) -> None:
        with self._lock:
            stream = self._stream
        if stream is None:
            return
        try:
            sock = stream.get_extra_info("socket")
            if isinstance(sock, socket.socket):
                # The base-class call also works on an SSLSocket and wakes a blocked recv.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except (OSError, AttributeError, ValueError):
            pass  # already closed: nothing is blocked on it
