"""Related stories linked from an HTML page: related blocks, in-body links and promos, other lists.

Each link of the page that points to a story (see :func:`related_urls.is_story_url`)
gets a kind from where it sits: inside the article body's span it is ``inline``;
in a block labelled or classed as related ("Related", "À lire aussi", "Материалы
по теме", ``class="related-posts"``) it is ``related``; in other story lists
("Most read", "Latest", unlabelled teaser lists) it is ``more``. Sponsored widgets,
sharing, comments, tags and bylines are left out, and so are unlabelled links in
menus, headers and footers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from reader.core.html.related_cues import cues
from reader.core.html.related_page import PageMap, kinds_at, map_page, mark_blocks
from reader.core.html.related_titles import anchor_title, clean_title, teaser_meta
from reader.core.html.related_urls import (
    HINT,
    STRONG,
    WEAK,
    SelfFilter,
    facts,
    resolve,
    slug_title,
    url_key,
)
from reader.core.models import RELATED_KINDS, Block, Related, RelatedKind, Span
from reader.core.sanitize import clean_text, clean_url

__all__ = ["find_related"]

_RANK = {kind: i for i, kind in enumerate(RELATED_KINDS)}
#: Title quality of a promo line's text (as good as a headline element).
_PROMO_QUALITY = 3
_NOT_STORY_LABELS = ("drop", "sponsored", "ad")
#: Anchor texts that say nothing about the story they link to.
_GENERIC = frozenset({"here", "click here", "this", "link", "video", "watch", "photos", "more", "this story"})


@dataclass(slots=True)
class _Found:
    """One story URL as gathered so far (merged over its occurrences)."""

    url: str
    kind: RelatedKind
    position: int
    title: str
    quality: int
    #: An anchor of the story in the page (its teaser may give a date and a section).
    anchor: Any = None


class _Collector:
    """Merges occurrences of the same story: strongest kind, best title, first position."""

    def __init__(self) -> None:
        self.found: dict[str, _Found] = {}

    def add(self, url: str, kind: RelatedKind, position: int, title: str, quality: int) -> None:
        key = url_key(url)
        old = self.found.get(key)
        if old is None:
            self.found[key] = _Found(url, kind, position, title, quality)
            return
        if _RANK[kind] < _RANK[old.kind]:
            old.kind, old.position = kind, position
        if title and (quality, len(title)) > (old.quality, len(old.title)) and len(title) <= 300:
            old.title, old.quality = title, quality

    def add_anchor(self, url: str, kind: RelatedKind, position: int, anchor: Any) -> None:
        """Add a link found in the page; its title is only read when it may be the best one."""
        old = self.found.get(url_key(url))
        if old is not None and old.quality >= 3:
            self.add(url, kind, position, "", 0)
        else:
            title, quality = anchor_title(anchor)
            if cues().label_kind(title) in _NOT_STORY_LABELS:
                return  # "Comments (5)", "Share": a link to a part of that story, not to it
            self.add(url, kind, position, title, quality)
        found = self.found[url_key(url)]
        if found.anchor is None:
            found.anchor = anchor

    def _fold_query_variants(self) -> None:
        """``/x?slide=2`` next to ``/x`` on one page is a view of ``/x``: keep one entry."""
        for key in [k for k in self.found if "?" in k]:
            bare = self.found.get(key.split("?", 1)[0])
            if bare is not None:
                item = self.found.pop(key)
                self.add(bare.url, item.kind, item.position, item.title, item.quality)

    def results(self) -> tuple[Related, ...]:
        self._fold_query_variants()
        out: list[Related] = []
        for item in sorted(self.found.values(), key=lambda f: (_RANK[f.kind], f.position)):
            title = item.title
            if item.kind == "more" and not _headline_like(title, 4):
                continue  # other lists only keep clear headlines: the rest is chrome
            if item.kind == "inline" and _names_a_topic(item.url, title):
                continue
            if (
                not title
                or title.casefold() in _GENERIC
                or cues().label_kind(title)
                or _URL_TEXT.match(title)
            ):
                title = slug_title(item.url) or title
            url = clean_url(item.url)
            title = clean_text(title)
            if url and title:
                # In-body links have no teaser: only list items carry a section and a date.
                teaser = item.anchor is not None and item.kind != "inline"
                section, published = teaser_meta(item.anchor) if teaser else (None, None)
                out.append(Related(title, url, item.kind, section=section, published=published))
        return tuple(out)


_URL_TEXT = re.compile(r"^(?:https?://|www\.)?[\w.-]+\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _names_a_topic(url: str, title: str) -> bool:
    """An in-body link whose slug is nothing but its one- or two-word anchor text, plus an
    id: a page about that name (a brand, a team, a person), not a story."""
    last = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    words = [w.casefold() for w in _WORD.findall(unquote(last).replace("_", " "))]
    return 0 < len(words) <= 2 and words == [w.casefold() for w in _WORD.findall(title)]


def _headline_like(title: str, words: int) -> bool:
    """At least ``words`` words, three of them real words (or twice as many letters of a
    script written without spaces): dates and counters are no headline."""
    if len(title.split()) >= words and len(_WORD.findall(title)) >= 3:
        return True
    return not title.isascii() and sum(ch.isalpha() for ch in title) >= 2 * words


def _own_urls(root: Any, page_url: str | None) -> SelfFilter:
    urls: list[str | None] = [page_url]
    head = root.find("head")
    for el in head.iter("link", "meta") if head is not None else ():
        if (el.get("rel") or "").casefold() == "canonical":
            urls.append(resolve(el.get("href"), page_url))
        elif (el.get("property") or "").casefold() == "og:url":
            urls.append(resolve(el.get("content"), page_url))
    return SelfFilter(*urls)


class _Stories:
    """Story evidence of the page's URLs, with section pages (paths that prefix other stories) ruled out."""

    def __init__(self, urls: list[str], page_url: str | None) -> None:
        self.prefixes: set[str] = set()
        own = resolve(page_url, None)
        for url in [*urls, *([own] if own else [])]:
            found = facts(url)
            if found.strength:
                self.prefixes.update(found.prefixes)
        self.site = facts(own).site if own else ""
        # Paths under a story's own (its comments, photos, a mangled relative link).
        self.below = facts(own).path + "/" if own and facts(own).strength >= WEAK else None

    def strength(self, url: str) -> int:
        found = facts(url)
        if found.path in self.prefixes or (self.below and found.path.startswith(self.below)):
            return 0
        return found.strength

    def accepts(self, url: str, strength: int, kind: RelatedKind) -> bool:
        """Related blocks vouch for two-word slugs; in-body links need strong evidence unless
        they stay on the same site; other lists always do."""
        if kind == "related":
            return strength >= HINT
        if strength == STRONG:
            return True
        return kind == "inline" and strength == WEAK and facts(url).site == self.site


