"""Hostile pages through extract() and `broadsheet dump`: nothing dangerous reaches the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader
from reader.core.models import Article
from reader.core.sanitize import clean_text, clean_url
from tests.hostile import AFTER, BEFORE, MARKUP, TRICKS, assert_clean, hostile_dump, hostile_page


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("name", sorted(TRICKS))
def test_clean_text_removes_each_trick_and_keeps_the_words(name: str) -> None:
    cleaned = clean_text(f"{BEFORE} {TRICKS[name]} {AFTER}")
    assert_clean(cleaned)
    assert cleaned.startswith(BEFORE) and cleaned.endswith(AFTER)
    assert "pwned" not in cleaned


def test_clean_url_only_allows_web_and_local() -> None:
    assert clean_url("https://a.example/x") == "https://a.example/x"
    assert clean_url("/local/page.html") == "/local/page.html"
    assert clean_url("javascript:alert(1)") is None
    assert clean_url("data:text/html,hi") is None
    assert clean_url("vbscript:x") is None
    assert clean_url(f"https://a.example/{TRICKS['osc_title']}x") == "https://a.example/x"


@pytest.mark.parametrize("make", [hostile_page, hostile_dump])
def test_every_string_of_the_article_is_clean(make: object) -> None:
    article = reader.extract(make())  # type: ignore[operator]
    strings = _strings(article.to_dict())
    assert strings
    for text in strings:
        assert_clean(text)
        assert "pwned" not in text and "evil.example" not in text
    assert BEFORE in article.title and AFTER in article.title
    for markup in MARKUP.values():
        assert markup in article.text  # kept literally, to be shown as text


@pytest.mark.parametrize("fmt", ["markdown", "text", "json"])
@pytest.mark.parametrize("make", [hostile_page, hostile_dump])
def test_dump_output_has_no_escape_bytes(fmt: str, make: object, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(make(), encoding="utf-8")  # type: ignore[operator]
    proc = subprocess.run([sys.executable, "-m", "reader", "dump", "--format", fmt, str(page)],
                          capture_output=True, env=os.environ.copy(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert_clean(out)
    assert "\x1b" not in proc.stderr.decode("utf-8", "replace")
    if fmt == "json":
        assert_clean(json.dumps(json.loads(out), ensure_ascii=False))
    assert "styled" in out and "quit-link" in out


def test_link_urls_are_clean_and_web_only() -> None:
    article = reader.extract(hostile_page(), url="https://news.example/")
    hrefs = [s.href for b in article.body for s in b.spans if s.href]
    assert hrefs
    for href in hrefs:
        assert_clean(href)
        assert href.startswith("https://news.example/")


def test_article_fields_are_all_covered() -> None:
    # A new string field must be added to the hostile checks above.
    assert {f.name for f in fields(Article)} >= {"title", "byline", "lead", "text", "site"}


_SPACE_KINDS = " \t\u00a0\u1680\u2003\u202f\u205f\u3000"


@given(st.lists(st.sampled_from(["word", "mot", "\n", *_SPACE_KINDS]), max_size=40))
@settings(max_examples=300, deadline=None)
def test_clean_text_leaves_single_plain_spaces_between_words(parts: list[str]) -> None:
    text = "".join(parts)
    for multiline in (False, True):
        cleaned = clean_text(text, multiline=multiline)
        assert not any(ch in cleaned for ch in _SPACE_KINDS.replace(" ", ""))
        assert "  " not in cleaned and cleaned == cleaned.strip()
        assert cleaned.split() == text.split() or multiline  # every word kept, in order
        if multiline:
            assert [w for line in cleaned.split("\n") for w in line.split()] == text.split()
