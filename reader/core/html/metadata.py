"""Article metadata from structured data (JSON-LD, OpenGraph, meta) and the visible page."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from reader.core.dates import parse_date, url_date, written_date
from reader.core.html.byline import split_authors, visible_byline
from reader.core.html.structured import first, json_ld, meta_values, names, page_title
from reader.core.sanitize import clean_text

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»/│•]\s+|\s+[\[(][^\])]+[\])]\s*$")
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "article.published",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "date", "citation_publication_date", "citation_date",
    "article_date_original", "originalpublicationdate", "publication_date", "release_date",
    "cxenseparse:recs:publishtime", "last-modified",
)
_UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "dc.date.modified", "lastmod", "last-modified")


def _date_elements(body: Any) -> Iterator[Any]:
    """Elements that may show the date (time, itemprop, pubdate, date-like class or id), in
    document order; a loop that stops at the first date costs less than an XPath over all."""
    for el in body.iterdescendants(etree.Element):
        cls = el.get("class")
        ident = el.get("id")
        if (el.tag == "time" or el.get("itemprop") in ("datePublished", "dateCreated")
                or el.get("pubdate") is not None
                or (cls and ("publish" in cls or "date" in cls or "Date" in cls or "time" in cls))
                or (ident and "date" in ident)):
            yield el


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


def _h1s(root: Any) -> list[str]:
    out = []
    for el in root.iterfind(".//h1"):
        text = clean_text(" ".join(el.itertext()))
        if text:
            out.append(text)
    return out


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _similar(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    return bool(fa) and (fa == fb or (len(fa) > 15 and (fa in fb or fb in fa)))


def split_title(page: str, site: str | None, h1s: list[str]) -> str:
    """The headline inside a <title>: the part an <h1> confirms, else without the site's name."""
    for h1 in h1s:
        if len(h1) > 3 and _fold(h1) and _fold(h1) in _fold(page):
            return h1
    parts = [p for p in _TITLE_SEPARATORS.split(page) if p and p.strip()]
    if len(parts) < 2:
        return page
    if site:
        kept = [p for p in parts if not _similar(p, site) and _fold(site) not in _fold(p)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    longest = max(parts, key=len)
    return longest if len(longest.split()) >= 3 else page


def _squash(text: str) -> str:
    return "".join(re.findall(r"\w+", text.casefold()))


def site_names(site: str | None, url: str | None) -> list[str]:
    """Forms of the site's name to recognise in a title: its declared name, its domain label."""
    out = [_squash(site)] if site and _squash(site) else []
    if url:
        host = urlsplit(url).hostname or ""
        labels = [x for x in host.split(".") if x not in ("www", "m", "amp")]
        if len(labels) >= 2:
            out.append(_squash(labels[-2]))
    return [n for n in out if len(n) >= 3]


def strip_site(title: str, names_: list[str]) -> str:
    """The title without a leading or trailing part that names the site ("Headline | Site")."""
    if not names_:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _TITLE_SEPARATORS.findall(title)

    def is_site(part: str) -> bool:
        sq = _squash(part)
        return bool(sq) and any(n == sq or (n in sq and len(sq) < 3 * len(n) + 10) for n in names_)

    for i, part in enumerate(parts):
        if not is_site(part):
            continue
        if i == 0 and len(parts) > 1:
            rest = parts[1:]
            joined = rest[0] + "".join(sep + p for sep, p in zip(seps[1:], rest[1:], strict=False))
        elif i > 0:
            joined = parts[0] + "".join(sep + p for sep, p in zip(seps, parts[1:i], strict=False))
        else:
            continue
        return joined.strip() if len(joined.strip()) >= 4 else title
    return title


def choose_title(
    structured: list[str], page: str, h1s: list[str], site: str | None, url: str | None = None
) -> str:
    """The headline the page declares (JSON-LD, OpenGraph...) less the site's name, else the
    part of the <title> an <h1> confirms."""
    names_ = site_names(site, url)
    for candidate in structured:
        if names_ and _squash(candidate) in names_ and not any(_similar(candidate, h) for h in h1s):
            continue
        if len(candidate) >= 4:
            stripped = strip_site(candidate, names_)
            # Only drop the site's name where the page's own headline confirms the rest.
            if stripped != candidate and (not h1s or any(_fold(h) == _fold(stripped) for h in h1s)):
                return stripped
            return candidate
    if page:
        return split_title(page, site, h1s)
    return h1s[0] if h1s else ""


def _site_from_title(page: str, title: str) -> str | None:
    """The site name a <title> adds around the headline ("Headline | Site")."""
    if not page or not title or _fold(title) not in _fold(page):
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page) if p and p.strip()]
    rest = [p for p in parts if _fold(p) not in _fold(title) and _fold(title) not in _fold(p)]
    if len(rest) == 1 and len(rest[0].split()) <= 4:
        return rest[0].strip("[]() ")
    return None


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].split(",")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _byline(obj: dict[str, Any], meta: dict[str, str], root: Any) -> tuple[str | None, tuple[str, ...]]:
    """(byline as shown, author names): structured data first, then the visible byline."""
    authors = [clean_text(html.unescape(n)) for n in names(obj.get("author")) or names(obj.get("creator"))]
    authors = [a for a in authors if a and "http" not in a]
    if not authors:
        raw = first(meta.get("author"), meta.get("dc.creator"), meta.get("dcterms.creator"),
                    meta.get("parsely-author"), meta.get("sailthru.author"))
        if raw and not raw.startswith("http") and not raw.startswith("@"):
            found = split_authors(raw)
            if found:
                return raw, found
    if authors:
        authors = list(dict.fromkeys(authors))
        return ", ".join(authors), tuple(authors)
    shown = visible_byline(root)
    if shown:
        return shown, split_authors(shown)
    return None, ()


