"""The public entry point: any page (HTML or a plain-text copy) in, an Article out."""

from __future__ import annotations

import dataclasses

from reader.core.decode import decode
from reader.core.detect import looks_like_html
from reader.core.errors import ExtractionError
from reader.core.models import Article
from reader.core.reading import reading_minutes
from reader.core.sanitize import clean_url

__all__ = ["ExtractionError", "extract"]


def extract(content: str | bytes, url: str | None = None, *, charset: str | None = None) -> Article:
    """Extract the article from ``content``.

    ``content`` is HTML or a whole-page plain-text copy, as bytes (decoded from
    BOM, ``charset`` as an HTTP header gave it, the page's own declaration, or a
    detector) or str. ``url`` resolves relative links. Never raises on a broken
    page: returns an Article, empty when nothing readable was found. Raises
    :class:`ExtractionError` only for input that is not text at all (an image,
    a PDF, an archive...), with a one-line message for the user.
    """
    if isinstance(content, bytes | bytearray | memoryview):
        text = decode(bytes(content), charset)
    elif isinstance(content, str):
        text = content
    else:
        raise ExtractionError(f"cannot read {type(content).__name__} as a page")
    if "\x00" in text:
        text = text.replace("\x00", "")
    url = clean_url(url)
    if not text.strip():
        return Article(url=url)
    if looks_like_html(text):
        from reader.core.html import extract_html

        article = extract_html(text, url)
    else:
        from reader.core.text import extract_text_page

        article = extract_text_page(text, url)
    return _finish(article)


def _finish(article: Article) -> Article:
    """Steps shared by every kind of page: entities and reading time."""
    from reader.core.entities import find_entities

    entities = find_entities(article.text, title=article.title, lang=article.lang)
    return dataclasses.replace(
        article,
        entities=entities,
        reading_minutes=reading_minutes(article.text, article.lang),
    )
