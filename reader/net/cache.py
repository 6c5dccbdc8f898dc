"""PageCache: fetched pages on disk, one file per URL, safe with several processes at once.

Each entry is a single file (a JSON header line, then the body) written to a
temp file and moved into place with ``os.replace``, so a reader in another
process sees the old entry or the new one, never a mix. The file's mtime is
when the copy was last confirmed by the server; old entries are pruned
beyond a size budget.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

from reader import paths

log = logging.getLogger(__name__)

_MAGIC = b"BROADSHEET-PAGE 1\n"
_MAX_HEADER = 64 * 1024
_TMP_SUFFIX = ".tmp"
_STALE_TMP_AGE = 3600.0


@dataclass(frozen=True)
class CachedPage:
    """One cached page: the final URL, body and the validators to revalidate it."""

    url: str
    content: bytes
    content_type: str
    charset: str | None
    status: int
    etag: str | None = None
    last_modified: str | None = None
    stored_at: float = 0.0  # when it was downloaded (epoch seconds)
    checked_at: float = 0.0  # when the server last confirmed it (epoch seconds)

    def validators(self) -> dict[str, str]:
        """Conditional-request headers for revalidating this copy."""
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def cache_key(url: str) -> str:
    """The file-name key of ``url`` (the fragment is never sent, so it is ignored)."""
    return hashlib.sha256(urldefrag(url.strip())[0].encode("utf-8", "surrogatepass")).hexdigest()


class PageCache:
    """Pages on disk under ``directory`` (default: ``reader.paths.http_cache_dir()``).

    Every method is best effort: disk errors are logged, never raised, since a
    missing cache only costs a download.
    """

    def __init__(self, directory: Path | None = None, *, max_bytes: int = 256 * 1024 * 1024) -> None:
        self._directory = directory
        self.max_bytes = max_bytes

    @property
    def directory(self) -> Path:
        """Where entries live (resolved on first use, so tests can point paths elsewhere)."""
        if self._directory is None:
            self._directory = paths.http_cache_dir()
        return self._directory

    def _path(self, url: str) -> Path:
        key = cache_key(url)
        return self.directory / key[:2] / f"{key[2:]}.page"

    def get(self, url: str) -> CachedPage | None:
        """The cached copy of ``url`` (following a stored redirect), or None."""
        entry = self._load(url)
        if entry is None:
            return None
        meta, body, mtime = entry
        alias = meta.get("alias")
        if isinstance(alias, str):
            target = self._load(alias)
            if target is None or "alias" in target[0]:
                return None
            meta, body, mtime = target
        try:
            return CachedPage(
                url=str(meta["url"]),
                content=body,
                content_type=str(meta["content_type"]),
                charset=meta.get("charset") if isinstance(meta.get("charset"), str) else None,
                status=int(meta["status"]),
                etag=meta.get("etag") if isinstance(meta.get("etag"), str) else None,
                last_modified=meta.get("last_modified") if isinstance(meta.get("last_modified"), str) else None,
                stored_at=float(meta.get("stored_at", mtime)),
                checked_at=mtime,
            )
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, url: str, page: CachedPage) -> None:
        """Store ``page`` fetched from ``url``; when it was redirected, ``url`` points to ``page.url``."""
        meta = asdict(page)
        del meta["content"], meta["checked_at"]
        meta["stored_at"] = page.stored_at or time.time()
        self._write(page.url, meta, page.content)
        if cache_key(url) != cache_key(page.url):
            self._write(url, {"url": url, "alias": page.url}, b"")
        self.prune()

    def touch(self, url: str) -> None:
        """Record that the server just confirmed the copy of ``url`` (a 304 answer)."""
        for candidate in (url, *self._alias_target(url)):
            with contextlib.suppress(OSError):
                os.utime(self._path(candidate))

    def delete(self, url: str) -> None:
        """Forget ``url`` (and the page it redirects to)."""
        for candidate in (*self._alias_target(url), url):
            with contextlib.suppress(OSError):
                self._path(candidate).unlink()

    def clear(self) -> None:
        """Remove every entry."""
        for path, _size, _mtime in self._entries():
            with contextlib.suppress(OSError):
                path.unlink()

    def size(self) -> int:
        """Bytes used by all entries."""
        return sum(size for _path, size, _mtime in self._entries())

    def prune(self) -> None:
        """Drop the least recently confirmed entries until the cache fits in ``max_bytes``."""
        entries = self._entries()
        total = sum(size for _path, size, _mtime in entries)
        if total <= self.max_bytes:
            return
        # Down to 80 % so a full cache is not pruned again on every put.
        goal = self.max_bytes * 0.8
        for path, size, _mtime in sorted(entries, key=lambda e: e[2]):
            if total <= goal:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size

    def _alias_target(self, url: str) -> list[str]:
        entry = self._load(url)
        alias = entry[0].get("alias") if entry else None
        return [alias] if isinstance(alias, str) else []

    def _load(self, url: str) -> tuple[dict[str, Any], bytes, float] | None:
        path = self._path(url)
        try:
            with path.open("rb") as handle:
                mtime = os.fstat(handle.fileno()).st_mtime
                if handle.read(len(_MAGIC)) != _MAGIC:
                    return None
                header = handle.readline(_MAX_HEADER)
                meta = json.loads(header)
                body = handle.read()
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.debug("unreadable cache entry %s: %s", path, exc)
            return None
        if not isinstance(meta, dict) or cache_key(str(meta.get("url", ""))) != cache_key(url):
            return None
        if meta.get("length") != len(body):
            return None  # cut short (a crash before the data reached the disk)
        return meta, body, mtime

    def _write(self, url: str, meta: dict[str, Any], body: bytes) -> None:
        path = self._path(url)
        meta = {**meta, "length": len(body)}
        header = json.dumps(meta, ensure_ascii=True).encode("ascii") + b"\n"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=_TMP_SUFFIX)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_MAGIC + header)
                    handle.write(body)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            log.debug("cannot write cache entry %s: %s", path, exc)

    def _entries(self) -> list[tuple[Path, int, float]]:
        found: list[tuple[Path, int, float]] = []
        now = time.time()
        try:
            buckets = list(os.scandir(self.directory))
        except OSError:
            return found
        for bucket in buckets:
            if not bucket.is_dir(follow_symlinks=False):
                continue
            try:
                files = list(os.scandir(bucket.path))
            except OSError:
                continue
            for item in files:
                try:
                    info = item.stat(follow_symlinks=False)
                except OSError:
                    continue
                if item.name.endswith(_TMP_SUFFIX):
                    # Left behind by a process that died mid-write.
                    if now - info.st_mtime > _STALE_TMP_AGE:
                        with contextlib.suppress(OSError):
                            os.unlink(item.path)
                    continue
                if item.name.endswith(".page"):
                    found.append((Path(item.path), info.st_size, info.st_mtime))
        return found
