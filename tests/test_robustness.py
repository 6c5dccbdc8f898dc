"""Pages that break naive readers: deep nesting, huge pages, binary, empty, odd encodings."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

import reader
from reader.core import extract as extract_module
from reader.core.errors import ExtractionError

PARA = "<p>" + "Words of an ordinary article paragraph that goes on for a while. " * 8 + "</p>\n"


def test_ten_thousand_deep_nesting_keeps_the_text() -> None:
    page = "<html><body>" + "<div>" * 10_000 + PARA * 5 + "</div>" * 10_000 + "</body></html>"
    article = reader.extract(page)
    assert "ordinary article paragraph" in article.text
    assert any("nested" in w for w in article.warnings)


def test_unclosed_and_broken_markup() -> None:
    page = "<html><body><p>Unclosed <b>bold <i>italic <a href='x'>link " + PARA * 3
    assert "ordinary article paragraph" in reader.extract(page).text


def test_huge_page_is_cut_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    # The cut is the same at any size; a small cap keeps the test fast.
    monkeypatch.setattr(extract_module, "MAX_CHARS", 60_000)
    filler = "".join(f"<p>Paragraph {i} of a very long page, each one saying something new.</p>"
                     for i in range(3_000))
    page = "<html><body><article>" + filler + "</article></body></html>"
    article = reader.extract(page.encode())
    assert article.text.startswith("Paragraph 0")
    assert "Paragraph 2999" not in article.text
    assert any("very long" in w for w in article.warnings)


def test_fifty_megabyte_page_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    page = ("<html><head><style>" + "p{color:red}" * 2_000_000 + "</style></head><body><article>"
            + PARA * 8 + "</article><script>" + "x=1;" * 6_600_000 + "</script></body></html>")
    assert len(page) > 50_000_000
    assert "ordinary article paragraph" in reader.extract(page.encode()).text


def test_script_heavy_page_keeps_its_article() -> None:
    page = ("<html><body><script>" + "var x=1;" * 500_000 + "</script><article>" + PARA * 6
            + "</article></body></html>")
    assert "ordinary article paragraph" in reader.extract(page).text


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"<html></html>", b"<!-- nothing -->"])
def test_empty_pages_give_an_empty_article(data: bytes) -> None:
    assert reader.extract(data).is_empty


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + os.urandom(500),
        b"%PDF-1.4\n" + os.urandom(500),
        b"\x1f\x8b\x08\x00" + os.urandom(500),
        os.urandom(5000),
        b"\x00" * 1000,
    ],
)
def test_binary_gives_one_clear_error(data: bytes) -> None:
    with pytest.raises(ExtractionError) as info:
        reader.extract(data)
    assert "\n" not in str(info.value) and str(info.value)


def test_nul_bytes_inside_a_page_are_dropped() -> None:
    page = ("<html><body><article>" + PARA.replace("ordinary", "ordi\x00nary") * 4 + "</article></body></html>")
    assert "ordinary article" in reader.extract(page.encode()).text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "cp1252", "shift_jis", "gb18030"])
def test_encodings(codec: str) -> None:
    words = {"cp1252": "Les élèves ont révisé à côté du théâtre", "shift_jis": "東京の天気は晴れです",
             "gb18030": "北京今天天气很好"}.get(codec, "Grüße aus Köln, naïve café")
    meta = f'<meta charset="{codec}">' if codec in ("cp1252", "shift_jis", "gb18030") else ""
    page = (f"<html><head>{meta}<title>T</title></head><body><article>"
            + f"<p>{words}. " + "Ordinary words fill the paragraph out. " * 10 + "</p>" * 1 * 4
            + "</article></body></html>")
    assert words in reader.extract(page.encode(codec)).text


def test_wrong_declared_charset_still_reads_right() -> None:
    page = ('<html><head><meta charset="iso-8859-1"></head><body><article><p>'
            "Les élèves ont révisé à côté du théâtre. " * 10 + "</p></article></body></html>")
    assert "élèves" in reader.extract(page.encode("utf-8")).text
    with_bom = codecs.BOM_UTF8 + page.replace("iso-8859-1", "shift_jis").encode()
    assert "élèves" in reader.extract(with_bom).text


def test_dump_never_shows_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\xff\xfe\x00\x00" + os.urandom(3000))
    proc = subprocess.run([sys.executable, "-m", "reader", "dump", str(bad)], capture_output=True,
                          env=os.environ.copy(), timeout=60)
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.count(b"\n") <= 1


def test_huge_page_keeps_its_structured_data() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tide tables '
          'rewritten", "author": {"name": "Ines Calder"}}</script>')
    page = ("<html><head>" + ld + "<script>" + "var x=1;" * 100_000 + "</script></head><body><article>"
            "<h1>Tide tables rewritten</h1>" + PARA * 6 + "</article></body></html>")
    article = reader.extract(page)
    assert article.title == "Tide tables rewritten"
    assert article.byline and "Ines Calder" in article.byline


def test_dump_says_when_a_page_was_cut(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 10_000 + PARA * 5 + "</div>" * 10_000 + "</body></html>")
    proc = subprocess.run([sys.executable, "-m", "reader", "dump", str(page)], capture_output=True,
                          env=os.environ.copy(), timeout=60)
    assert proc.returncode == 0
    assert b"ordinary article paragraph" in proc.stdout
    assert b"nested too deeply" in proc.stderr
