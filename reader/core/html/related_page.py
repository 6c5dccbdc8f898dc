"""A map of the page for the related-links finder: document order, the body's span, labelled blocks.

Every element gets its position in document order, so "inside", "before" and
"after" are integer comparisons. The article body is found by matching the
extracted blocks' text against the page's text elements; blocks of the page are
marked by their heading ("Related", "Most read", "Sponsored"...), their
``aria-label`` or their class and id words. A mark is a span of positions with a
kind; a link takes the kind of the innermost mark that holds it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from reader.core.html.related_cues import RelatedCues, cues
from reader.core.models import Block, spans_text

_TEXT_TAGS = frozenset({"p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "td", "pre", "figcaption"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements that never hold a block of links or a label (anchors are judged by their URL).
_LEAF_TAGS = frozenset({
    "a", "img", "svg", "path", "g", "use", "picture", "source", "i", "input", "button", "option",
    "select", "iframe", "video", "audio", "script", "style", "noscript", "meta", "link", "br",
    "hr", "time", "em", "strong", "b", "small", "textarea", "figure", "figcaption", "canvas",
})
_CHROME_TAGS = frozenset({"nav", "header", "footer"})
_LABEL_CLASS = frozenset({"title", "heading", "headline", "hed", "label", "header", "head", "caption", "kicker"})
_CLASS_PARTS = re.compile(r"[^a-z0-9]+")
_MIN_MATCH = 25

Mark = tuple[int, int, str]  # (first position, last position, kind)


@dataclass(slots=True)
class PageMap:
    """Positions of the page's elements, the body's span and the marked blocks."""

    root: Any
    elements: list[Any]
    pos: dict[Any, int]
    body_start: int = -1
    body_end: int = -1
    marks: list[Mark] = field(default_factory=list)
    #: Start of the element that holds the body (lead media, bylines sit between it and the body).
    container_start: int = -1
    #: End of the body's last paragraph (list items the extractor kept may follow it).
    prose_end: int = -1
    #: Positions of the page's anchors, in order.
    anchors: list[int] = field(default_factory=list)
    #: Sorted positions of the body's paragraphs found in the page.
    paragraphs: list[int] = field(default_factory=list)

    def end(self, el: Any) -> int:
        """Position of the last element inside ``el`` (``el``'s own when it is empty)."""
        node = el
        while len(node):
            node = node[-1]
        return self.pos.get(node, self.pos[el])

    def in_lead(self, position: int) -> bool:
        """True between the start of the body's container and the body (lead media, bylines)."""
        return self.container_start <= position < self.body_start

    def in_body(self, position: int) -> bool:
        """True when the position falls inside the article body's span."""
        return self.body_start <= position <= self.body_end and self.body_start >= 0

    def holds_body(self, first: int, last: int) -> bool:
        """True when the span holds body text (marks never apply to those) or the body's start."""
        if self.body_start < 0:
            return False
        return first <= self.body_start <= last or _count_between(self.paragraphs, first, last) > 0


def _key(text: str) -> str:
    # Whitespace is normalised on a generous head only: the key is 80 characters.
    return " ".join(text[:400].split())[:80]


def map_page(root: Any, body: tuple[Block, ...], located: Sequence[Any] = ()) -> PageMap:
    """Number the elements and find the body's span (the marks are added by :func:`mark_blocks`).

    ``located`` are the body's elements when the caller already found them; otherwise
    the body blocks' texts are matched against the page's text elements.
    """
    elements = list(root.iter(etree.Element))
    pos = dict(zip(elements, range(len(elements)), strict=True))
    page = PageMap(root, elements, pos)
    page.anchors = [pos[a] for a in root.iter("a")]
    known = [el for el in located if el in page.pos]
    if known:
        _place_body(page, known)
    else:
        _locate_body(page, body)
    return page


def _needles(body: tuple[Block, ...]) -> set[str]:
    out: set[str] = set()
    for block in body:
        texts = [spans_text(item) for item in block.items] if block.kind == "list" else [block.text]
        for text in texts:
            key = _key(text)
            if len(key) >= _MIN_MATCH or (len(key) >= 10 and not key.isascii()):
                out.add(key)
    return out


def _is_menu_item(el: Any) -> bool:
    """A list item that is one bare link (menus): never a body paragraph, skipped cheaply."""
    return el.tag == "li" and len(el) == 1 and not (el.text or "").strip() and el[0].tag == "a"


def _locate_body(page: PageMap, body: tuple[Block, ...]) -> None:
    needles = _needles(body)
    if not needles:
        return
    matched = [
        el for el in page.root.iter(*_TEXT_TAGS)
        if not _is_menu_item(el) and _key(el.text_content()) in needles
    ]
    if matched:
        _place_body(page, matched)


def _place_body(page: PageMap, matched: list[Any]) -> None:
    """The body's span: from the first to the last matched element inside the element that
    holds most of them (stray matches elsewhere on the page are ignored)."""
    counts: dict[Any, int] = {}
    depth: dict[Any, int] = {}
    for el in matched:
        chain = [el, *el.iterancestors()]
        for i, anc in enumerate(chain):
            counts[anc] = counts.get(anc, 0) + 1
            depth[anc] = len(chain) - i
    need = math.ceil(0.7 * len(matched))
    container = max((anc for anc, n in counts.items() if n >= need), key=lambda a: depth[a])
    first, last = page.pos[container], page.end(container)
    page.container_start = first
    inside = [el for el in matched if first <= page.pos[el] <= last]
    page.body_start = min(page.pos[el] for el in inside)
    page.body_end = max(page.end(el) for el in inside)
    # List items are left out: extractors sometimes keep a related list as body.
    prose = [el for el in inside if el.tag != "li"]
    page.paragraphs = sorted(page.pos[el] for el in prose)
    page.prose_end = max((page.end(el) for el in prose), default=page.body_end)
    _widen_to_chunks(page, container)


def _widen_to_chunks(page: PageMap, container: Any) -> None:
    """Stretch the body over the container's look-alike siblings or its ``articleBody``.

    Pages split a long story into several identical chunks (and the extractor may
    keep only some): the chunks after the located ones are body too.
    """
    node = container
    for _ in range(3):
        if node is None:
            return
        if (node.get("itemprop") or "").casefold() == "articlebody":
            page.body_start = min(page.body_start, page.pos[node])
            page.body_end = max(page.body_end, page.end(node))
            return
        node = node.getparent()
    node = container
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            return
        if _widen_over_siblings(page, node):
            return
        node = node.getparent()


def _widen_over_siblings(page: PageMap, node: Any) -> bool:
    shape = (node.tag, node.get("class"))
    if not shape[1]:
        return False
    found = False
    for sibling in (*node.itersiblings(preceding=True), *node.itersiblings()):
        if isinstance(sibling.tag, str) and (sibling.tag, sibling.get("class")) == shape:
            page.body_start = min(page.body_start, page.pos[sibling])
            page.body_end = max(page.body_end, page.end(sibling))
            found = True
    return found


@lru_cache(maxsize=1)
def _marker_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(any marker, sponsored markers, related markers): most class names hold none, and one
    search for all of them costs less than two."""
    c = cues()
    every = sorted({*c.sponsored_markers, *c.related_markers}, key=lambda m: (-len(m), m))
    return (
        re.compile("|".join(re.escape(m) for m in every)),
        re.compile("|".join(re.escape(m) for m in c.sponsored_markers)),
        re.compile("|".join(re.escape(m) for m in c.related_markers)),
    )


_RANK = {"sponsored": 0, "drop": 1, "related": 2, "chrome": 3, None: 9}


@lru_cache(maxsize=8192)  # class and id pairs repeat through a page (list items, cards)
def class_verdict(cls: str | None, ident: str | None) -> tuple[str | None, bool]:
    """(what a class and id mark: sponsored, drop, related, chrome or None; whether they name a label).

    Class and id are judged apart (ids are mostly unique, classes repeat) and the
    stronger verdict wins: sponsored, then drop, then related, then chrome.
    """
    kind, label = _words_verdict(cls) if cls else (None, False)
    if ident:
        other, other_label = _words_verdict(ident)
        if _RANK[other] < _RANK[kind]:
            kind = other
        label = label or other_label
    return kind, label


@lru_cache(maxsize=8192)
def _words_verdict(words: str) -> tuple[str | None, bool]:
    c = cues()
    anything, sponsored, related = _marker_patterns()
    words = words.casefold()
    parts = set(_CLASS_PARTS.split(words))
    marked = anything.search(words) is not None
    found: str | None = None
    if marked and sponsored.search(words):
        found = "sponsored"
    elif parts & c.drop_words:
        found = "drop"
    elif marked and related.search(words):
        found = "related"
    elif parts & c.chrome_words:
        found = "chrome"
    return found, bool(parts & _LABEL_CLASS)


def mark_blocks(page: PageMap, link_positions: list[int], is_label_link: Callable[[Any], bool]) -> None:
    """Add the marks of labelled and classed blocks (``link_positions``: the anchors', sorted).

    ``is_label_link`` tells a story link: a heading holding one is a teaser, not a label.
    """
    c = cues()
    marks = page.marks
    chrome_until = skip_until = -1
    for i, el in enumerate(page.elements):
        if i <= skip_until:
            continue
        tag = el.tag
        if tag in _LEAF_TAGS:
            continue
        cls = el.get("class")
        ident = el.get("id")
        kind: str | None = None
        label_like = tag in _HEADINGS
        if cls or ident:
            kind, named = class_verdict(cls, ident)
            label_like = label_like or named
        if kind is None and tag in _CHROME_TAGS:
            kind = "chrome"
        aria = el.get("aria-label")
        if aria:
            kind = c.label_kind(aria) or kind
        if kind == "chrome" and i <= chrome_until:
            kind = None
        if kind is not None:
            last = page.end(el)
            if page.holds_body(i, last):
                pass
            elif kind in ("sponsored", "drop"):
                marks.append((i, last, kind))
                skip_until = last  # nothing inside is ever listed
                continue
            elif kind == "chrome":
                marks.append((i, last, kind))
                chrome_until = last
            elif kind != "related" or _count_between(link_positions, i, last) >= 2:
                # A related class on a single link or title is no block of its own.
                marks.append((i, last, kind))
        if label_like:
            _mark_label(page, el, link_positions, is_label_link, c)


def _mark_label(
    page: PageMap,
    el: Any,
    link_positions: list[int],
    is_label_link: Callable[[Any], bool],
    c: RelatedCues,
) -> None:
    start = page.pos[el]
    end = page.end(el)
    if end - start > 8:
        return
    kind = c.label_kind(el.text_content())
    if kind is None or any(is_label_link(a) for a in el.iter("a")):
        return
    if kind == "ad":
        # "Advertisement" names one slot: the element around the label, nothing more.
        parent = el.getparent()
        if parent is not None and not page.holds_body(page.pos[parent], page.end(parent)):
            page.marks.append((page.pos[parent], page.end(parent), "sponsored"))
        return
    # A story-list label covers the nearest block with a list of links after it (a
    # lone "See all" beside the label is not the list); a label of links that are
    # never stories (sharing, comments) the nearest block with any link.
    lists = kind in ("related", "more")
    needed = 2 if lists else 1
    node = el
    for _ in range(5 if lists else 2):
        parent = node.getparent()
        if parent is None:
            return
        first, last = page.pos[parent], page.end(parent)
        if page.holds_body(first, last) or first <= page.body_end <= last:
            # The label sits beside the body in one container: it covers what follows
            # it (a list after a heading), never the body itself.
            if not lists:
                page.marks.append((start, page.end(node), kind))
                return
            nxt = node.getnext()
            while nxt is not None and not isinstance(nxt.tag, str):
                nxt = nxt.getnext()
            if nxt is not None and not page.holds_body(page.pos[nxt], page.end(nxt)):
                page.marks.append((start, page.end(nxt), kind))
            return
        if _count_between(link_positions, end + 1, last) >= needed:
            page.marks.append((start, last, kind))
            return
        node = parent


def _count_between(positions: list[int], first: int, last: int) -> int:
    return bisect.bisect_right(positions, last) - bisect.bisect_left(positions, first)


def kinds_at(page: PageMap, positions: list[int]) -> list[str | None]:
    """For each position (sorted): "drop" (sponsored or never-story block), else the innermost
    "related"/"more" mark, else "chrome" (menus, headers, footers), else None."""
    marks = sorted(page.marks)
    out: list[str | None] = []
    active: list[Mark] = []
    j = 0
    for position in positions:
        while j < len(marks) and marks[j][0] <= position:
            active.append(marks[j])
            j += 1
        active = [m for m in active if m[1] >= position]
        out.append(_resolve_kind(active))
    return out


def _resolve_kind(active: list[Mark]) -> str | None:
    best: Mark | None = None
    chrome = False
    for first, last, kind in active:
        if kind in ("sponsored", "drop"):
            return "drop"
        if kind == "chrome":
            chrome = True
        elif best is None or first >= best[0]:
            best = (first, last, kind)
    if best is not None:
        return best[2]
    return "chrome" if chrome else None
