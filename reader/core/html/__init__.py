"""Extraction from HTML: parse once, find the body, read metadata and related links."""

from __future__ import annotations

from typing import Any

from reader.core.blocks import body_text
from reader.core.html.body import convert_body
from reader.core.html.enrich import enrich
from reader.core.html.metadata import extract_metadata
from reader.core.html.parse import parse_html
from reader.core.html.related import find_related
from reader.core.models import Article

__all__ = ["extract_html"]


def _main_content(root: Any, url: str | None) -> Any:
    """The extractor's document (body tree plus its own metadata guesses), or None."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            root,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_links=False,  # links and images sway its scores: enrich() restores them
            include_images=False,
            include_formatting=True,
            include_tables=True,
            favor_precision=True,
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None


def extract_html(html: str, url: str | None = None) -> Article:
    """An Article from an HTML document (entities and reading time are added by the caller)."""
    root = parse_html(html)
    if root is None:
        return Article(url=url)
    base = root.find(".//base[@href]")
    base_url = url
    if base is not None:
        from urllib.parse import urljoin

        base_url = urljoin(url or "", base.get("href") or "") or url
    doc = _main_content(root, url)
    meta = extract_metadata(root, doc)
    body = enrich(convert_body(getattr(doc, "body", None), base_url), root, base_url)
    if body and body[0].kind == "heading" and body[0].text.casefold() == meta.title.casefold():
        body = body[1:]
    return Article(
        url=url,
        title=meta.title,
        section=meta.section,
        byline=meta.byline,
        authors=meta.authors,
        published=meta.published,
        updated=meta.updated,
        site=meta.site,
        lang=meta.lang,
        lead=meta.lead,
        body=body,
        text=body_text(body),
        tags=meta.tags,
        related=find_related(root, base_url, body),
    )
