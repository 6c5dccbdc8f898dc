"""Bytes to text: BOMs, declared and wrong charsets, UTF-16 without BOM, binary refused."""

from __future__ import annotations

import codecs

import pytest

from reader.core.decode import declared_charset, decode
from reader.core.errors import ExtractionError

FRENCH = "<p>Les élèves ont dû réviser l’été dernier : « déjà vu ».</p>"


def test_utf8_bom_wins() -> None:
    assert decode(codecs.BOM_UTF8 + FRENCH.encode()) == FRENCH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + FRENCH.encode(codec)) == FRENCH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec: str) -> None:
    assert decode(FRENCH.encode(codec)) == FRENCH


def test_declared_meta_charset() -> None:
    page = '<meta charset="windows-1252">' + FRENCH.replace("’", "'")
    assert decode(page.encode("cp1252")) == page


def test_http_charset_beats_nothing() -> None:
    page = "<p>Grüße aus Köln</p>"
    assert decode(page.encode("iso-8859-15"), "iso-8859-15") == page


def test_declared_latin1_but_really_utf8() -> None:
    page = '<meta charset="iso-8859-1">' + FRENCH
    assert decode(page.encode("utf-8")) == page


def test_declared_utf8_but_really_cp1252() -> None:
    page = '<meta charset="utf-8"><p>Café crème, s’il vous plaît, à côté du théâtre.</p>'
    assert "Café crème" in decode(page.encode("cp1252"))


def test_shift_jis_and_gb18030_by_declaration() -> None:
    ja = '<meta charset="shift_jis"><p>東京の天気は晴れです。</p>'
    zh = '<meta charset="gb2312"><p>北京今天天气很好。</p>'
    assert decode(ja.encode("shift_jis")) == ja
    assert decode(zh.encode("gb18030")) == zh


def test_declared_charset_reader() -> None:
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "cp1252"
    assert declared_charset(b"<p>nothing declared</p>") is None


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x1f\x8b\x08\x00" + bytes(50), "gzip"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_is_refused_with_a_clear_message(data: bytes, what: str) -> None:
    with pytest.raises(ExtractionError, match=what):
        decode(data)


def test_undeclared_cjk_found_by_the_detector() -> None:
    ja = "<p>東京の天気は晴れです。明日は雨が降るでしょう。今日は会議があります。</p>" * 5
    zh = "<p>北京今天天气很好。我们明天去公园散步，然后吃午饭。</p>" * 5
    assert decode(ja.encode("shift_jis")) == ja
    assert decode(zh.encode("gb18030")) == zh
