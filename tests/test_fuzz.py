"""Fuzzing extract(): random HTML trees, random text and bytes never crash it and stay clean.

The normal suite runs a short fuzz; `BROADSHEET_FUZZ_EXAMPLES=10000 pytest tests/test_fuzz.py`
is the full run (each case must finish within 2 s).
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader
from reader.core.errors import ExtractionError
from reader.core.render import to_markdown, to_text
from tests.fuzz_strategies import encoded, page, text
from tests.hostile import assert_clean

EXAMPLES = int(os.environ.get("BROADSHEET_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES < 1000,  # the normal suite is repeatable; the full run explores
)


def _check(article: reader.Article) -> None:
    for out in (to_markdown(article), to_text(article), str(article.to_dict())):
        assert_clean(out.replace("\\n", "").replace("\\t", ""))
    if article.text:
        assert article.text == article.text.strip()


@FUZZ
@given(page())
def test_random_html_trees(doc: str) -> None:
    _check(reader.extract(doc, url="https://news.example/a/b"))


@FUZZ
@given(page(), st.sampled_from(["utf-8", "utf-16", "cp1252", "shift_jis", "gb18030", "latin-1"]))
def test_random_html_bytes_in_many_encodings(doc: str, codec: str) -> None:
    try:
        article = reader.extract(encoded(doc, codec))
    except ExtractionError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    _check(article)


@FUZZ
@given(st.lists(text, max_size=30).map("\n".join))
def test_random_plain_text(doc: str) -> None:
    _check(reader.extract(doc))


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    try:
        article = reader.extract(data)
    except ExtractionError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    _check(article)
