"""FetchResult: the bytes of a fetched page and what is known about them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FetchResult:
    """A page fetched from the network or the cache.

    ``url`` is the final address after redirects; ``content`` the decompressed
    body; ``content_type`` the media type without parameters (sniffed when the
    server sent none), ``charset`` the one the HTTP header declared (a Python
    codec name) or None. ``from_cache`` is true when the bytes come from the
    page cache (a 304 revalidation, offline mode or a fallback); ``stale`` is
    true only when the network failed and an older copy is shown, in which
    case ``notice`` holds one line to show the user.
    """

    url: str
    content: bytes
    content_type: str
    charset: str | None
    status: int
    from_cache: bool = False
    stale: bool = False
    notice: str | None = None
