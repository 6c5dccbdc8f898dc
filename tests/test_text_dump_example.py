"""The French page copy of ../shared/examples/text-dump-fr against its expected.md."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from conftest import SHARED

from reader.core.models import Article
from reader.core.text import extract_text_page

EXAMPLE = SHARED / "examples" / "text-dump-fr" / "page.txt"


@pytest.fixture(scope="module")
def art() -> Article:
    if not EXAMPLE.exists():
        pytest.skip("shared example text-dump-fr not available")
    return extract_text_page(Path(EXAMPLE).read_text("utf-8"))


def test_header(art: Article) -> None:
    assert art.section == "Tech"
    assert art.title.startswith("Elon Musk s’en prend aux créateurs de ChatGPT")
    assert art.title.endswith("\"gonflé le marché de l'intérêt\"")
    assert art.published == datetime(2024, 11, 23, 10, 31)
    assert art.byline == "Mathis Ferrut"
    assert art.authors == ("Mathis Ferrut",)
    assert art.lang == "fr"
    assert art.lead is not None
    assert art.lead.startswith("Elon Musk estime que l'alliance Microsoft/OpenAI est injuste")


def test_body(art: Article) -> None:
    assert art.text.startswith("Bien que beaucoup l'ignorent")
    assert art.text.endswith("dans les mois à venir.")
    headings = [b.text for b in art.body if b.kind == "heading"]
    assert headings == ["Elon Musk demande une compensation financière"]
    for outside in ("Passionné", "La suite après la publicité", ">>", "Article écrit", "Mots clés",
                    "Tendances", "play_circle", "Vaimalama", "estime que l'alliance"):
        assert outside not in art.text


def test_caption(art: Article) -> None:
    figures = [b for b in art.body if b.kind == "figure"]
    assert len(figures) == 1
    assert figures[0].text.startswith("La nouvelle provoc d'Elon Musk au JT de France 2.")
    assert figures[0].credit == "© France 2 / CNP/ABACA"
    assert "La nouvelle provoc" not in art.text


def test_tags(art: Article) -> None:
    assert art.tags == ("Tech", "Sciences")


def test_related(art: Article) -> None:
    related = [r for r in art.related if r.kind == "related"]
    inline = [r for r in art.related if r.kind == "inline"]
    assert [r.title[:40] for r in related] == [
        "Robert Downey Jr. s'en prend à Elon Musk",
        "Justine Musk a révélé le secret de l'ext",
        "Son créateur rêve d'une suite, mais la m",
        "Digne d'un film de science-fiction : une",
        "Digne d'un film de science-fiction : pou",
    ]
    assert [(r.section, r.published) for r in related] == [
        ("Ciné série", "2024-10-28"), ("Tech", "2024-11-27"), ("Ciné série", "2024-07-03"),
        ("Tech", "2024-12-18"), ("Tech", "2024-11-22"),
    ]
    assert related[0].title.endswith("qui a inspiré Iron Man")  # no play_circle
    assert [r.title[:30] for r in inline] == [
        "Les salaires de Tesla ont fuit",
        "Elon Musk a acheté tout le sto",
    ]
    kinds = [r.kind for r in art.related]
    assert kinds[:7] == ["related"] * 5 + ["inline"] * 2
    assert all(k == "more" for k in kinds[7:])
    assert all(r.url is None for r in art.related)
