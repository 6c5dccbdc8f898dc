"""The Article model: exact keys, JSON-ready values, lossless round trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from reader.core.blocks import block_offsets, body_text
from reader.core.models import ARTICLE_KEYS, Article, Block, Entity, Related, Span


def sample() -> Article:
    body = (
        Block("paragraph", (Span("Ferries "), Span("run", emphasis=True), Span(" late.", href="https://x.example/a"))),
        Block("figure", (Span("The pier"),), alt="pier", src="https://x.example/p.jpg", credit="Photo: A"),
        Block("heading", (Span("Timetable"),), level=2),
        Block("list", items=((Span("one"),), (Span("two"),)), ordered=True),
        Block("table", rows=(("day", "last boat"), ("Mon", "22:30")), header=True),
    )
    return Article(
        url="https://x.example/ferry", title="Ferries", section="City", byline="Maren Holt",
        authors=("Maren Holt",), published=datetime(2026, 3, 4, 7, 15, tzinfo=UTC),
        site="Ledger", lang="en", lead="Lead.", body=body, text=body_text(body),
        tags=("ferries",), related=(Related("Night bus", "https://x.example/b", "related"),),
        entities=(Entity("Maren Holt", "PER", 2, ("Holt",), ((0, 4),)),), reading_minutes=1,
    )


def test_to_dict_has_exactly_the_documented_keys_and_is_json_ready() -> None:
    data = sample().to_dict()
    assert tuple(data) == ARTICLE_KEYS
    assert data["published"] == "2026-03-04T07:15:00+00:00"
    assert data["updated"] is None
    json.dumps(data)


def test_round_trip_is_lossless() -> None:
    article = sample()
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again == article


def test_text_skips_figures_and_offsets_point_at_blocks() -> None:
    article = sample()
    assert "The pier" not in article.text
    offsets = block_offsets(article.body)
    assert offsets[1] is None
    for block, start in zip(article.body, offsets, strict=True):
        if start is not None:
            assert article.text[start:start + len(block.text)] == block.text


def test_empty_article() -> None:
    assert Article().is_empty
    assert not sample().is_empty