def find_related(
    root: Any,
    page_url: str | None,
    body: tuple[Block, ...],
    promos: tuple[Block, ...] = (),
    *,
    located: Sequence[Any] = (),
) -> tuple[Related, ...]:
    """Stories the page links to, ordered related, inline, more (page order within a kind).

    ``root`` is the parsed page (left unchanged), ``page_url`` its address (or
    ``<base>``), ``body`` the extracted article blocks and ``promos`` the promo
    lines ("Read also: ...") the body cleaner took out of the body. ``located``
    may give the body blocks' elements in ``root`` when the caller found them
    already (saves matching the body's text against the page).
    """
    if root is None:
        return ()
    is_self = _own_urls(root, page_url)
    page = map_page(root, body, located)
    elements = page.elements

    def story_link(anchor: Any) -> bool:
        url = resolve(anchor.get("href"), page_url)
        return url is not None and not is_self(url) and facts(url).strength > 0

    mark_blocks(page, page.anchors, story_link)
    # Only links that can be listed are resolved: menus, sharing and ads are skipped first.
    candidates: list[tuple[int, Any, str, RelatedKind]] = []
    for position, where in zip(page.anchors, kinds_at(page, page.anchors), strict=True):
        kind = _kind_of(page, position, where)
        if kind is None:
            continue
        anchor = elements[position]
        url = resolve(anchor.get("href"), page_url)
        if url is not None and not is_self(url):
            candidates.append((position, anchor, url, kind))
    stories = _Stories([url for _, _, url, _ in candidates], page_url)
    found = _Collector()
    for position, anchor, url, kind in candidates:
        if stories.accepts(url, stories.strength(url), kind):
            found.add_anchor(url, kind, position, anchor)
    _add_from_blocks(found, body, is_self, stories, promos=False)
    _add_from_blocks(found, promos, is_self, stories, promos=True)
    return found.results()


def _kind_of(page: PageMap, position: int, where: str | None) -> RelatedKind | None:
    if where == "drop":
        return None
    if page.in_body(position):
        if where == "related" and position > page.prose_end:
            return "related"  # a related list after the last paragraph, kept as body by the extractor
        return "more" if where == "more" else "inline"
    if where == "related":
        return "related"
    if where == "chrome" or (where is None and page.in_lead(position)):
        return None  # menus, and the story's own lead media and byline
    return "more"


def _block_links(block: Block) -> list[tuple[Span, tuple[Span, ...]]]:
    runs = list(block.items) if block.kind == "list" else [block.spans]
    return [(span, run) for run in runs for span in run if span.href]


def _add_from_blocks(
    found: _Collector, blocks: tuple[Block, ...], is_self: SelfFilter, stories: _Stories, promos: bool
) -> None:
    """In-body links the page scan did not place (body not located) and the promo lines' links."""
    end = 1 << 30
    for block in blocks:
        for span, run in _block_links(block):
            url = resolve(span.href, None)
            if url is None or is_self(url) or not stories.accepts(url, stories.strength(url), "inline"):
                continue
            title = clean_title(span.text)
            quality = 2
            if promos:
                whole = clean_title("".join(s.text for s in run))
                if not _headline_like(title, 3) and whole:
                    title = whole
                quality = _PROMO_QUALITY
            found.add(url, "inline", end, title, quality)
