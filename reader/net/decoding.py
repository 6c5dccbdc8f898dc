"""Content-Encoding decoding with bounded output, so a compression bomb stops early.

httpx inflates each network chunk in one call: 64 KiB of a gzip bomb becomes
~64 MiB in memory before anyone can count it. Here every step produces at most
``PIECE`` bytes, so the size cap is checked before memory grows.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

#: Largest piece a decoder hands on at once.
PIECE = 256 * 1024
#: Encodings decoded here; the request advertises only these.
SUPPORTED: frozenset[str] = frozenset({"gzip", "x-gzip", "deflate", "identity"})


class DecodingError(Exception):
    """The body is not valid for its Content-Encoding."""


def encodings(header: str | None) -> list[str]:
    """The Content-Encoding header as a list of codings, in the order they were applied."""
    if not header:
        return []
    return [part.strip().lower() for part in header.split(",") if part.strip()]


def can_decode(codings: list[str]) -> bool:
    """True when every coding is one this module handles."""
    return all(coding in SUPPORTED for coding in codings)


class _Inflater:
    """One gzip or deflate layer; copes with raw deflate and concatenated gzip members."""

    def __init__(self, coding: str) -> None:
        self._gzip = coding in ("gzip", "x-gzip")
        # "deflate" is meant to be zlib-wrapped but is often sent raw (browsers accept
        # both): decide from the first two bytes, so hold them until they arrive.
        self._head = b""
        self._obj: zlib._Decompress | None = zlib.decompressobj(zlib.MAX_WBITS | 16) if self._gzip else None

    def _start(self, data: bytes) -> bytes:
        self._head += data
        if len(self._head) < 2:
            return b""
        cmf, flg = self._head[0], self._head[1]
        wrapped = cmf & 0x0F == 8 and (cmf * 256 + flg) % 31 == 0
        self._obj = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        data, self._head = self._head, b""
        return data

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._obj is None:
            data = self._start(data)
        obj = self._obj
        if obj is None:
            return
        while True:
            try:
                out = obj.decompress(data, PIECE)
            except zlib.error as exc:
                raise DecodingError(str(exc)) from exc
            if out:
                yield out
            data = obj.unconsumed_tail
            if obj.eof:
                rest = obj.unused_data
                if not (self._gzip and rest.lstrip(b"\x00")):
                    return
                obj = self._obj = zlib.decompressobj(zlib.MAX_WBITS | 16)  # another gzip member
                data = rest
            elif not data and len(out) < PIECE:
                return

    def finish(self) -> Iterator[bytes]:
        if self._obj is None and self._head:
            raise DecodingError("compressed body cut short")
        if self._obj is not None and not self._obj.eof:
            try:
                tail = self._obj.flush()
            except zlib.error as exc:
                raise DecodingError(str(exc)) from exc
            if tail:
                yield tail


def decode_stream(chunks: Iterable[bytes], codings: list[str]) -> Iterator[bytes]:
    """Decode ``chunks`` (raw body bytes) through ``codings``, yielding pieces of at most PIECE bytes."""
    layers = [_Inflater(c) for c in reversed(codings) if c != "identity"]
    if not layers:
        yield from chunks
        return

    def through(index: int, data: bytes) -> Iterator[bytes]:
        if index == len(layers):
            yield data
            return
        for piece in layers[index].feed(data):
            yield from through(index + 1, piece)

    def finish(index: int) -> Iterator[bytes]:
        if index == len(layers):
            return
        for piece in layers[index].finish():
            yield from through(index + 1, piece)
        yield from finish(index + 1)

    for chunk in chunks:
        yield from through(0, chunk)
    yield from finish(0)
