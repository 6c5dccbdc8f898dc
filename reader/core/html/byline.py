"""The visible byline: rel=author, author/byline classes, itemprop=author, "By X" lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate
from typing import Any

from lxml import etree

from reader.core.sanitize import clean_text
from reader.core.text.cues import cues
from reader.core.text.dates import find_date

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
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\boraz\b|\be\b|\ben\b)\s*", re.I)
_NOT_NAME = re.compile(r"\d|@|https?:|www\.", re.I)


#: Joins text nodes for one search: XML text never holds it.
_SEP = "\x00"


@lru_cache(maxsize=1)
def _by_line() -> re.Pattern[str]:
    """A text node opening with a byline cue ("By ", "Von ", "Par "...), in nodes joined by _SEP."""
    prefixes = sorted((p for p in cues().prefixes["byline"] if len(p) >= 2), key=len, reverse=True)
    # The first letters, looked ahead for, turn most nodes away before the long alternation.
    firsts = "".join(sorted({re.escape(p[0]) for p in prefixes}))
    return re.compile(
        _SEP + r"\s*(?=[" + firsts + r"])(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*:?\s+[^\s"
        + _SEP + "]",
        re.I,
    )


def _candidates(body: Any) -> Iterator[Any]:
    """Elements marked as bylines by rel, itemprop, class or id, in document order
    (this loop costs less than the same tests as XPath ``contains()``)."""
    for el in body.iterdescendants(etree.Element):
        cls = el.get("class")
        if cls and ("uthor" in cls or "UTHOR" in cls or "yline" in cls or "dateline" in cls
                    or "writtenby" in cls):
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
    while node is not None:
        depth += 1
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS or tag in ("footer", "nav", "aside"):
            return False
        if node.get("hidden") is not None or _HIDDEN.search(node.get("style") or ""):
            return False
        if tag not in ("body", "html") and depth <= 6:  # page-wide wrappers say little
            match = f"{node.get('class') or ''} {node.get('id') or ''}"
            if _UNLIKELY.search(match) and not _MAYBE.search(match) and (
                node is not el or "authoriz" in match.lower()
            ):
                return False
        node = node.getparent()
    return True


def _text(el: Any) -> str:
    return clean_text(" ".join(t for t in el.itertext() if t)).strip(_EDGE_JUNK)


#: Separators that bylines borrow from their neighbours ("| Author", "By X -").
_EDGE_JUNK = " |~-–—•·:/,"


_STAMP = re.compile(
    r"\s(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|"
    r"actualizado|pubblicato|aggiornato|opublikowano)\b.*$",
    re.I,
)
_WEEKDAY = re.compile(
    r"[\s,|·•-]*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?$|"
    r"[\s,|·•-]*\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo),?$|[\s,|·•-]*\b(?:am|le|el|on|il)$",
    re.I,
)


def tidy(byline: str) -> str:
    """A byline without the publication stamp that pages print after it."""
    text = _STAMP.sub("", byline)
    found = find_date(text)
    if found is not None and found.start > 3:
        text = text[: found.start]
    for _ in range(2):
        text = _WEEKDAY.sub("", text.strip(_EDGE_JUNK))
    text = text.strip(_EDGE_JUNK)
    return text if sum(ch.isalpha() for ch in text) >= 3 else byline


def visible_byline(root: Any) -> str | None:
    """The first visible byline element's text, as the page shows it."""
    body = root.find("body")
    if body is None:
        body = root
    for el in _candidates(body):
        if el.tag in _SKIP_TAGS:
            continue
        text = _text(el)
        if not 0 < len(text) < 100 or not any(ch.isalpha() for ch in text):
            continue
        if not _visible(el):
            continue
        named = next((n for n in _NAME_PROP(el) if _text(n)), None)
        if named is not None:
            return _text(named)
        tidied = tidy(text)
        if tidied != text and len(tidied.split()) < 2:
            continue  # a date line ("Last updated: ..."), not a byline
        return tidied
    for node in _by_line_nodes(body):
        el = node.getparent()
        if el is None or not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        text = _text(el)
        if 3 < len(text) < 90 and _visible(el) and split_authors(text):
            return tidy(text)
    return None


def split_authors(byline: str) -> tuple[str, ...]:
    """Names in a byline: the "By" cue, dates, roles and e-mail addresses dropped."""
    text = byline.strip()
    hit = cues().prefix("byline", text)
    if hit:
        text = hit[1]
    text = re.split(r"\s[|–—·•]\s|\s-\s|\n", text)[0]
    names = []
    for part in _SPLIT.split(text):
        part = part.strip(" .:-–—")
        if not part or _NOT_NAME.search(part):
            continue
        words = part.split()
        if not 1 <= len(words) <= 5 or not any(w[:1].isupper() for w in words):
            continue
        names.append(part)
    return tuple(dict.fromkeys(names))
