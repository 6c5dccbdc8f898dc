"""One HTTP(S) download with every limit enforced: redirects, deadline, size, type, cancel."""

from __future__ import annotations

import functools
import logging
import os
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import reader
from reader.config import NetConfig
from reader.net import sniff
from reader.net.decoding import DecodingError, can_decode, decode_stream, encodings
from reader.net.errors import FetchError
from reader.net.messages import host_of, http_error, network_error, shown
from reader.net.watchdog import Watchdog

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

USER_AGENT = f"Broadsheet/{reader.__version__} (+terminal news reader)"
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
    # Only codings decoded with a bounded output (see decoding.py).
    "Accept-Encoding": "gzip, deflate",
}
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Download:
    """What the server sent: a page, or ``not_modified`` after a conditional request."""

    url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


def check_url(url: str) -> str:
    """``url`` stripped, when it is an http(s) address with a host; FetchError(invalid_url) otherwise."""
    text = url.strip() if isinstance(url, str) else ""
    if not text:
        raise FetchError("invalid_url", "No address given.")
    problem = "not a web address"
    if not any(ord(c) < 32 or ord(c) == 127 for c in text):
        try:
            parsed = urlsplit(text)
            scheme, host = parsed.scheme.lower(), parsed.hostname
        except ValueError:
            scheme, host = "", None
        if scheme in ("http", "https") and host:
            return text
        if scheme and scheme not in ("http", "https"):
            problem = f"only http and https addresses can be fetched, not {scheme}:"
    raise FetchError("invalid_url", f"Cannot fetch {shown(text)}: {problem}.", url=text or None)


