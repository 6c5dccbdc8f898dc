"""Titles for related links: the headline inside an anchor, cleaned of labels, dates and icons."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from reader.core.html.related_cues import cues
from reader.core.sanitize import clean_text

#: Elements whose text is never part of a headline.
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "time", "button", "select", "img"})
#: Class words of meta elements inside teasers (dates, counters, icons).
_SKIP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:date|time|timestamp|ago|dateline|published|count|counter|comments?-count|"
    r"icon|icons|material-icons|duration|reading-time|read-time|byline|author|kicker|eyebrow|"
    r"overline|rubrique|rubrique-mini|rubric|category|flag)(?:$|[\s_-])"
)
_HEADLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:title|headline|hed|heading|titre|titulo|título|titel|titolo|tytul|overskrift)(?:$|[\s_-])"
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

_MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
)
_TRAILING_MESS = re.compile(
    r"(?:\s*(?:"
    r"\d+\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?|yrs?)\s+ago"
    r"|(?:\d{1,2}\s+" + _MONTHS + r"|" + _MONTHS + r"\s+\d{1,2}),?\s+(?:19|20)\d\d"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?"
    r"|\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?"
    r"|\(\d+\)"
    r"|\d+\s+(?:comments?|replies|shares|views)"
    r"|\d+\s*min(?:ute)?s?\s+read"
    r"))+\s*$",
    re.IGNORECASE,
)
_MESS_END = re.compile(
    r"(?:\d|\)|ago|read|[ap]\.?m\.?|comments?|replies|shares|views)$", re.IGNORECASE
)
_ICON_WORD = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
_ARROWS = " \t>»›→▶►<«‹←•·|–—-:"
_SEPARATOR = re.compile(r"^\s*[:|–—>»›\-]+\s*")
#: Labels that may open a promo or teaser title and are not part of the headline.
_EXTRA_PREFIXES = ("more", "also", "watch", "listen", "update", "updated", "breaking", "exclusive")


def anchor_title(a: Any) -> tuple[str, int]:
    """(title, quality) of a link: 3 from a headline element, 2 from its text, 1 from alt/title."""
    if not len(a):
        text = clean_title(a.text or "")
        return (text, 2) if text else (clean_title(a.get("title") or a.get("aria-label") or ""), 1)
    for el in a.iter(*_HEADINGS):
        text = clean_title(_text_of(el))
        if text:
            return text, _headline_quality(text)
    for el in a.iter():
        if el is not a and _HEADLINE_CLASS.search((el.get("class") or "").casefold()):
            text = clean_title(_text_of(el))
            if text:
                return text, _headline_quality(text)
    text = clean_title(_text_of(a))
    if text:
        return text, 2
    for el in a.iter("img"):
        alt = clean_title(el.get("alt") or "")
        if alt:
            return alt, 1
    return clean_title(a.get("title") or a.get("aria-label") or ""), 1


_ISO_DATE = re.compile(r"^(?:19|20)\d\d-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?$")
_KICKER_CLASS = re.compile(r"(?:^|[\s_-])(?:kicker|eyebrow|overline|rubrique|rubrique-mini|rubric|section|category)(?:$|[\s_-])")
#: Elements of a teaser looked at: the anchor's parent and grandparent, when small.
_TEASER_LEVELS = 2
_TEASER_SIZE = 40


def teaser_meta(anchor: Any) -> tuple[str | None, str | None]:
    """(section, published) shown next to a story link: its kicker and its ``<time datetime>``."""
    section: str | None = None
    published: str | None = None
    node = anchor
    href = anchor.get("href")
    for _ in range(_TEASER_LEVELS + 1):
        if node is None or sum(1 for _ in islice(node.iter(), _TEASER_SIZE + 1)) > _TEASER_SIZE:
            break
        if any(a.get("href") != href for a in node.iter("a")):
            break  # the next teaser's date is not this one's
        for el in node.iter("time", "span", "div", "p", "small"):
            if published is None and el.tag == "time":
                value = clean_text(el.get("datetime") or "")
                if _ISO_DATE.match(value):
                    published = value
            elif section is None and el.tag != "time" and _KICKER_CLASS.search((el.get("class") or "").casefold()):
                text = clean_text(el.text_content())
                if 0 < len(text) <= 40:
                    section = text
        if section and published:
            break
        node = node.getparent()
    return section, published


def _headline_quality(text: str) -> int:
    """3 for a headline element's text, 2 when it is too short to be more than a kicker."""
    if len(text.split()) >= 3 or (not text.isascii() and len(text) >= 6):
        return 3
    return 2


def _text_of(el: Any) -> str:
    parts: list[str] = []
    _collect(el, parts, top=True)
    return " ".join("".join(parts).split())


def _collect(el: Any, parts: list[str], top: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not top and (tag in _SKIP_TAGS or _SKIP_CLASS.search((el.get("class") or "").casefold())):
        return
    if tag == "br":
        parts.append(" ")
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _collect(child, parts)
            parts.append(" " if child.tag not in ("span", "em", "i", "b", "strong", "a") else "")
        if child.tail:
            parts.append(child.tail)


def clean_title(text: str) -> str:
    """A headline without leading labels ("Read more:"), arrows, icon names, dates or counters."""
    text = clean_text(text)
    if not text:
        return ""
    if "_" in text:
        text = _ICON_WORD.sub(" ", text)
    text = " ".join(text.split()).strip(_ARROWS)
    text = _strip_label(text)
    # The trailing-mess pattern is only tried where it can match: on a short tail that
    # ends like a date, a time or a counter.
    while len(text) > 1 and _MESS_END.search(text[-16:]):
        head, tail = text[:-60], text[-60:]
        cut = _TRAILING_MESS.sub("", tail).strip(_ARROWS + " ")
        if cut == tail:
            break
        text = (head + cut).strip(_ARROWS + " ")
    if len(text) > 300:
        text = text[:300].rsplit(" ", 1)[0] + "…"
    return text


def _strip_label(text: str) -> str:
    """Drop a label such as "Read also:" or "RELATED" that opens the title."""
    folded = text.casefold()
    head = folded.split(" ", 1)[0].strip(":|–—>»›-")
    candidates = [cue for cue, kind in cues().prefix_candidates(head) if kind == "related"]
    candidates.extend(cue for cue in _EXTRA_PREFIXES if head.startswith(cue))
    for cue in candidates:
        if not folded.startswith(cue) or len(folded) == len(cue) or folded[len(cue)].isalnum():
            continue
        rest = text[len(cue):]
        shouted = text[: len(cue)].isupper() and len(cue) >= 4
        match = _SEPARATOR.match(rest)
        if match or shouted:
            stripped = rest[match.end():] if match else rest.strip()
            if len(stripped.split()) >= 2 or len(stripped) >= 8:
                return stripped.strip(_ARROWS + " ")
    return text
