"""Related links on real pages (the shared gold set) and on the demo library."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urlsplit

import pytest
from conftest import SHARED, corpus_dir

from reader import paths
from reader.core.html import extract_html


def _scorer() -> ModuleType:
    path = SHARED / "tools" / "score_related.py"
    if not path.exists():
        pytest.skip("shared scorer not available")
    spec = importlib.util.spec_from_file_location("score_related", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_targets() -> None:
    """Precision >= 0.90 and recall >= 0.85 over related+inline; first five clean on >= 95% of pages."""
    data = corpus_dir("scrapinghub-dev")
    score = _scorer()
    gold = json.loads((data / "related-gold.json").read_text("utf-8"))
    rows = []
    for pid, entry in gold.items():
        html = score.load_html(data, pid)
        article = extract_html(html, entry["url"])
        for item in article.related:
            assert item.url and item.title and item.kind in ("related", "inline", "more")
        rows.append(score.score_page(score.PageGold(entry), [r.url for r in article.related]))
    summary = score.summary(rows)
    assert summary["P"] >= 0.90, summary
    assert summary["R"] >= 0.85, summary
    assert summary["top5_clean"] >= 0.95, summary


def _demo_pages() -> list[Path]:
    folder = paths.demo_dir()
    pages = sorted(folder.glob("*.html"))
    if not pages:
        pytest.skip("demo library not available")
    return pages


def test_demo_library_is_walkable_through_related_links() -> None:
    """Every local related entry of every demo page opens another demo page."""
    pages = _demo_pages()
    names = {page.name for page in pages}
    reached: set[str] = set()
    for page in pages:
        article = extract_html(page.read_text("utf-8"), page.resolve().as_uri())
        local = [r for r in article.related if r.url and r.url.startswith("file:")]
        assert len(local) >= 2, (page.name, article.related)
        for item in local:
            assert item.url is not None
            target = Path(unquote(urlsplit(item.url).path))
            assert target.exists() and target.name in names, (page.name, item)
            assert target.name != page.name
            assert item.kind in ("related", "inline"), (page.name, item)
            reached.add(target.name)
    # Followed link after link, the related lists reach (almost) the whole library.
    assert len(reached) >= len(names) - 1
