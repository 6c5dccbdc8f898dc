"""Author names in a byline an HTML page shows or declares: cues, roles, dates, links dropped."""

from __future__ import annotations

import json
import re
from typing import Any

from reader.core.text.cues import TRIM, Cues, cues
from reader.core.text.names import DIGIT, Byline, names_in

#: One user name ("jdoe", "j.doe_42"), as a label ("Author:") may give instead of a name.
_HANDLE = re.compile(r"^[^\W\d][\w.-]{2,30}$")
#: A one-word name after a cue is followed by at most this many words before a number.
SHORT_CUED = 6
#: Words a byline cue may follow ("Analysis by", "Ein Beitrag von").
_LEAD_WORDS = 2
#: A short label before a colon ("Text:", "Текст:"), in a language the cue files may lack.
_LABEL = re.compile(r"^\w+(?:\s\w+)?\s*:\s*(\S.*)$")
_INITIAL = re.compile(r"\s\w$")
_LINK = re.compile(r"\s*(?:[-–—|•·,(]\s*)?(?:https?://|www\.)\S*\)?")


def byline_names(text: str, *, marked: bool = True) -> Byline | None:
    """The names a byline credits ("By Jane Doe, Staff Writer | May 4" -> Jane Doe), or None
    when it names nobody ("All posts", a date line).

    ``marked``: the page marks the text as a byline (class, itemprop, a cue before it), so one
    capitalised word may be a name; a bare text must be names only.
    """
    return _with_initial(_without_desk(_names(text, marked)), text)


def _after_cue(text: str, c: Cues) -> str | None:
    """The text after a byline cue at its start ("By"), after a word or two ("Analysis by"),
    after a date ("4 May 2024 by") or after a short label ("Текст:"); None without one."""
    hit = c.prefix("byline", text)
    if hit is not None:
        return hit[1]
    words = text.split()
    for i in range(1, min(len(words) - 1, _LEAD_WORDS + 1)):
        if words[i].casefold() in c.sets["byline"] and not _capital_word(words[i]):
            return " ".join(words[i + 1:])  # "Analysis by Jane Doe", "Eingestellt von Jane"
    for i in range(1, len(words) - 1):
        if DIGIT.search(words[i - 1]) and words[i].casefold() in c.sets["byline"]:
            return " ".join(words[i + 1:])  # "Published 4 May 2024 by Jane Doe"
    label = _LABEL.match(text)
    return label.group(1) if label else None


def _phrase(words: list[str], c: Cues) -> bool:
    """Words after a cue that make a phrase, not one name and a date: many words, or a
    capitalised word after the first that is no weekday or month ("Von Helsingborg nach
    Göteborg"; not "Von jdoe am Samstag, 19. Oktober")."""
    if len(words) > SHORT_CUED:
        return True
    for w in words[1:]:
        folded = w.casefold().strip(".,")
        if w[:1].isupper() and folded not in c.sets["weekdays"] and folded not in c.months:
            return True
    return False


def _caps(word: str) -> bool:
    bare = word.strip(",.;")
    return len(bare) > 1 and bare.isupper()


def _caps_run(text: str, c: Cues) -> str:
    """Names in capitals up to the last of them: what follows in small letters is the paper
    ("JANE DOE and JOHN ROE Associated Press")."""
    words = text.split()
    if len(words) < 3 or not (_caps(words[0]) and _caps(words[1])):
        return text
    last = max(i for i, w in enumerate(words) if _caps(w))
    if last + 1 < len(words) and words[last + 1][:1].isupper():
        words = words[: last + 1]
        if all(_caps(w) or w.casefold() in c.sets["and"] for w in words):
            return " ".join(w if w.casefold() in c.sets["and"] else w.title() for w in words)
    return text


def _capital_word(word: str) -> bool:
    return word[:1].isupper()


def _names(text: str, marked: bool) -> Byline | None:
    c = cues()
    text = _LINK.sub("", text).strip()
    if not text:
        return None
    hit = c.prefix("byline", text)
    rest = _after_cue(text, c) if marked else (hit[1] if hit else None)
    if rest is not None:
        if not rest:
            return None
        if _HANDLE.match(rest) and not rest[0].isupper():
            return Byline(rest, (rest,))  # "Author: jdoe": a user name after a label
        got = names_in(_caps_run(rest, c), c, frozenset(), cued=True)
        if got is not None and " " not in got.text and _phrase(DIGIT.split(rest, 1)[0].split(), c):
            return None  # the cue word opens a phrase ("Von Anfang an", "By Course or Type")
        if got is not None or hit is not None:
            return got
    got = names_in(text, c, frozenset(), cued=marked)
    if got is not None and " " not in got.text and got.text != text.strip(TRIM):
        return None  # one word cut from a longer text ("Last Updated: ...") is no name
    return got


def _without_desk(got: Byline | None) -> Byline | None:
    """The names before a desk or paper written after them with an acronym first
    ("Jane Doe, CNN Business"; "JANE DOE, JOHN ROE" stays whole)."""
    if got is None or len(got.authors) < 2:
        return got
    for i, name in enumerate(got.authors[1:], start=1):
        words = name.split()
        if _caps(words[0]) and not all(_caps(w) for w in words):
            kept = got.authors[:i]
            at = got.text.find(kept[-1])
            return Byline(got.text[: at + len(kept[-1])] if at >= 0 else ", ".join(kept), kept)
    return got


def _with_initial(got: Byline | None, source: str) -> Byline | None:
    """The names with the full stop of a last initial the trimming took ("Jane Doe C.")."""
    if got is None or not _INITIAL.search(got.authors[-1]) or f"{got.authors[-1]}." not in source:
        return got
    authors = (*got.authors[:-1], f"{got.authors[-1]}.")
    return Byline(got.text + "." if got.text.endswith(got.authors[-1]) else got.text, authors)


def _graph_names(root: Any) -> dict[str, str]:
    """Names of the JSON-LD nodes that carry an @id ("#/schema/person/1" -> "Jane Doe")."""
    out: dict[str, str] = {}

    def visit(node: Any, depth: int) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:80]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            ident, name = node.get("@id"), node.get("name")
            if isinstance(ident, str) and isinstance(name, str) and ident not in out:
                out[ident] = name
            for sub in ("@graph", "author", "creator"):
                if isinstance(node.get(sub), dict | list):
                    visit(node[sub], depth + 1)

    for script in root.iterfind(".//script[@type]"):
        raw = script.text or ""
        if "ld+json" not in (script.get("type") or "").lower() or '"@id"' not in raw:
            continue
        try:
            visit(json.loads(raw.strip(), strict=False), 0)
        except (ValueError, RecursionError):
            continue
    return out


def referenced(value: Any, root: Any) -> Any:
    """A JSON-LD author value with references to other nodes ({"@id": ...}, as Yoast writes
    them) replaced by the names of those nodes; the value itself when it has none."""
    items = value if isinstance(value, list) else [value]
    ids = [v.get("@id") for v in items if isinstance(v, dict) and "name" not in v]
    if not any(isinstance(i, str) for i in ids):
        return value
    found = _graph_names(root)
    out = []
    for v in items:
        if isinstance(v, dict) and "name" not in v and isinstance(v.get("@id"), str):
            name = found.get(v["@id"])
            if name:
                out.append(name)
        else:
            out.append(v)
    return out
