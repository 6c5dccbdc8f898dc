"""Story lists and tags after the body of a dump, as related entries (url None)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.models import Related, RelatedKind
from reader.core.text.cues import Cues, key
from reader.core.text.dates import find_date, iso_day
from reader.core.text.lines import Line

_TAG_SEPARATORS = re.compile(r"\s*[,;|•·/#]\s*")
#: Title lines of a story list have at least this many words.
MIN_TITLE_WORDS = 4
MAX_TITLE_WORDS = 40


def clean_title(text: str, c: Cues) -> str:
    """A story title without icon names and leading or trailing chrome tokens."""
    words = text.split()
    while words and words[-1] in c.chrome_tokens:
        words.pop()
    while words and words[0] in c.chrome_tokens:
        words.pop(0)
    return " ".join(words).strip(" |-–—>»")


def _label(text: str) -> str:
    return text.capitalize() if text.isupper() else text


@dataclass(slots=True)
class _Item:
    title: str
    kind: RelatedKind
    section: str | None = None
    published: str | None = None


def story_lists(lines: list[Line], start: int, c: Cues, month_first: bool) -> list[Related]:
    """Entries of the related and latest-news lists from ``start`` on, in page order."""
    items: list[_Item] = []
    mode: RelatedKind | None = None
    seen: set[str] = set()
    current: _Item | None = None
    for ln in lines[start:]:
        kind = ln.kind
        if kind == "related":
            mode, current = "related", None
            continue
        if kind == "more":
            mode, current = "more", None
            continue
        if kind in ("stop", "tags", "comments"):
            mode, current = None, None
            continue
        if mode is None or kind in ("ad", "share", "junk"):
            continue
        if kind == "date":
            found = find_date(ln.text, month_first=month_first)
            if current is not None and found and current.published is None:
                current.published = iso_day(found.when)
            continue
        title = clean_title(ln.text, c)
        k = key(title)
        if current is not None and k == key(current.title):
            continue  # the same title again (image link, then text link)
        if MIN_TITLE_WORDS <= ln.words <= MAX_TITLE_WORDS:
            if k in seen:
                current = None
                continue
            seen.add(k)
            current = _Item(title=title, kind=mode)
            items.append(current)
        elif ln.words <= 3 and current is not None and current.section is None and title:
            current.section = _label(title)
        elif ln.words > MAX_TITLE_WORDS:
            mode, current = None, None  # running text: the list is over
    return [Related(title=i.title, url=None, kind=i.kind, section=i.section, published=i.published) for i in items]


def find_tags(lines: list[Line], start: int) -> tuple[str, ...]:
    """Tags under a "Tags" / "Mots clés" heading at or after ``start``."""
    for j in range(start, len(lines)):
        if lines[j].kind != "tags":
            continue
        tags: list[str] = []
        for ln in lines[j + 1: j + 12]:
            if ln.kind != "text" or ln.prose:
                break
            parts = [p for p in _TAG_SEPARATORS.split(ln.text) if p]
            if len(parts) == 1 and ln.words > 1 and all(w[:1].isupper() for w in ln.text.split()) and ln.words <= 4:
                parts = ln.text.split()  # links glued on one line: "Tech Sciences"
            if len(parts) == 1 and ln.words > 4:
                break
            tags.extend(parts)
            if len(parts) > 1:
                break
        if tags:
            return tuple(dict.fromkeys(tags))
    return ()
