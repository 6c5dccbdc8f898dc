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
from reader.core.html.authors import byline_names, referenced
from reader.core.html.byline import visible_byline
from reader.core.html.structured import first, json_ld, meta_values, names, page_title
from reader.core.html.title import (
    choose_title,
    h1_texts,
    site_from_title,
    site_names,
    split_title,
    squash,
)
from reader.core.sanitize import clean_text

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


def _lang(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].split(",")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _byline(
    obj: dict[str, Any], meta: dict[str, str], root: Any, site: str | None, url: str | None
) -> tuple[str | None, tuple[str, ...]]:
    """(byline, author names): structured data first, then the visible byline; the names the
    page shows, without "By", roles, dates or links."""
    declared = [clean_text(html.unescape(n)) for n in
                names(referenced(obj.get("author"), root)) or names(obj.get("creator"))]
    authors = [a for a in declared if a and "http" not in a]
    if not authors:
        raw = first(meta.get("author"), meta.get("dc.creator"), meta.get("dcterms.creator"),
                    meta.get("parsely-author"), meta.get("sailthru.author"))
        if raw and not raw.startswith(("http", "@")):
            authors = [raw]
    found: list[str] = []
    for author in dict.fromkeys(authors):
        got = byline_names(author, marked=False) or byline_names(author)
        found.extend(got.authors if got is not None else ())
    sites = site_names(site, url)
    if found and not all(squash(a) in sites for a in found):
        unique = tuple(dict.fromkeys(found))
        return ", ".join(unique), unique
    shown = visible_byline(root)  # the declared author may be the site: a person shown wins
    if shown is None and found:
        return found[0], (found[0],)
    if shown is not None:
        return shown.text, shown.authors
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
    h1s, brands = h1_texts(root)
    structured = [c for c in (
        first(obj.get("headline")) if articles else None,
        first(meta.get("og:title")),
        first(meta.get("twitter:title")),
        first(meta.get("dc.title"), meta.get("dcterms.title")),
        first(meta.get("title")),
        first(obj.get("name")) if articles else None,
    ) if c]
    title = choose_title(structured, page, h1s, site, url, brands)
    site = site or site_from_title(page, split_title(page, None, h1s) if page else title)

    byline, authors = _byline(obj, meta, root, site, url)

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
