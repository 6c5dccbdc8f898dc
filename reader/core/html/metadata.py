"""Article metadata from structured data (JSON-LD, OpenGraph, meta) and the visible page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.core.dates import parse_date
from reader.core.sanitize import clean_text

_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "liveblogposting", "socialmediaposting", "webpage", "report",
}
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»/]\s+")


@dataclass(frozen=True)
class Metadata:
    """Everything about the article that is not its body."""

    title: str = ""
    section: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    site: str | None = None
    lang: str | None = None
    lead: str | None = None
    tags: tuple[str, ...] = ()


def _json_ld_objects(root: Any) -> list[dict[str, Any]]:
    """Article-like JSON-LD objects, flattening @graph and lists."""
    found: list[dict[str, Any]] = []

    def visit(node: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:50]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                found.append(node)
            if "@graph" in node:
                visit(node["@graph"], depth + 1)
            if isinstance(node.get("mainEntity"), (dict, list)):
                visit(node["mainEntity"], depth + 1)

    for script in root.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > 500_000:
            continue
        try:
            visit(json.loads(raw, strict=False))
        except (ValueError, RecursionError):
            continue
    # Real articles first; WebPage only as a fallback.
    found.sort(key=lambda obj: str(obj.get("@type")).lower() == "webpage")
    return found


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD author/publisher value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value[:10] for n in _names(item)]
    return []


def _meta(root: Any) -> dict[str, str]:
    """<meta> values keyed by lower-cased property/name/itemprop (first one wins)."""
    out: dict[str, str] = {}
    for el in root.iterfind(".//meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content and key.lower() not in out:
            out[key.lower()] = content
    return out


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str):
            cleaned = clean_text(value)
            if cleaned:
                return cleaned
    return None


def _strip_site(title: str, site: str | None) -> str:
    """Drop a " | Site Name" suffix or prefix from a <title>."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        folded = site.casefold()
        kept = [p for p in parts if p.casefold() != folded and folded not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    return max(parts, key=len) if len(max(parts, key=len).split()) >= 3 else title


def _h1s(root: Any) -> list[str]:
    out = []
    for el in root.iterfind(".//h1"):
        text = clean_text(" ".join(el.itertext()))
        if text:
            out.append(text)
    return out


def _similar(a: str, b: str) -> bool:
    fa, fb = a.casefold(), b.casefold()
    return fa == fb or (len(fa) > 15 and (fa in fb or fb in fa))


def choose_title(candidates: list[str], h1s: list[str]) -> str:
    """The visible headline when structured data confirms it, else the best candidate."""
    for h1 in h1s:
        if any(_similar(h1, c) for c in candidates):
            return h1
    if candidates:
        return candidates[0]
    return h1s[0] if len(h1s) == 1 else ""


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def extract_metadata(root: Any, extractor_doc: Any = None) -> Metadata:
    """Metadata from the parsed page; ``extractor_doc`` adds what the extractor found."""
    meta = _meta(root)
    ld = _json_ld_objects(root)
    obj = ld[0] if ld else {}
    doc = extractor_doc

    site = _first(
        meta.get("og:site_name"),
        _names(obj.get("publisher"))[:1],
        meta.get("application-name"),
        getattr(doc, "sitename", None),
    )
    title_el = root.find(".//title")
    page_title = clean_text(" ".join(title_el.itertext())) if title_el is not None else ""
    candidates = [
        c
        for c in (
            _first(obj.get("headline")),
            _first(meta.get("og:title")),
            _first(meta.get("twitter:title")),
            _strip_site(page_title, site) if page_title else None,
            _first(getattr(doc, "title", None)),
        )
        if c
    ]
    title = choose_title(candidates, _h1s(root))

    authors = [clean_text(n) for n in _names(obj.get("author"))]
    if not authors:
        raw = _first(meta.get("author"), meta.get("article:author"), getattr(doc, "author", None))
        if raw and not raw.startswith("http"):
            authors = [a.strip() for a in re.split(r"\s*;\s*|\s+and\s+|,\s*(?=[A-Z])", raw) if a.strip()]
    authors = [a for a in dict.fromkeys(authors) if a and not a.startswith("http")]
    byline = ", ".join(authors[:-1]) + " and " + authors[-1] if len(authors) > 1 else (authors[0] if authors else None)

    published = (
        parse_date(_first(obj.get("datePublished")))
        or parse_date(meta.get("article:published_time"))
        or parse_date(meta.get("datepublished"))
        or parse_date(meta.get("pubdate"))
        or parse_date(meta.get("date"))
        or parse_date(meta.get("dc.date"))
        or _time_element(root)
        or parse_date(getattr(doc, "date", None))
    )
    updated = parse_date(_first(obj.get("dateModified"))) or parse_date(
        meta.get("article:modified_time")
    )

    section = _first(obj.get("articleSection"), meta.get("article:section"),
                     getattr(doc, "categories", None))
    tags_raw: list[str] = []
    keywords = obj.get("keywords")
    if isinstance(keywords, str):
        tags_raw = keywords.split(",")
    elif isinstance(keywords, list):
        tags_raw = [k for k in keywords if isinstance(k, str)]
    if not tags_raw:
        tags_raw = [el.get("content") or "" for el in root.iterfind(".//meta[@property='article:tag']")]
    if not tags_raw and getattr(doc, "tags", None):
        tags_raw = list(doc.tags)
    tags = tuple(dict.fromkeys(t for t in (clean_text(x) for x in tags_raw) if t))[:20]

    html_el = root if root.tag == "html" else root.find(".//html")
    lang = _lang(html_el.get("lang") if html_el is not None else None) or _lang(
        _first(obj.get("inLanguage"), meta.get("og:locale"), meta.get("content-language"))
    )
    lead = _first(meta.get("og:description"), meta.get("description"), obj.get("description"))
    return Metadata(
        title=title,
        section=section,
        byline=byline,
        authors=tuple(authors),
        published=published,
        updated=updated,
        site=site,
        lang=lang,
        lead=lead,
        tags=tags,
    )


def _time_element(root: Any) -> datetime | None:
    for el in root.iterfind(".//time[@datetime]"):
        parsed = parse_date(el.get("datetime"))
        if parsed:
            return parsed
    return None
