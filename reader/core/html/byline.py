"""The visible byline: rel=author, author/byline classes, itemprop=author, "By X" lines."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from reader.core.sanitize import clean_text
from reader.core.text.cues import cues
from reader.core.text.dates import find_date

_CANDIDATES = etree.XPath(
    "descendant::*[@rel='author' or @itemprop[contains(., 'author')]"
    " or @class[contains(., 'uthor') or contains(., 'UTHOR') or contains(., 'yline')"
    " or contains(., 'dateline') or contains(., 'writtenby')]"
    " or @id[contains(., 'uthor') or contains(., 'yline')]]"
)
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


@lru_cache(maxsize=1)
def _by_line() -> re.Pattern[str]:
    """Text opening with a byline cue ("By ", "Von ", "Par "...)."""
    prefixes = sorted((p for p in cues().prefixes["byline"] if len(p) >= 2), key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*:?\s+\S", re.I)


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
    for el in _CANDIDATES(body):
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
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
    pattern = _by_line()
    for node in _TEXT_NODES(body):
        if not pattern.match(node):
            continue
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
