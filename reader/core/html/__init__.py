"""Extraction from HTML: parse once, find the body, clean it, read metadata and related links."""

from __future__ import annotations

import sys
from typing import Any
from urllib.parse import urljoin

from reader.core.blocks import body_text
from reader.core.html.body import convert_body
from reader.core.html.clean import clean_body
from reader.core.html.enrich import enrich
from reader.core.html.locate import Placed, TextIndex, place
from reader.core.html.metadata import extract_metadata
from reader.core.html.parse import parse_html
from reader.core.html.recover import recover, standfirst
from reader.core.html.related import find_related
from reader.core.models import Article, Block, Span
from reader.core.text.cues import guess_lang

__all__ = ["extract_html"]

#: Below this many characters of body the extractor is asked again, favouring recall.
_TOO_SHORT = 250
#: Pages longer than this (characters of HTML) get at most one extra extractor pass.
_BIG = 250_000
#: Below this many characters the extractor's slower comparison with its fallbacks is run.
_SHORT = 1000


def _trafilatura() -> Any:
    """The extractor module, imported without py3langid.

    trafilatura imports py3langid (and with it numpy, over 0.1 s) only for a
    language filter Broadsheet never asks for; the app's cold start pays for
    every import, so the package is hidden while trafilatura loads.
    """
    module = sys.modules.get("trafilatura")
    if module is not None:
        return module
    hide = "py3langid" not in sys.modules
    if hide:
        sys.modules["py3langid"] = None  # type: ignore[assignment]
    try:
        import trafilatura
    finally:
        if hide and sys.modules.get("py3langid") is None:
            del sys.modules["py3langid"]
    return trafilatura


def _main_content(root: Any, url: str | None, *, recall: bool = False, fast: bool = True) -> Any:
    """The extractor's document (its body tree), or None; ``recall`` asks for more text,
    ``fast`` skips its comparison with its fallback extractors (readability, jusText)."""
    trafilatura = _trafilatura()
    try:
        return trafilatura.bare_extraction(
            root,
            url=url,
            with_metadata=False,  # metadata.py reads it; the extractor's own date search is slow
            include_comments=False,
            include_links=False,  # links and images sway its scores: enrich() restores them
            include_images=False,
            include_formatting=False,  # enrich() rebuilds emphasis from the page itself
            include_tables=True,
            favor_precision=not recall,
            favor_recall=recall,
            fast=fast,
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None


def _size(doc: Any) -> int:
    return len(getattr(doc, "text", None) or "")


def _find_body(root: Any, url: str | None, *, big: bool) -> Any:
    """The extractor's body: its fast precision pass, then (on thin results only) its
    comparison with its fallback algorithms, then recall. Big pages get one extra pass at
    most, and only when the first found next to nothing."""
    doc = _main_content(root, url)
    if big:
        return _larger(doc, _main_content(root, url, recall=True)) if _size(doc) < _SHORT else doc
    paragraphs = sum(len(p.text_content()) for p in root.iter("p"))
    if _size(doc) < _SHORT or _size(doc) < 0.5 * paragraphs:
        # Little text for the page: let the extractor compare with its fallback algorithms.
        doc = _main_content(root, url, fast=False)
    if _size(doc) < _TOO_SHORT or _size(doc) < 0.25 * paragraphs:
        # Precision pruned (next to) everything: a page of unusual layout; ask for recall.
        doc = _larger(doc, _main_content(root, url, recall=True))
    return doc


def _larger(doc: Any, other: Any) -> Any:
    return other if _size(other) > _size(doc) else doc


def extract_html(html: str, url: str | None = None) -> Article:
    """An Article from an HTML document (entities and reading time are added by the caller)."""
    root = parse_html(html)
    if root is None:
        return Article(url=url)
    base = root.find(".//base[@href]")
    base_url = url
    if base is not None:
        base_url = urljoin(url or "", base.get("href") or "") or url
    doc = _find_body(root, url, big=len(html) > _BIG)
    meta = extract_metadata(root, url)
    blocks = convert_body(getattr(doc, "body", None), base_url)
    placed = recover(place(blocks, TextIndex(root)))
    lead = standfirst(placed, root, meta.title, meta.lead or "")
    if lead:
        placed.insert(0, Placed(Block("paragraph", (Span(lead),))))
    cleaned = clean_body(placed, meta.title)
    body = enrich(cleaned.kept, root, base_url, cleaned.captions)
    text = body_text(body)
    located = [el for p in cleaned.kept for el in (p.el, *p.items) if el is not None]
    lang = meta.lang or guess_lang(text[:5000])
    return Article(
        url=url,
        title=meta.title,
        section=meta.section,
        byline=meta.byline,
        authors=meta.authors,
        published=meta.published,
        updated=meta.updated,
        site=meta.site,
        lang=lang,
        lead=lead or meta.lead,
        body=body,
        text=text,
        tags=meta.tags,
        related=find_related(root, base_url, body, promos=tuple(cleaned.promos), located=located),
    )
