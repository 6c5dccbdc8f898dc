"""Bylines of a text dump: the names by the headline, without 'By', roles, bios, dates or handles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from reader.core.text.cues import TRIM, Cues
from reader.core.text.dates import find_date
from reader.core.text.lines import Line
from reader.core.text.names import (
    DIGIT,
    FIELDS,
    PARTICLES,
    Byline,
    first_field,
    names_in,
    role_words,
)

__all__ = ["Byline", "find_byline", "names_in"]

#: Lines above the title, and under the body start, where a byline may sit.
ABOVE = 3
BELOW = 3
#: At most this many lines from the title down are looked at (a long header is chrome).
SPAN = 40
#: A line holding a byline has at most this many words (name, date, role, handles).
MAX_WORDS = 24
#: A name line with no cue has at most this many words (name, handle, "Follow").
BARE_WORDS = 8
#: A one-word name after a cue is followed by at most this many words before a number.
SHORT_CUED = 6
#: Name lines (and handles) read under a lone "By".
LABEL_LINES = 6
#: A role line under a name has at most this many words.
ROLE_WORDS = 12
#: Lines above the title where a name the page repeats as an author's may sit.
WIDE = 12
#: At most this many name lines are checked for a repeat, and this many of each name's repeats.
RECUR_NAMES = 4
RECUR_LOOKS = 20
#: A date line with more fields than this lists categories or tags, not its author.
MAX_FIELDS = 3
#: Words of a name and of the title are compared by this many first letters ("Deutsche", "deutschen").
STEM = 5
#: How far (in lines) a bare name looks for the date, role or "Follow" line that vouches for it.
NEAR = 2

_TEXT = attrgetter("text")
_NUMBERS = re.compile(r"\d\D+\d")
_WORD = re.compile(r"\w+")
#: One user name ("jdoe", "j.doe_42"), as a label ("Author:") may give instead of a name.
_HANDLE = re.compile(r"^[^\W\d][\w.-]{2,30}$")


@dataclass(slots=True)
class _Found:
    score: int
    distance: float
    byline: Byline


def _cued(text: str, c: Cues, stop: frozenset[str]) -> Byline | None:
    """A field opening with a byline cue ("By", "Von", "Par"), or a cue after a date or time."""
    for field in FIELDS.split(text):
        field = field.strip()
        hit = c.prefix("byline", field) if field else None
        if hit and hit[1]:
            labelled = field[len(hit[0]):].lstrip().startswith(":")
            if labelled and _HANDLE.match(hit[1]):
                return Byline(hit[1], (hit[1],))  # "Author: jdoe": a user name after a label
            return _short(names_in(hit[1], c, stop, cued=True), hit[1])
    words = text.split()
    for i in range(1, len(words) - 1):  # "1.11.23 20:19 von Jane Doe"
        if DIGIT.search(words[i - 1]) and words[i].casefold() in c.sets["byline"]:
            rest = " ".join(words[i + 1:])
            return _short(names_in(rest, c, stop, cued=True), rest)
    return None


def _short(got: Byline | None, rest: str) -> Byline | None:
    """One word alone after a cue is a name in a short byline ("By Pamela", "Von jdoe am 4.
    März"), not in a sentence ("Da Roma, il governo...", "By Monday, the keepers...")."""
    if got is not None and " " not in got.text and len(DIGIT.split(rest, 1)[0].split()) > SHORT_CUED:
        return None
    return got


def _under_label(lines: list[Line], k: int, c: Cues, stop: frozenset[str]) -> Byline | None:
    """Names one per line under a lone cue ("By" / "Jane Doe" / "@jdoe" / "Tom Roe")."""
    found: list[Byline] = []
    for ln in lines[k: k + LABEL_LINES]:
        if ln.text.startswith("@") and ln.words <= 2:
            continue
        got = names_in(ln.text, c, stop, cued=not found)
        if got is None:
            break
        found.append(got)
    if len(found) <= 1:
        return found[0] if found else None
    authors = tuple(dict.fromkeys(a for f in found for a in f.authors))
    return Byline(", ".join(authors), authors)


def _beside_date(text: str, c: Cues, stop: frozenset[str]) -> Byline | None:
    """A name sharing a line with the date: "Jane Doe | 4 March 2024", "4 March 2024 Jane Doe"."""
    if text[:1] in "—–―":
        return None  # "— Jane Doe (@jdoe) March 4, 2024": who wrote a quoted post
    fields = FIELDS.split(text)
    if len([f for f in fields if f.strip(TRIM)]) > MAX_FIELDS:
        return None  # a date among categories: "01.12.2022 / News / Energy / Top Stories"
    for field in fields:
        field = field.strip(TRIM + ",;")
        if not field or c.prefix("published", field) or c.prefix("updated", field):
            continue
        found = find_date(field)
        if found is None:
            pieces = [field]
        elif field[: found.start].rstrip().endswith(",") and field[: found.start].isupper():
            continue  # a place before the date: "BERLIN, 4. März"
        else:
            pieces = [field[: found.start], field[found.end:]]
        for piece in pieces:
            piece = piece.strip(TRIM + ",;")
            if piece and not DIGIT.match(piece):
                got = names_in(piece, c, stop, cued=False)
                if got:
                    return got
    return None


def _datish(field: str, c: Cues) -> bool:
    """Numbers and month names only: a date the parser does not read ("28. Juni 201914. Januar")."""
    return all(w.casefold() in c.months for w in re.findall(r"[^\W\d_]+", field))


def _skip_numbers(text: str, c: Cues) -> str:
    """The text after leading fields of numbers and months ("17/11/201917/11/2019 ~ Jane Doe")."""
    fields = FIELDS.split(text)
    i = 0
    while i < len(fields) - 1 and _datish(fields[i], c):
        i += 1
    return " | ".join(fields[i:]) if i else text


def _follow(ln: Line, c: Cues) -> bool:
    """A 'Follow' button under an author's name ("+ FOLLOW", "Follow Followed")."""
    tokens = ln.key.replace("+", " ").split()
    return bool(tokens) and len(tokens) <= 3 and all(t in c.sets["follow"] for t in tokens)


def _vouched(lines: list[Line], j: int, t: int, c: Cues) -> bool:
    """A bare name line is a byline when a date, a role, a 'Follow' button or a handle is by
    it, or when it sits just under the title."""
    if 0 <= t < j <= t + 3:
        return True
    for k in range(max(0, j - NEAR), min(len(lines), j + NEAR + 1)):
        if k == j or (t >= 0 and min(j, k) <= t <= max(j, k)):
            continue  # a date on the other side of the title is the article's, not this line's
        near = lines[k]
        if near.kind == "date" or _follow(near, c):
            return True
        if k == j + 1 and _role_line(near, c):
            return True
    text = lines[j].text
    tail = text.split()[len(first_field(text).split()):]
    # "Jane Doe, @jdoe", "Jane Doe | Follow"
    return bool(tail) and all(w.startswith("@") or w.casefold().strip("+|•·:,") in c.sets["follow"] for w in tail)


def _role_line(ln: Line, c: Cues) -> bool:
    """A short line naming a job: "Staff writer", "Mitglied der Lokal-Redaktion"."""
    if ln.words > ROLE_WORDS:
        return False
    return c.prefix("roles", ln.text) is not None or not role_words(c).isdisjoint(_WORD.findall(ln.key))


def _recurs(name: str, own: int, page: str, c: Cues) -> bool:
    """The name comes back elsewhere on the page (not on the line at offset ``own``) as an
    author's: after a byline cue ("More by Jane Doe", "Written by" over it) or a copyright sign."""
    cue_ends = {cue.rsplit(maxsplit=1)[-1] for cue in c.sets["byline"]}
    at = page.find(name)
    seen = 0
    while at >= 0 and seen < RECUR_LOOKS:
        seen += 1
        if page.rfind("\n", 0, at) + 1 != own:
            before = page[max(0, at - 24): at].split()  # the cue may end the line above
            if before and (before[-1].casefold().strip(TRIM + ",") in cue_ends or before[-1] in ("©", "(c)")):
                return True
        at = page.find(name, at + len(name))
    return False


def _two_capitals(text: str) -> bool:
    """Opens with two capitalised words (or a particle second: "Jan van Dijk"), or with a
    number (a date before the name): worth the full name test."""
    if text[0].isdigit():
        return True
    words = text.split(maxsplit=2)
    return len(words) >= 2 and words[0][0].isupper() and (words[1][0].isupper() or words[1] in PARTICLES)


def _in_title(found: Byline, topic: set[str]) -> bool:
    """A name taken from the headline's own words is its subject, not its author."""
    return any(w.casefold()[:STEM] in topic for a in found.authors for w in a.split() if len(w) >= 3)


def find_byline(lines: list[Line], t: int, start: int, c: Cues, stop: frozenset[str]) -> Byline | None:
    """The byline by the title (at ``t``, -1 when none) or over the body (at ``start``).

    A line with a byline cue wins over a name beside a date, which wins over a bare name
    line; among equals the one nearest the title (below it first) is taken.
    """
    anchor = t if t >= 0 else start
    lo = max(0, anchor - ABOVE)
    hi = min(len(lines), max(start, anchor + 1) + BELOW, anchor + SPAN)
    best: _Found | None = None
    cue_words = c.by_first["byline"].keys()
    topic = {w[:STEM] for w in _WORD.findall(lines[t].key) if len(w) >= 3} if t >= 0 else set()
    for j in range(lo, hi):
        ln = lines[j]
        if ln.words > MAX_WORDS or j == t or ln.kind in ("comments", "junk"):
            continue
        got: Byline | None = None
        score = 0
        if ln.key in c.sets["byline"] and j + 1 < len(lines):
            got, score = _under_label(lines, j + 1, c, stop), 3
        if got is None and not cue_words.isdisjoint(_WORD.findall(ln.key)):
            got, score = _cued(ln.text, c, stop), 3
        if got is None and (ln.kind == "date" or ln.dated):
            got, score = _beside_date(ln.text, c, stop), 2
        if (
            got is None and ln.kind == "text" and ln.words <= BARE_WORDS
            and _two_capitals(ln.text) and not ln.text.isupper() and not ln.text.endswith(":")
            and _vouched(lines, j, t, c)
        ):
            text = _skip_numbers(ln.text, c)
            digit = DIGIT.search(text)
            # Numbers after a name are its date ("Jane Doe3.11.2023"); a lone one makes a
            # caption or a title ("Media Installation, 2007.").
            if digit is None or (_datish(text[digit.start():], c) and _NUMBERS.search(text[digit.start():])):
                got, score = names_in(text, c, stop, cued=False), 1
        if got is None or (score < 3 and _in_title(got, topic)):
            continue
        distance = abs(j - anchor) + (0.5 if j < anchor else 0.0)
        if best is None or (score, -distance) > (best.score, -best.distance):
            best = _Found(score, distance, got)
    if best is None:
        return _recurring(lines, max(0, anchor - WIDE), hi, t, c, stop, topic)
    return best.byline


def _recurring(
    lines: list[Line], lo: int, hi: int, t: int, c: Cues, stop: frozenset[str], topic: set[str],
) -> Byline | None:
    """A name line near the header that the page names again as an author ("More by X",
    "© X"): a personal site's name over the title, or "durch X" with a cue word the data
    lacks."""
    page = ""
    looked = 0
    for j in range(lo, hi):
        ln = lines[j]
        if j == t or ln.kind != "text" or ln.words > 4:
            continue
        text = ln.text
        first = text.split(maxsplit=1)
        if len(first) == 2 and first[0].isalpha() and first[0].islower():
            text = first[1]  # "durch Jane Doe": a cue word the data lacks
        if not _two_capitals(text):
            continue
        got = names_in(text, c, stop, cued=False)
        if got is None or len(got.authors) > 1 or _in_title(got, topic):
            continue
        looked += 1
        if looked > RECUR_NAMES:
            break
        if not page:
            page = "\n".join(map(_TEXT, lines))  # map and attrgetter: no Python loop over the page
        own = sum(map(len, map(_TEXT, lines[:j]))) + j
        if _recurs(got.authors[0], own, page, c):
            return got
    return None

