"""The fast launcher: the first page is loaded by a forked child while Textual imports."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.config import Config
from reader.ui.launch import start_preload
from reader.ui.loader import LoadError, load_page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork")


def test_preload_gives_the_same_page_as_loading_here(tmp_path: Path) -> None:
    page_file = tmp_path / "p.html"
    page_file.write_text(
        "<html><head><title>Preloaded story</title></head><body><article><h1>Preloaded story</h1>"
        + "<p>Some words about the harbour and the council, long enough to count.</p>" * 8
        + "</article></body></html>",
        encoding="utf-8",
    )
    preload = start_preload(str(page_file), Config())
    assert preload is not None and preload.source == str(page_file.resolve())
    page = preload.result()
    assert page is not None
    assert page.article == load_page(str(page_file), Config()).article
    assert preload.result() is None  # taken once


def test_preload_reports_errors_like_a_load(tmp_path: Path) -> None:
    preload = start_preload(str(tmp_path / "missing.html"), Config())
    assert preload is not None
    with pytest.raises(LoadError, match="no such file"):
        preload.result()
