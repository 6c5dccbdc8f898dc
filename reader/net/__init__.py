"""Fetching pages over HTTP(S): robust downloads, an on-disk page cache and background prefetch.

Importing this package is cheap; httpx is imported by the first fetch.
"""

from __future__ import annotations

from reader.net.cache import CachedPage, PageCache
from reader.net.errors import FetchError, FetchErrorKind
from reader.net.fetch import fetch
from reader.net.prefetch import Prefetcher
from reader.net.result import FetchResult

__all__ = [
    "CachedPage",
    "FetchError",
    "FetchErrorKind",
    "FetchResult",
    "PageCache",
    "Prefetcher",
    "fetch",
]
