"""The one-line messages fetch failures show the user."""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlsplit

from reader.core.sanitize import clean_text
from reader.net.errors import FetchError

_MAX_SHOWN = 90


def shown(text: str) -> str:
    """``text`` made safe for a terminal and short enough for one line."""
    text = clean_text(text)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1] + "…"
    return text


def host_of(url: str) -> str:
    """The host (and port) of ``url``, or the url itself when it has none."""
    try:
        return urlsplit(url).netloc.rpartition("@")[2] or url
    except ValueError:
        return url


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def http_error(status: int, url: str) -> FetchError:
    """The FetchError for a final response with an error (or unexpected) status."""
    code = f"HTTP {status} {_phrase(status)}".strip()
    host = shown(host_of(url))
    if 500 <= status < 600:
        return FetchError("http_5xx", f"The server {host} failed ({code}).", url=url, status=status)
    if status in (404, 410):
        return FetchError("http_4xx", f"Page not found ({code}).", url=url, status=status)
    if status in (401, 403, 407, 451):
        return FetchError("http_4xx", f"Access denied by {host} ({code}).", url=url, status=status)
    if status == 429:
        return FetchError(
            "http_4xx", f"{host} is refusing requests for now ({code}); try again later.", url=url, status=status
        )
    if 400 <= status < 500:
        return FetchError("http_4xx", f"{host} refused the request ({code}).", url=url, status=status)
    return FetchError("bad_response", f"{host} gave an unexpected answer ({code}).", url=url, status=status)


def network_error(exc: BaseException, url: str) -> FetchError:
    """The FetchError for a connection that failed some other way (reset, proxy...)."""
    detail = str(exc).rstrip(".") or type(exc).__name__
    return FetchError(
        "network", f"The connection to {shown(host_of(url))} failed ({shown(detail)}).", url=url
    )
