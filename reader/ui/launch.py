"""Starting the app fast: the first page is read and extracted in a forked process while Textual loads.

Importing the extraction stack costs about as much as importing Textual; on a
machine with two cores the two can happen at once. This module imports neither.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import threading
from collections.abc import Iterable

from reader.config import Config
from reader.ui.loader import STDIN, LoadError, Page, load_page, normalise_source


class Preload:
    """The first page, being loaded by a child process; :meth:`result` waits for it."""

    def __init__(self, source: str, pid: int, fd: int) -> None:
        self.source = source
        self._pid = pid
        self._fd = fd
        self._lock = threading.Lock()
        self._done = False

    def ready(self, timeout: float) -> bool:
        """True when the child has answered (or died), waiting at most ``timeout`` seconds."""
        with self._lock:
            if self._done:
                return True
            try:
                readable, _, _ = select.select([self._fd], [], [], timeout)
            except (OSError, ValueError):
                return True  # result() will tell what went wrong
            return bool(readable)

    def result(self) -> Page | None:
        """The page (raises LoadError as the load did); None when the child failed to answer."""
        with self._lock:
            if self._done:
                return None
            self._done = True
            chunks = []
            try:
                while chunk := os.read(self._fd, 1 << 20):
                    chunks.append(chunk)
            finally:
                os.close(self._fd)
                os.waitpid(self._pid, 0)
        try:
            kind, value = pickle.loads(b"".join(chunks))
        except Exception:  # the child died before answering: load the page here instead
            return None
        if kind == "error":
            raise LoadError(str(value))
        return value if isinstance(value, Page) else None


def start_preload(source: str, config: Config, *, offline: bool = False) -> Preload | None:
    """Fork a child that loads ``source``; None where fork is not available or not safe."""
    if not hasattr(os, "fork") or source == STDIN or threading.active_count() > 1:
        return None
    source = normalise_source(source)
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: load, answer through the pipe, and leave without cleanup
        code = 0
        try:
            os.close(read_fd)
            try:
                # Entities are left to the parent, after the first paint: their
                # import and scan would only delay the body.
                page = load_page(source, config, offline=offline, entities=False)
                payload: tuple[str, object] = ("page", page)
            except LoadError as exc:
                payload = ("error", str(exc))
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(write_fd, view):]
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return Preload(source, pid, read_fd)


def run(*, source: str | None = None, content: bytes | None = None,
        config: Config | None = None, problems: Iterable[str] = (),
        offline: bool = False) -> int:
    """Start the preload, then import and run the app; returns the exit status."""
    # Imports and the first frame allocate much and free little: collections there are
    # wasted time (~5% of the imports). The app turns it back on after its first frame;
    # the child, which extracts one page and exits, leaves it off.
    gc.disable()
    found = list(problems)
    if config is None:
        from reader.config import load_config

        config, more = load_config()
        found.extend(more)
    preload = start_preload(source, config, offline=offline) if source and content is None else None
    from reader.ui.app import create_app

    app = create_app(source=source, content=content, config=config, problems=found,
                     offline=offline, preload=preload)
    app.run()
    return int(app.return_code or 0)
