"""FetchError: every way a fetch can fail, as a kind plus one line for the user."""

from __future__ import annotations

from typing import Literal

FetchErrorKind = Literal[
    "dns",
    "refused",
    "timeout",
    "tls",
    "network",
    "http_4xx",
    "http_5xx",
    "bad_response",
    "redirect_loop",
    "too_many_redirects",
    "too_big",
    "wrong_type",
    "empty",
    "offline_miss",
    "invalid_url",
    "cancelled",
]

#: Failures of the network or the server, where showing a cached copy is better than nothing.
FALLBACK_KINDS: frozenset[str] = frozenset(
    {"dns", "refused", "timeout", "tls", "network", "http_5xx", "bad_response"}
)


class FetchError(Exception):
    """A fetch that failed; ``str(error)`` is one line meant for the user.

    ``kind`` says what went wrong (see :data:`FetchErrorKind`); ``url`` is the
    address concerned (for ``wrong_type`` the final one, so the app can offer
    "open in browser"); ``status`` is the HTTP status when there was one;
    ``content_type`` is set for ``wrong_type``.
    """

    def __init__(
        self,
        kind: FetchErrorKind,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        content_type: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind: FetchErrorKind = kind
        self.message = message
        self.url = url
        self.status = status
        self.content_type = content_type

    def __repr__(self) -> str:
        return f"FetchError({self.kind!r}, {self.message!r}, url={self.url!r})"