def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes ~20 ms: once per process (and per CA setting), not per fetch.
    return _ssl_context_for(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@functools.lru_cache(maxsize=4)
def _ssl_context_for(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    import httpx

    return httpx.create_ssl_context(trust_env=True)


def download(
    url: str,
    config: NetConfig,
    *,
    validators: dict[str, str] | None = None,
    cancel: threading.Event | None = None,
) -> Download:
    """GET ``url`` within ``config``'s limits; raises :class:`FetchError` on any failure.

    ``validators`` are conditional-request headers (If-None-Match, If-Modified-Since);
    a 304 answer comes back as a Download with ``not_modified`` set.
    """
    import httpx  # ~0.15 s to import: only when something is fetched

    url = check_url(url)
    if cancel is not None and cancel.is_set():
        raise FetchError("cancelled", "Cancelled.", url=url)
    headers = {**_HEADERS, **(validators or {})}
    dog = Watchdog(time.monotonic() + config.timeout, cancel)
    state = _Hops(url)
    try:
        with dog, _client(headers) as client:
            return _follow(client, state, config, dog, conditional=bool(validators))
    except FetchError:
        raise
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError, DecodingError) as exc:
        raise _translate(exc, state.current, config, dog) from exc
    except Exception as exc:
        # Whatever else goes wrong, the user gets one line, not a traceback.
        log.debug("unexpected failure fetching %s", url, exc_info=True)
        raise network_error(exc, state.current) from exc


class _Hops:
    """Where a fetch has got to along its redirects."""

    def __init__(self, url: str) -> None:
        self.start = url
        self.current = url
        self.count = 0
        self.seen: set[tuple[str, tuple[tuple[str, str, str, str], ...]]] = set()


def _client(headers: dict[str, str]) -> httpx.Client:
    import httpx

    try:
        # trust_env: HTTP(S)_PROXY, ALL_PROXY, NO_PROXY and SSL_CERT_FILE/DIR apply.
        return httpx.Client(
            headers=headers, trust_env=True, verify=_ssl_context(), follow_redirects=False
        )
    except ImportError as exc:
        raise FetchError(
            "network",
            "A SOCKS proxy is set in the environment, but SOCKS support is not installed "
            "(pip install 'httpx[socks]').",
        ) from exc
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(
            "network", f"The proxy settings in the environment are invalid ({shown(str(exc))})."
        ) from exc


def _follow(
    client: httpx.Client, hops: _Hops, config: NetConfig, dog: Watchdog, *, conditional: bool
) -> Download:
    request = client.build_request("GET", hops.start)
    while True:
        hops.current = str(request.url)
        # Cookie-setting redirects may revisit a URL; the same URL with the
        # same cookies can only lead to the same answer: that is a loop.
        state = (hops.current, _cookie_state(client))
        if state in hops.seen:
            raise FetchError(
                "redirect_loop", f"The page redirects in a loop (at {shown(host_of(hops.current))}).", url=hops.start
            )
        hops.seen.add(state)
        _stop_if_needed(dog, config, hops.current)
        request.extensions = {**request.extensions, "timeout": _timeout(dog, config), "trace": dog.trace}
        response = client.send(request, stream=True)
        try:
            stream = response.extensions.get("network_stream")
            if stream is not None:
                dog.watch(stream)  # a kept-alive connection was not seen connecting
            next_request = response.next_request
            if not (response.has_redirect_location and next_request is not None):
                return _read(response, hops.current, config, dog, conditional=conditional)
            hops.count += 1
            if hops.count > config.max_redirects:
                raise FetchError(
                    "too_many_redirects",
                    f"Too many redirects (more than {config.max_redirects}).",
                    url=hops.start,
                )
            request = next_request
        finally:
            response.close()


def _cookie_state(client: httpx.Client) -> tuple[tuple[str, str, str, str], ...]:
    return tuple(sorted((c.domain, c.path, c.name, c.value or "") for c in client.cookies.jar))


def _timeout(dog: Watchdog, config: NetConfig) -> dict[str, float | None]:
    import httpx

    left = dog.remaining()
    return httpx.Timeout(left, connect=min(config.connect_timeout, left)).as_dict()


def _stop_if_needed(dog: Watchdog, config: NetConfig, url: str) -> None:
    reason = dog.check()
    if reason == "cancelled":
        raise FetchError("cancelled", "Cancelled.", url=url)
    if reason == "timeout":
        raise FetchError(
            "timeout",
            f"{shown(host_of(url))} timed out (no complete answer within {config.timeout:g} s).",
            url=url,
        )


def _read(
    response: httpx.Response, url: str, config: NetConfig, dog: Watchdog, *, conditional: bool
) -> Download:
    status = response.status_code
    etag = response.headers.get("etag")
    last_modified = response.headers.get("last-modified")
    if status == HTTPStatus.NOT_MODIFIED and conditional:
        return Download(url, status, b"", "", None, etag, last_modified, not_modified=True)
    if not 200 <= status < 300:
        raise http_error(status, url)
    declared = response.headers.get("content-type")
    mtype = sniff.media_type(declared)
    if sniff.rejects_early(mtype):
        raise _wrong_type(url, mtype, f"it is {shown(mtype)}")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > config.max_bytes:
        raise _too_big(url, config)
    body, mtype = _body(response, url, mtype, config, dog)
    return Download(url, status, body, mtype, sniff.charset_of(declared), etag, last_modified)


def _classify(head: bytes, mtype: str, url: str) -> str:
    """The media type to report, judged from the first bytes; wrong_type when they are not text."""
    if mtype in sniff.VAGUE:
        guessed = sniff.sniff(head)
        if guessed is None:
            what = sniff.describe_binary(head) or "binary data"
            raise _wrong_type(url, mtype or "application/octet-stream", f"it looks like {what}")
        return guessed
    disguised = sniff.describe_binary(head)
    if disguised:
        raise _wrong_type(url, mtype, f"it is labelled {mtype} but looks like {disguised}")
    return mtype


def _body(
    response: httpx.Response, url: str, mtype: str, config: NetConfig, dog: Watchdog
) -> tuple[bytes, str]:
    """The decoded body and its media type; binary bodies are refused from their first bytes."""
    codings = encodings(response.headers.get("content-encoding"))
    pieces: Iterator[bytes]
    if can_decode(codings):
        pieces = decode_stream(response.iter_raw(), codings)
    else:
        pieces = response.iter_bytes()  # a coding we did not ask for: httpx's decoders
    body = bytearray()
    judged: str | None = None
    for piece in pieces:
        body += piece
        if len(body) > config.max_bytes:
            raise _too_big(url, config)
        if judged is None and len(body) >= _SNIFF_BYTES:
            judged = _classify(bytes(body[:_SNIFF_BYTES]), mtype, url)
        _stop_if_needed(dog, config, url)
    if not body or body.isspace():
        raise FetchError(
            "empty", f"{shown(host_of(url))} sent an empty page.", url=url, status=response.status_code
        )
    return bytes(body), judged or _classify(bytes(body[:_SNIFF_BYTES]), mtype, url)


def _too_big(url: str, config: NetConfig) -> FetchError:
    size = config.max_bytes / (1024 * 1024)
    return FetchError("too_big", f"The page is too big (over {size:g} MB).", url=url)


def _wrong_type(url: str, mtype: str, why: str) -> FetchError:
    return FetchError(
        "wrong_type",
        f"Not a web page ({why}); open it in a browser instead.",
        url=url,
        content_type=mtype or None,
    )


def _translate(exc: BaseException, url: str, config: NetConfig, dog: Watchdog) -> FetchError:
    """The FetchError for an exception raised by httpx or the socket layer."""
    import httpx

    if dog.fired == "cancelled":
        return FetchError("cancelled", "Cancelled.", url=url)
    if dog.fired == "timeout":
        return FetchError(
            "timeout",
            f"{shown(host_of(url))} timed out (no complete answer within {config.timeout:g} s).",
            url=url,
        )
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(
            "timeout",
            f"{shown(host_of(url))} timed out while connecting (over {config.connect_timeout:g} s).",
            url=url,
        )
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(
            "timeout", f"{shown(host_of(url))} timed out (no answer within {config.timeout:g} s).", url=url
        )
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError("invalid_url", f"The page redirects to {shown(url)}, which is not a web address.", url=url)
    if isinstance(exc, DecodingError | httpx.DecodingError):
        return FetchError(
            "bad_response", f"{shown(host_of(url))} sent a corrupt compressed page.", url=url
        )
    chain = list(_causes(exc))
    if any(isinstance(e, socket.gaierror) for e in chain):
        return FetchError(
            "dns", f"Cannot find the server {shown(host_of(url))} (DNS lookup failed).", url=url
        )
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return FetchError(
            "refused", f"The server {shown(host_of(url))} refused the connection.", url=url
        )
    tls = next((e for e in chain if isinstance(e, ssl.SSLError | ssl.CertificateError)), None)
    if tls is not None:
        reason = getattr(tls, "verify_message", None) or getattr(tls, "reason", None) or str(tls)
        return FetchError(
            "tls",
            f"Secure connection to {shown(host_of(url))} failed ({shown(str(reason).lower().replace('_', ' '))}).",
            url=url,
        )
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError(
            "bad_response", f"{shown(host_of(url))} sent a broken answer ({shown(str(exc).rstrip('.'))}).", url=url
        )
    return network_error(exc, url)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
