"""The visible byline: rel=author, author/byline classes, itemprop=author, "By X" lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, islice
from typing import Any

from lxml import etree

from reader.core.html.authors import byline_names
from reader.core.sanitize import clean_text
from reader.core.text.cues import cues
from reader.core.text.names import Byline

_NAME_PROP = etree.XPath(".//*[contains(@itemprop, 'name')]")
_TEXT_NODES = etree.XPath("descendant::text()[string-length() < 120]")
#: Containers whose bylines belong to someone else (comments, teasers, menus).
_UNLIKELY = re.compile(
    r"-ad-|banner|breadcrumb|combx|comment|community|disqus|extra|footer|gdpr|menu|related|remark|"
    r"replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|popup|teaser|"
    r"recommend|promo|newsletter|card|nav|widget|header|masthead|login|authoriz",
    re.I,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow|story|post|entry", re.I)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "meta", "link", "svg", "head"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: Byline elements (and cue texts) looked at before giving up: the byline sits near the top.
_MAX_CANDIDATES = 30


#: Joins text nodes for one search: XML text never holds it.
_SEP = "\x00"


@lru_cache(maxsize=1)
def _by_line() -> re.Pattern[str]:
    """A text node opening with a byline cue ("By Jane", "Von ", "Par "...), or holding the cue
    alone ("By" before a link to the author), in nodes joined by _SEP."""
    prefixes = sorted((p for p in cues().prefixes["byline"] if len(p) >= 2), key=len, reverse=True)
    # The first letters, looked ahead for, turn most nodes away before the long alternation.
    firsts = "".join(sorted({re.escape(p[0]) for p in prefixes}))
    return re.compile(
        _SEP + r"\s*(?=[" + firsts + r"])(?:" + "|".join(re.escape(p) for p in prefixes)
        + r")(?:\s*:?\s+[^\s" + _SEP + r"]|\s*:?\s*(?=" + _SEP + r"|$))",
        re.I,
    )


def _candidates(body: Any) -> Iterator[Any]:
    """Elements marked as bylines by rel, itemprop, class or id, in document order
    (this loop costs less than the same tests as XPath ``contains()``)."""
    for el in body.iterdescendants(etree.Element):
        cls = el.get("class")
        if cls and ("uthor" in cls or "UTHOR" in cls or "yline" in cls or "dateline" in cls
                    or "writtenby" in cls or "autor" in cls or "auteur" in cls):
            yield el
            continue
        ident = el.get("id")
        if (ident and ("uthor" in ident or "yline" in ident)) or el.get("rel") == "author" \
                or "author" in (el.get("itemprop") or ""):
            yield el


def _by_line_nodes(body: Any) -> Iterator[Any]:
    """Short text nodes that open with a byline cue, in document order: one search over all
    of them joined, instead of one match per node."""
    nodes = _TEXT_NODES(body)
    if not nodes:
        return
    joined = _SEP + _SEP.join(nodes)
    starts = list(accumulate((len(n) + 1 for n in nodes), initial=0))
    for match in _by_line().finditer(joined):
        yield nodes[bisect_right(starts, match.start()) - 1]


def _visible(el: Any) -> bool:
    """Not hidden, and not in a menu, comment or teaser box close around it."""
    node = el
    depth = 0
    header = False
    while node is not None:
        depth += 1
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS or tag in ("footer", "nav"):
            return False
        if tag == "aside":
            header = True  # a sidebar, unless it is the story's own (date, author)
        if node.get("hidden") is not None or _HIDDEN.search(node.get("style") or ""):
            return False
        if tag not in ("body", "html") and depth <= 6:  # page-wide wrappers say little
            match = f"{node.get('class') or ''} {node.get('id') or ''}"
            unlikely = {m.lower() for m in _UNLIKELY.findall(match)}
            if unlikely and not _MAYBE.search(match) and (node is not el or "authoriz" in unlikely):
                if unlikely != {"header"}:
                    return False
                header = True  # the page's header, unless it heads the story
            elif header and (tag in ("article", "main") or _MAYBE.search(match)):
                header = False
        node = node.getparent()
    return not header


def _text(el: Any) -> str:
    return clean_text(" ".join(t for t in el.itertext() if t)).strip(_EDGE_JUNK)


#: Separators that bylines borrow from their neighbours ("| Author", "By X -").
_EDGE_JUNK = " |~-–—•·:/,"


def _cue_only(text: str) -> bool:
    hit = cues().prefix("byline", text)
    return hit is not None and not hit[1]


def visible_byline(root: Any) -> Byline | None:
    """The names of the first visible byline that names someone: an element marked as one
    (class, id, rel, itemprop), else a short text opening with a byline cue."""
    body = root.find("body")
    if body is None:
        body = root
    for el in islice(_candidates(body), _MAX_CANDIDATES):
        if el.tag in _SKIP_TAGS:
            continue
        text = _text(el)
        if not 0 < len(text) < 100 or not any(ch.isalpha() for ch in text):
            continue
        if not _visible(el):
            continue
        named = next((n for n in _NAME_PROP(el) if _text(n)), None)
        got = byline_names(_text(named) if named is not None else text)
        if got is not None:
            return got
    for node in islice(_by_line_nodes(body), _MAX_CANDIDATES):
        el = node.getparent()
        if el is None or not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        text = _text(el)
        if _cue_only(text) and el.tail and el.tail.strip():
            text = f"{text} {clean_text(el.tail)}"  # "<b>Author:</b> Jane Doe"
        if 3 < len(text) < 90 and cues().prefix("byline", text) and _visible(el):
            got = byline_names(text)
            if got is not None:
                return got
    return None