def _visible_date(root: Any) -> datetime | None:
    body = root.find("body")
    for el in islice(_date_elements(root if body is None else body), 40):
        for attr in ("datetime", "content", "data-timestamp", "title"):
            parsed = parse_date(el.get(attr))
            if parsed:
                return parsed
        text = clean_text(" ".join(el.itertext()))
        if 6 <= len(text) <= 120:
            parsed = written_date(text)
            if parsed:
                return parsed
    return None


_AFTER_HEADLINE = etree.XPath("following::text()[normalize-space()][position() <= 60]")
_BEFORE_HEADLINE = etree.XPath("preceding::text()[normalize-space()][position() <= 25]")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _date_near_headline(root: Any) -> datetime | None:
    """A date written next to the headline (after it first, then just before it)."""
    h1 = root.find(".//h1")
    if h1 is None:
        return None
    for axis in (_AFTER_HEADLINE, _BEFORE_HEADLINE):
        for node in axis(h1):
            parent = node.getparent()
            if parent is not None and parent.tag in ("script", "style", "noscript"):
                continue
            if len(node) < 120 and _YEAR.search(node):
                found = written_date(node)
                if found:
                    return found
    return None


def extract_metadata(root: Any, url: str | None = None) -> Metadata:
    """Metadata from the parsed page (``url`` helps recognise the site's name and the date);
    the language is None when the page does not declare it (the caller guesses from the text)."""
    meta = meta_values(root)
    articles, pages = json_ld(root)
    obj = articles[0] if articles else (pages[0] if pages else {})
    site_obj = next((p for p in pages if "name" in p), {})

    site = first(meta.get("og:site_name"), names(obj.get("publisher"))[:1],
                 meta.get("application-name"), meta.get("apple-mobile-web-app-title"),
                 site_obj.get("name") if "website" in str(site_obj.get("@type")).lower() else None)
    if site and site.startswith(("http://", "https://")):
        site = (urlsplit(site).hostname or "").removeprefix("www.") or None
    page = page_title(root)
    h1s = _h1s(root)
    structured = [c for c in (
        first(obj.get("headline")) if articles else None,
        first(meta.get("og:title")),
        first(meta.get("twitter:title")),
        first(meta.get("dc.title"), meta.get("dcterms.title")),
        first(meta.get("title")),
        first(obj.get("name")) if articles else None,
    ) if c]
    title = choose_title(structured, page, h1s, site, url)
    site = site or _site_from_title(page, split_title(page, None, h1s) if page else title)

    byline, authors = _byline(obj, meta, root)

    published = (
        parse_date(first(obj.get("datePublished"), obj.get("dateCreated"), obj.get("uploadDate")))
        or next((d for d in (parse_date(meta.get(k)) for k in _PUBLISHED_KEYS) if d), None)
        or _visible_date(root)
        or url_date(url)
        or _date_near_headline(root)
    )
    updated = parse_date(first(obj.get("dateModified"))) or next(
        (d for d in (parse_date(meta.get(k)) for k in _UPDATED_KEYS) if d), None
    )
    if updated and published and updated.replace(tzinfo=None) < published.replace(tzinfo=None):
        updated = None

    section = first(obj.get("articleSection"), meta.get("article:section"), meta.get("section"))
    tags_raw: list[str] = []
    keywords = obj.get("keywords")
    if isinstance(keywords, str):
        tags_raw = keywords.split(",")
    elif isinstance(keywords, list):
        tags_raw = [k for k in keywords if isinstance(k, str)]
    if not tags_raw:
        tags_raw = [el.get("content") or "" for el in root.iterfind(".//meta[@property='article:tag']")]
    if not tags_raw and meta.get("news_keywords"):
        tags_raw = meta["news_keywords"].split(",")
    tags = tuple(dict.fromkeys(t for t in (clean_text(x) for x in tags_raw) if t))[:20]

    html_el = root if root.tag == "html" else root.find(".//html")
    lang = _lang(html_el.get("lang") or html_el.get("xml:lang") if html_el is not None else None) or _lang(
        first(meta.get("content-language"), meta.get("og:locale"), meta.get("language"),
              meta.get("dc.language"), obj.get("inLanguage"))
    )
    lead = first(meta.get("og:description"), meta.get("description"), obj.get("description"))
    return Metadata(
        title=title,
        section=section,
        byline=byline,
        authors=authors,
        published=published,
        updated=updated,
        site=site,
        lang=lang,
        lead=lead,
        tags=tags,
    )
