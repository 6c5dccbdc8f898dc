"""Reads what the user asked to open: a file, stdin, or a URL (through reader.net)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.config import NetConfig

#: Pages bigger than this are refused before extraction (the fetcher has its own cap).
MAX_FILE_BYTES = 64 * 1024 * 1024


class SourceError(Exception):
    """A source that cannot be read; ``str(error)`` is one line for the user.

    ``kind`` is the fetch failure kind for URLs (e.g. "wrong_type", for which the
    app offers to open ``url`` in the browser), else "file".
    """

    def __init__(self, message: str, *, kind: str = "file", url: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url


@dataclass(frozen=True)
class Loaded:
    """The raw page and what is known about where it came from."""

    content: bytes
    url: str | None
    charset: str | None = None
    notice: str | None = None
    content_type: str | None = None


def is_url(source: str) -> bool:
    """True for http(s) URLs."""
    return urlsplit(source.strip()).scheme.lower() in ("http", "https")


def local_path(source: str) -> Path | None:
    """The filesystem path a source names (plain path or file:// URL), else None."""
    parts = urlsplit(source)
    if parts.scheme.lower() == "file":
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:
        return None
    return Path(source).expanduser()


def read_file(path: Path) -> Loaded:
    """A local file; its URL is its file:// URI, so relative links resolve beside it."""
    try:
        if path.is_dir():
            raise SourceError(f"{path}: is a folder, not a page")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError(f"{path}: too big to be a page ({size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return Loaded(data, path.resolve().as_uri())


def read_stdin(limit: int = MAX_FILE_BYTES) -> Loaded:
    """Standard input, up to ``limit`` bytes."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or sys.stdin.closed:
        raise SourceError("-: no standard input to read")
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise SourceError(f"-: too big to be a page (over {limit // (1024 * 1024)} MB)")
    return Loaded(data, None)


def load_source(source: str, *, config: NetConfig | None = None, offline: bool = False) -> Loaded:
    """Read ``source``: "-" for stdin, an http(s) URL, a file:// URL or a path."""
    if source == "-":
        return read_stdin()
    if is_url(source):
        return fetch_url(source, config=config, offline=offline)
    path = local_path(source)
    if path is None:
        scheme = urlsplit(source).scheme
        raise SourceError(f"{source}: {scheme}: links are not supported (http, https or a file)")
    return read_file(path)


def fetch_url(url: str, *, config: NetConfig | None = None, offline: bool = False) -> Loaded:
    """Fetch a URL with the page cache; network failures become SourceError."""
    from reader import paths
    from reader.net import FetchError, PageCache, fetch

    try:
        cache = PageCache(paths.http_cache_dir())
        result = fetch(url, config=config or NetConfig(), cache=cache, offline=offline)
    except FetchError as exc:
        raise SourceError(str(exc), kind=exc.kind, url=exc.url or url) from None
    return Loaded(result.content, result.url, result.charset, result.notice, result.content_type)
