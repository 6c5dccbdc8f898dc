"""Bounded Content-Encoding decoding and media-type sniffing (pure functions, no server)."""

from __future__ import annotations

import gzip
import itertools
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.net import sniff
from reader.net.decoding import PIECE, DecodingError, can_decode, decode_stream, encodings


def split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


@given(st.binary(max_size=5000), st.lists(st.integers(min_value=0), max_size=8))
def test_gzip_round_trip_in_any_chunking(data: bytes, cuts: list[int]) -> None:
    assert b"".join(decode_stream(split(gzip.compress(data), cuts), ["gzip"])) == data


@given(st.binary(max_size=5000), st.lists(st.integers(min_value=0), max_size=8), st.booleans())
def test_deflate_round_trip_zlib_wrapped_or_raw(data: bytes, cuts: list[int], raw: bool) -> None:
    if raw:
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        packed = packer.compress(data) + packer.flush()
    else:
        packed = zlib.compress(data)
    assert b"".join(decode_stream(split(packed, cuts), ["deflate"])) == data


def test_concatenated_gzip_members_and_stacked_codings() -> None:
    assert b"".join(decode_stream([gzip.compress(b"one ") + gzip.compress(b"two")], ["gzip"])) == b"one two"
    stacked = gzip.compress(zlib.compress(b"inner"))
    assert b"".join(decode_stream([stacked], ["deflate", "gzip"])) == b"inner"


def test_bomb_output_comes_in_bounded_pieces() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    bomb = b"".join(packer.compress(bytes(1 << 20)) for _ in range(8)) + packer.flush()
    pieces = decode_stream([bomb], ["gzip"])  # one network chunk holding the whole bomb
    sizes = [len(next(pieces)) for _ in range(8)]
    assert max(sizes) <= PIECE


def test_corrupt_data_raises() -> None:
    with pytest.raises(DecodingError):
        list(decode_stream([b"definitely not gzip" * 5], ["gzip"]))


def test_encoding_header_parsing() -> None:
    assert encodings("gzip, identity") == ["gzip", "identity"]
    assert encodings(None) == []
    assert can_decode(["x-gzip", "deflate"])
    assert not can_decode(["br"])


@pytest.mark.parametrize(
    ("header", "mtype", "charset"),
    [
        ("text/html; charset=UTF-8", "text/html", "utf-8"),
        ('Text/HTML;charset="iso-8859-1"', "text/html", "iso-8859-1"),
        ("text/plain; charset=klingon", "text/plain", None),
        ("application/xhtml+xml", "application/xhtml+xml", None),
        (None, "", None),
    ],
)
def test_content_type_parsing(header: str | None, mtype: str, charset: str | None) -> None:
    assert sniff.media_type(header) == mtype
    assert sniff.charset_of(header) == charset


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"  <!DOCTYPE html><html>", "text/html"),
        (b"\xef\xbb\xbf<html lang=fr>", "text/html"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "text/html"),
        ("<p>Grüße</p>".encode("utf-16"), "text/html"),
        (b"Just words on a page.\n", "text/plain"),
        ("Zażółć gęślą jaźń".encode(), "text/plain"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),
        (b"%PDF-1.7\n", None),
        (bytes(range(256)), None),
    ],
)
def test_sniffing(head: bytes, expected: str | None) -> None:
    assert sniff.sniff(head) == expected


def test_type_rules() -> None:
    assert sniff.rejects_early("image/png") and sniff.rejects_early("application/json")
    assert not sniff.rejects_early("") and not sniff.rejects_early("application/octet-stream")
    assert all(sniff.is_page_type(t) for t in ("text/html", "application/xhtml+xml", "text/plain"))
