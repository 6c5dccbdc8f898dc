"""fetch(): a page by URL, through the page cache, with offline mode and stale fallback."""

from __future__ import annotations

import threading
import time

from reader.config import NetConfig
from reader.net.cache import CachedPage, PageCache
from reader.net.download import check_url, download
from reader.net.errors import FALLBACK_KINDS, FetchError
from reader.net.result import FetchResult


def fetch(
    url: str,
    *,
    config: NetConfig | None = None,
    cache: PageCache | None = None,
    offline: bool = False,
    cancel: threading.Event | None = None,
) -> FetchResult:
    """Fetch ``url`` (http or https); raises :class:`FetchError`, whose message is one line.

    With a ``cache``, a cached copy is revalidated (ETag / Last-Modified; a 304
    answer serves the cached bytes), a new copy is stored, and when the network
    or server fails the cached copy is returned with ``stale`` set and a
    ``notice``. ``offline`` (or ``config.offline``) reads only the cache and
    raises ``offline_miss`` when the page is not there. ``cancel`` stops the
    download promptly (kind ``cancelled``). Safe to call from any thread.
    """
    config = config or NetConfig()
    url = check_url(url)
    if offline or config.offline:
        return _offline(url, cache)
    cached = cache.get(url) if cache is not None else None
    try:
        got = download(url, config, validators=cached.validators() if cached else None, cancel=cancel)
    except FetchError as exc:
        if cached is None or exc.kind not in FALLBACK_KINDS:
            raise
        return _from_cache(
            cached,
            stale=True,
            notice=f"{exc.message.rstrip('.')}; showing the copy saved {_when(cached)}.",
        )
    if got.not_modified and cached is not None and cache is not None:
        cache.touch(url)
        return _from_cache(cached, stale=False, notice=None)
    if cache is not None:
        now = time.time()
        cache.put(
            url,
            CachedPage(
                url=got.url,
                content=got.content,
                content_type=got.content_type,
                charset=got.charset,
                status=got.status,
                etag=got.etag,
                last_modified=got.last_modified,
                stored_at=now,
                checked_at=now,
            ),
        )
    return FetchResult(
        url=got.url,
        content=got.content,
        content_type=got.content_type,
        charset=got.charset,
        status=got.status,
    )


def _offline(url: str, cache: PageCache | None) -> FetchResult:
    cached = cache.get(url) if cache is not None else None
    if cached is None:
        raise FetchError(
            "offline_miss", "Offline, and there is no saved copy of this page.", url=url
        )
    return _from_cache(cached, stale=False, notice=f"Offline: showing the copy saved {_when(cached)}.")


def _from_cache(page: CachedPage, *, stale: bool, notice: str | None) -> FetchResult:
    return FetchResult(
        url=page.url,
        content=page.content,
        content_type=page.content_type,
        charset=page.charset,
        status=page.status,
        from_cache=True,
        stale=stale,
        notice=notice,
    )


def _when(page: CachedPage) -> str:
    moment = page.checked_at or page.stored_at
    if not moment:
        return "earlier"
    local = time.localtime(moment)
    if time.strftime("%Y-%m-%d", local) == time.strftime("%Y-%m-%d"):
        return time.strftime("at %H:%M today", local)
    return time.strftime("on %Y-%m-%d %H:%M", local)

__all__ = ["FetchError", "FetchResult", "fetch"]
