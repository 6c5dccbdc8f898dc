"""Article layout: word wrap by terminal cells (CJK, emoji), header lines, tables."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.models import Article, Block, Span
from reader.ui.layout import (
    article_units,
    layout_lines,
    lead_is_repeated,
    unit_width,
    wrap_text,
)


def _lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_text(text, width)]


def test_words_wrap_within_the_width() -> None:
    text = "The quick brown fox jumps over the lazy dog and keeps running far away"
    lines = _lines(text, 20)
    assert lines == ["The quick brown fox", "jumps over the lazy", "dog and keeps", "running far away"]


def test_cjk_breaks_between_characters_and_counts_two_cells() -> None:
    text = "日本語のテキストは、単語の間にスペースがありません。折り返しは文字単位で行います。"
    lines = _lines(text, 20)
    assert all(cell_len(line) <= 20 for line in lines)
    assert "".join(lines) == text
    assert not any(line.startswith(("、", "。")) for line in lines)  # punctuation stays attached
    assert cell_len(lines[0]) == 20


def test_emoji_are_two_cells_wide() -> None:
    lines = _lines("emoji 😀😀😀 test 😀😀😀😀😀😀", 8)
    assert all(cell_len(line) <= 8 for line in lines)
    assert "😀😀😀😀" in lines


def test_overlong_words_are_cut() -> None:
    lines = _lines("https://example.org/a/very/long/path/that/never/ends ok", 12)
    assert all(len(line) <= 12 for line in lines)
    assert "".join(lines[:-1]) + lines[-1].replace(" ok", "") != ""
    assert lines[-1].endswith("ok")


def test_lead_repeated_in_first_paragraph_is_detected() -> None:
    body = (Block("paragraph", (Span("A lead that the body repeats word for word, exactly."),)),)
    assert lead_is_repeated("A lead that the body repeats  word for word, exactly.", body)
    assert not lead_is_repeated("Something else entirely", body)


def _article(**extra: object) -> Article:
    body = (
        Block("paragraph", (Span("First paragraph with a "), Span("link", href="b.html"), Span("."))),
        Block("heading", (Span("A heading"),), level=2),
        Block("quote", (Span("A quoted line."),)),
        Block("list", items=((Span("one"),), (Span("two"),)), ordered=True),
        Block("figure", (Span("A caption"),), credit="Photo: Someone"),
        Block("table", rows=(("Name", "Votes"), ("Alice", "12"), ("Bob", "7")), header=True),
    )
    values: dict[str, object] = {
        "title": "Title", "section": "World", "byline": "By Ann", "site": "Gazette",
        "published": datetime(2026, 3, 4), "reading_minutes": 4, "lead": "The lead.",
        "body": body, "text": "\n\n".join(b.text for b in body if b.kind != "figure"),
    }
    values.update(extra)
    return Article(**values)  # type: ignore[arg-type]


def test_header_and_body_units() -> None:
    units = article_units(_article(), 60)
    roles = [u.role for u in units]
    assert roles[:5] == ["section", "title", "meta", "lead", "rule"]
    assert units[0].text == "WORLD"
    assert units[2].text == "By Ann · 4 March 2026 · Gazette · 4 min read"
    assert "heading" in roles and "quote" in roles and "caption" in roles
    items = [u for u in units if u.role == "item"]
    assert [u.prefix for u in items] == ["1. ", "2. "]
    caption = next(u for u in units if u.role == "caption")
    assert caption.text == "A caption — Photo: Someone"
    table = [u.text for u in units if u.role.startswith("table")]
    assert table[0].startswith("Name") and set(table[1]) <= {"─", " "}
    link = units[5].links[0]
    assert units[5].text[link.start : link.end] == "link" and link.href == "b.html"


def test_units_map_back_to_article_text_offsets() -> None:
    article = _article()
    for unit in article_units(article, 60):
        if unit.offset is not None:
            assert article.text[unit.offset : unit.offset + len(unit.text)] == unit.text


def test_lead_is_not_repeated_when_the_body_starts_with_it() -> None:
    article = _article(lead="First paragraph with a link.")
    assert "lead" not in [u.role for u in article_units(article, 60)]


def test_wide_table_is_cut_to_fit() -> None:
    block = Block("table", rows=(("x" * 50, "y" * 50),), header=False)
    units = article_units(Article(title="t", body=(block,)), 40)
    row = next(u for u in units if u.role == "table")
    assert cell_len(row.text) <= 40 and "…" in row.text


def test_layout_separates_blocks_with_blank_lines() -> None:
    units = article_units(_article(), 60)
    lines = layout_lines(units, 60)
    assert lines[0].unit == 0
    assert any(line.unit == -1 for line in lines)
    assert sum(1 for line in lines if line.unit >= 0 and line.first) == len(units)


def test_french_spaced_punctuation_stays_with_its_word() -> None:
    text = "« C'est au-delà de nos prévisions », se félicite-t-elle. Pourquoi ? Parce que : voilà !"
    for width in range(16, 40):  # wide enough that no word needs cutting
        for line in _lines(text, width):
            assert not line.endswith("«")
            assert not line.startswith(("»", "?", ":", "!"))


_ALPHABET = "ab cdé  fg\n日本語、。😀👍🏽«»:?!x-"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200), st.integers(min_value=1, max_value=60))
def test_wrap_keeps_every_character_and_fits(text: str, width: int) -> None:
    lines = wrap_text(text, width)
    kept = "".join(text[a:b] for a, b in lines)
    assert "".join(kept.split()) == "".join(text.split())  # only spaces at breaks are dropped
    for a, b in lines:
        assert 0 <= a <= b <= len(text)
        line = text[a:b]
        assert cell_len(line) <= width or len(line) == 1
    starts = [a for a, _ in lines]
    assert starts == sorted(starts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=80), min_size=1, max_size=6),
       st.integers(min_value=12, max_value=100))
def test_any_article_lays_out(paragraphs: list[str], width: int) -> None:
    body = tuple(Block("paragraph", (Span(p),)) for p in paragraphs)
    article = Article(title=paragraphs[0], lead=paragraphs[-1], body=body,
                      text="\n\n".join(p for p in paragraphs))
    units = article_units(article, width)
    for line in layout_lines(units, width):
        if line.unit >= 0:
            unit = units[line.unit]
            shown = unit.text[line.start : line.end]
            assert cell_len(shown) <= width - unit_width(unit) or len(shown) <= 1
