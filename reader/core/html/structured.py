"""What a page declares about itself: JSON-LD objects and <meta> values."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from reader.core.sanitize import clean_text

_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "liveblogposting", "socialmediaposting", "report", "posting",
    "askpublicnewsarticle", "satiricalarticle", "advertisercontentarticle", "medicalwebpage",
    "recipe", "howto", "review", "creativework", "videoobject", "podcastepisode", "event",
})
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "qapage"})
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")


def _kinds(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.lower() for k in kinds if isinstance(k, str)}


def json_ld(root: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(article-like objects, page/site objects) of the page's JSON-LD, @graph flattened."""
    articles: list[dict[str, Any]] = []
    pages: list[dict[str, Any]] = []

    def visit(node: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:50]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            kinds = _kinds(node)
            if kinds & _ARTICLE_TYPES:
                articles.append(node)
            elif kinds & _PAGE_TYPES or "website" in kinds:
                pages.append(node)
            for sub in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart"):
                if isinstance(node.get(sub), dict | list):
                    visit(node[sub], depth + 1)

    for script in root.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > 500_000:
            continue
        raw = _CDATA.sub("", raw.strip())
        raw = _CDATA.sub("", raw.strip())
        try:
            visit(json.loads(raw, strict=False))
        except (ValueError, RecursionError):
            continue
    # News types before generic ones (an Event or Recipe is a fallback).
    articles.sort(key=lambda obj: not (_kinds(obj) & {"newsarticle", "article", "blogposting",
                                                     "reportagenewsarticle", "opinionnewsarticle",
                                                     "analysisnewsarticle", "liveblogposting"}))
    return articles, pages


def names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD author/publisher value."""
    if isinstance(value, str):
        return [value] if not value.startswith(("http://", "https://")) else []
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value[:10] for n in names(item)]
    return []


def meta_values(root: Any) -> dict[str, str]:
    """<meta> values keyed by lower-cased property/name/itemprop/http-equiv (first one wins)."""
    out: dict[str, str] = {}
    for el in root.iterfind(".//meta"):
        content = el.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            k = el.get(attr)
            if k and k.lower() not in out:
                out[k.lower()] = content
    return out


def first(*values: Any) -> str | None:
    """The first value that is a non-empty string (or a list starting with one), cleaned."""
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        if isinstance(value, str):
            if "&" in value:
                value = html.unescape(value)
            cleaned = clean_text(value)
            if cleaned:
                return cleaned
    return None


def page_title(root: Any) -> str:
    """The document's <title>: the one in <head>, else the first non-empty one outside SVG."""
    for el in root.iter("title"):
        parent = el.getparent()
        if parent is not None and parent.tag in ("svg", "symbol", "g"):
            continue
        text = clean_text(el.text_content())
        if text:
            return text
    return ""
