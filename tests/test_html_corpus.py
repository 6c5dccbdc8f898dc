"""The extraction targets on the shared corpus, scored by the shared scorer (skipped without it)."""

from __future__ import annotations

import importlib
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bench.quality import run
from tests.conftest import SHARED, corpus_dir


@cache
def scorer() -> ModuleType:
    tools = SHARED / "tools"
    if not (tools / "score_extraction.py").exists():
        pytest.skip("shared scorer not available")
    sys.path.insert(0, str(tools))
    return importlib.import_module("score_extraction")


@cache
def results(name: str) -> dict[str, Any]:
    """The scorer's summary of Broadsheet on one dataset."""
    sc = scorer()
    pages = sc.load_dataset(Path(corpus_dir(name)))
    rows = []
    for page in pages:
        out = run(page.html, page.url)
        row = (
            sc.snippet_scores(page.snippets, out["text"]) if page.snippets
            else sc.page_scores(page.text, out["text"])
        )
        row.update(id=page.id, ms=0.0, error=None, empty=not out["text"].strip())
        for field, true in page.meta.items():
            if true:
                row[field] = sc.meta_match(field, true, out.get(field)) if out.get(field) else None
        rows.append(row)
    summary: dict[str, Any] = sc.summarize(rows, len(pages))
    return summary


def test_scrapinghub_body_f1() -> None:
    res = results("scrapinghub-dev")
    assert res["f1"] >= 0.985
    assert res["share_f1_gt_0.9"] >= 0.97


def test_multilingual_snippet_f1() -> None:
    assert results("multilingual-dev")["f1"] >= 0.94


def test_readability_title_and_byline() -> None:
    res = results("readability-dev")
    assert res["title_match"] >= 0.90
    assert res["author_match"] >= 0.75
