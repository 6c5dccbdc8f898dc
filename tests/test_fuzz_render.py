"""Fuzzing the article renderer's layout: any article at any width lays out, within the column."""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

import reader
from reader.core.blocks import body_text
from reader.core.models import Article, Block, Span
from reader.ui.layout import article_units, layout_lines, unit_width
from tests.fuzz_strategies import page

EXAMPLES = int(os.environ.get("BROADSHEET_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=2), derandomize=EXAMPLES < 1000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Wide, combining, zero-width-joined and right-to-left text: the layout's hard cases.
chars = st.one_of(
    st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]),
    st.sampled_from(["東", "京", "🚲", "👩\u200d🔬", "e\u0301", "ب", "\u3000", " ", "-", "—"]),
)
words = st.lists(chars, min_size=1, max_size=12).map("".join)
texts = st.lists(words, min_size=1, max_size=40).map(" ".join)
spans = st.lists(
    st.builds(Span, texts, st.one_of(st.none(), st.just("https://news.example/a")),
              st.booleans(), st.booleans(), st.booleans()),
    min_size=1, max_size=4,
).map(tuple)
blocks = st.one_of(
    st.builds(Block, st.just("paragraph"), spans),
    st.builds(Block, st.just("heading"), spans, level=st.integers(2, 6)),
    st.builds(Block, st.just("quote"), spans),
    st.builds(Block, st.just("pre"), spans),
    st.builds(Block, st.just("list"), items=st.lists(spans, min_size=1, max_size=4).map(tuple),
              ordered=st.booleans()),
    st.builds(Block, st.just("figure"), spans, alt=texts, credit=texts),
    st.builds(Block, st.just("table"),
              rows=st.lists(st.lists(texts, min_size=1, max_size=4).map(tuple), min_size=1,
                            max_size=4).map(tuple)),
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = tuple(draw(st.lists(blocks, max_size=8)))
    return Article(title=draw(texts), section=draw(st.one_of(st.none(), words)),
                   byline=draw(st.one_of(st.none(), texts)), lead=draw(st.one_of(st.none(), texts)),
                   body=body, text=body_text(body))


def _check_layout(article: Article, width: int) -> None:
    units = article_units(article, width)
    for line in layout_lines(units, width):
        if line.unit < 0:
            continue
        unit = units[line.unit]
        assert 0 <= line.start <= line.end <= len(unit.text)
        if unit.wrap:
            assert cell_len(unit.text[line.start:line.end]) + unit_width(unit) <= max(width, unit_width(unit) + 2)


@FUZZ
@given(articles(), st.integers(min_value=1, max_value=160))
def test_any_article_lays_out_within_its_column(article: Article, width: int) -> None:
    _check_layout(article, width)


@FUZZ
@given(page(), st.integers(min_value=10, max_value=120))
def test_extracted_random_pages_lay_out(doc: str, width: int) -> None:
    _check_layout(reader.extract(doc), width)
