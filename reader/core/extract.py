"""The public entry point: any page (HTML or a plain-text copy) in, an Article out."""

from __future__ import annotations

import dataclasses
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reader.core.decode import decode
from reader.core.detect import looks_like_html
from reader.core.errors import ExtractionError
from reader.core.models import Article
from reader.core.reading import reading_minutes
from reader.core.sanitize import clean_url, strip_escapes

if TYPE_CHECKING:
    from reader.core.entities import EntityEngine

__all__ = ["MAX_CHARS", "ExtractionError", "extract"]

#: Past this many characters (after dropping scripts and styles) a page is cut:
#: no article is that long, and extraction time grows with the page.
MAX_CHARS = 1_000_000
#: Plain-text copies carry no markup, so the same article fits in far less.
MAX_TEXT_CHARS = 500_000
#: Entities are looked for in this much of the text (a 30,000-word article); past it,
#: names are not counted: the cost grows with the text and the sidebar is long enough.
MAX_ENTITY_CHARS = 200_000
# JSON-LD scripts stay: they carry the headline, byline and dates.
# Written as "unrolled loops" (runs of non-"<" characters, then a "<" that does not close
# the element): the same matches as lazy ".*?", eight times faster on a huge page.
_HEAVY = re.compile(
    r"<script\b(?![^>]*ld\+json)[^>]*>[^<]*(?:<(?!/script\s*>)[^<]*)*</script\s*>"
    r"|<(style|svg|noscript|template)\b[^>]*>[^<]*(?:<(?!/\1\s*>)[^<]*)*</\1\s*>|<!--(?:[^-]|-(?!->))*-->",
    re.I | re.S,
)
_NESTING_TAG = re.compile(r"<(/?)(?:div|span|font|section|table|td|tr)\b[^>]*>", re.I)
_MAX_DEPTH = 400


def _shrink_html(text: str) -> tuple[str, tuple[str, ...]]:
    """Drop what no reader shows from a huge page, flatten absurd nesting, cut what remains."""
    notes: list[str] = []
    if len(text) > MAX_CHARS // 3:
        text = _HEAVY.sub(" ", text)
    if len(text) > MAX_CHARS:
        cut = text.rfind(">", 0, MAX_CHARS) + 1 or MAX_CHARS
        text = text[:cut]
        notes.append("the page is very long; only its first part was read")
    return text, tuple(notes)


def _depth(text: str) -> int:
    depth = deepest = 0
    for match in _NESTING_TAG.finditer(text):
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


@contextmanager
def _time_cap(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionError after ``seconds`` (main thread only: signals need it)."""
    usable = (
        seconds is not None and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise ExtractionError(f"gave up: reading the page took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract(
    content: str | bytes,
    url: str | None = None,
    *,
    charset: str | None = None,
    timeout: float | None = None,
    entities: EntityEngine | None = None,
) -> Article:
    """Extract the article from ``content``.

    ``content`` is HTML or a whole-page plain-text copy, as bytes (decoded from
    BOM, ``charset`` as an HTTP header gave it, the page's own declaration, or a
    detector) or str. ``url`` resolves relative links. Never raises on a broken
    page: returns an Article, empty when nothing readable was found. Raises
    :class:`ExtractionError` only for input that is not text at all (an image,
    a PDF, an archive...), or when ``timeout`` seconds pass (enforced in the
    main thread only), with a one-line message for the user. ``entities`` is the
    engine that finds named entities (the built-in one by default; see
    :func:`reader.core.entities.get_engine`).
    """
    with _time_cap(timeout):
        return _extract(content, url, charset, entities)


def _extract(
    content: str | bytes, url: str | None, charset: str | None, engine: EntityEngine | None
) -> Article:
    if isinstance(content, bytes | bytearray | memoryview):
        text = decode(bytes(content), charset)
    elif isinstance(content, str):
        text = content
    else:
        raise ExtractionError(f"cannot read {type(content).__name__} as a page")
    if "\x00" in text:
        text = text.replace("\x00", "")
    text = strip_escapes(text)
    url = clean_url(url)
    if not text.strip():
        return Article(url=url)
    if looks_like_html(text):
        from reader.core.html import extract_html

        text, notes = _shrink_html(text)
        article = extract_html(text, url)
        if not article.text and _depth(text) > _MAX_DEPTH:
            # Parsers give up past a few hundred levels; layout tags carry no article
            # text, so a page that came out empty that way is read again without them.
            article = extract_html(_NESTING_TAG.sub(" ", text), url)
            notes += ("the page's markup was nested too deeply and was flattened",)
    else:
        from reader.core.text.page import extract_text_page

        notes = ()
        if len(text) > MAX_TEXT_CHARS:
            text = text[: text.rfind("\n", 0, MAX_TEXT_CHARS) + 1 or MAX_TEXT_CHARS]
            notes = ("the page is very long; only its first part was read",)
        article = extract_text_page(text, url)
    if notes:
        article = dataclasses.replace(article, warnings=article.warnings + notes)
    return _finish(article, engine)


def _finish(article: Article, engine: EntityEngine | None) -> Article:
    """Steps shared by every kind of page: entities and reading time."""
    article = with_entities(article, engine)
    return dataclasses.replace(article, reading_minutes=reading_minutes(article.text, article.lang))


def with_entities(article: Article, engine: EntityEngine | None = None) -> Article:
    """``article`` with the named entities ``engine`` finds (the built-in engine by default).

    The app calls this after its first paint for a page extracted without entities.
    """
    if engine is None:
        from reader.core.entities import BuiltinEngine

        engine = BuiltinEngine()
    entities = engine.find(article.text[:MAX_ENTITY_CHARS], title=article.title, lang=article.lang)
    return dataclasses.replace(article, entities=entities)
