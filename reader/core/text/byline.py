"""Bylines of a text dump: the names by the headline, without 'By', roles, bios, dates or handles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from reader.core.text.cues import TRIM, Cues
from reader.core.text.dates import find_date
from reader.core.text.lines import Line

#: Lines above the title, and under the body start, where a byline may sit.
ABOVE = 3
BELOW = 3
#: At most this many lines from the title down are looked at (a long header is chrome).
SPAN = 40
#: A line holding a byline has at most this many words (name, date, role, handles).
MAX_WORDS = 24
#: A name line with no cue has at most this many words (name, handle, "Follow").
BARE_WORDS = 8
#: An 'Updated' or 'Posted' word after a name is cut when it has at least this many letters
#: (shorter cues such as French "Le" are also name particles).
CUE_LETTERS = 5
#: A one-word name after a cue is followed by at most this many words before a number.
SHORT_CUED = 6
#: Name lines (and handles) read under a lone "By".
LABEL_LINES = 6
#: Capitalised words in a name with no cue before it.
BARE_CAPITALS = 3
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

#: Words that, lower-case, sit inside names ("Ludwig van Beethoven", "Loïc Le Clerc").
_PARTICLES = frozenset({
    "von", "van", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos", "das",
    "do", "bin", "al", "ibn", "zu", "ten", "ter", "st", "st.",
})
_NAME_CHARS = re.compile(r"^[\w'’.-]+$")


def _capital(word: str) -> bool:
    """Written like a word of a name: a capital first ("Jane", "Иван", "O'Neil"), or a letter
    of a script without case ("ライトハウス")."""
    return word[:1].isalpha() and not word[0].islower() and _NAME_CHARS.match(word) is not None


#: Between the fields of a byline line: bars, bullets, dashes, tildes, slashes, brackets.
_FIELDS = re.compile(
    r"\s+[|•·~–—-]\s+|\s*[|•·／｜]\s*|\s*(?<!\d)/(?!\d)\s*|\s*[–—]\s*|\s*\([^)]*\)?\s*|\s+(?=@)"
)
_DIGIT = re.compile(r"\d")
_TEXT = attrgetter("text")
_NUMBERS = re.compile(r"\d\D+\d")
_WORD = re.compile(r"\w+")
#: One user name ("jdoe", "j.doe_42"), as a label ("Author:") may give instead of a name.
_HANDLE = re.compile(r"^[^\W\d][\w.-]{2,30}$")
#: A lower-case letter followed by a capital inside a word: two spans glued by the copy.
_GLUED = re.compile(r"[a-zà-ÿ](?=[A-ZÀ-Þ]\w)")
_JOINERS = re.compile(r"\s*(?:,|;|&)\s*")


@dataclass(slots=True)
class Byline:
    """The names as written on the page, and one entry per author."""

    text: str
    authors: tuple[str, ...]


@dataclass(slots=True)
class _Found:
    score: int
    distance: float
    byline: Byline


def _first_field(text: str) -> str:
    for field in _FIELDS.split(text):
        field = field.strip(TRIM + ",;")
        if field:
            return field
    return ""


def _role_words(c: Cues) -> frozenset[str]:
    return _words_of(c.sets["roles"])


@lru_cache(maxsize=4)
def _words_of(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(w for phrase in phrases for w in phrase.split())


def _is_name(words: list[str], c: Cues, stop: frozenset[str], roles: frozenset[str], cued: bool) -> bool:
    """Words written as a name: capitalised (particles aside), no role or button; with no cue
    before them, two words or more and no stopword first ("The Daily Post")."""
    if not (1 if cued else 2) <= len(words) <= 5:
        return False
    if not (_capital(words[0]) and _capital(words[-1])):
        return False
    for w in words:
        folded = w.casefold().strip(".,")
        if folded in roles or folded in c.sets["share"] or folded in c.sets["follow"]:
            return False
        if not _capital(w) and folded not in _PARTICLES:
            return False
    if cued:
        return True
    # Uncued: a given name and a surname or two ("Mary Clare Jalonick", "Jan van der Berg");
    # a fourth capital makes it a title or an organisation ("Ausstellung Palais Epstein Wien").
    return words[0].casefold() not in stop and sum(1 for w in words if w[0].isupper()) <= BARE_CAPITALS


def _split_names(text: str, c: Cues) -> list[str]:
    """Parts of a byline joined by commas, '&', ';' or the word 'and' of any language."""
    ands = c.sets["and"]
    parts: list[str] = []
    for chunk in _JOINERS.split(text):
        current: list[str] = []
        for w in chunk.split():
            if w.casefold() in ands and current:
                parts.append(" ".join(current))
                current = []
            else:
                current.append(w)
        if current:
            parts.append(" ".join(current))
    return parts


def _tidy_case(name: str) -> str:
    """An all-capitals name ("JANE CARTER") written as a name ("Jane Carter")."""
    if name.isupper() and len(name.split()) >= 2:
        return " ".join(w.capitalize() for w in name.split())
    return name


def _cut_tail(words: list[str], c: Cues, roles: frozenset[str]) -> list[str]:
    """Words up to a handle, a 'Follow' button, an 'Updated' label or a role glued to the
    last name ("Jane DoeStaff Writer", "Jane DoeEXAMPLE News")."""
    for i, w in enumerate(words):
        folded = w.casefold().strip("+:.,")
        if i and (w.startswith("@") or folded in c.sets["follow"] or folded in c.sets["share"]):
            return words[:i]  # "@jdoe", "Follow", "Share", "Lesezeit: 4 Min."
        if i and len(folded) >= CUE_LETTERS and (folded in c.sets["updated"] or folded in c.sets["published"]):
            return words[:i]
        glued = _GLUED.search(w)
        if glued and (w[glued.start() + 1:].casefold() in roles or w[glued.start() + 2].isupper()):
            return [*words[:i], w[: glued.start() + 1]]
    return words


def names_in(text: str, c: Cues, stop: frozenset[str], *, cued: bool) -> Byline | None:
    """The names at the start of ``text``: cut at the first date, number, handle, bar or
    bracket; then comma- or 'and'-joined names, stopping at the first role or bio clause.

    ``cued`` (the text followed a byline cue): trailing lower-case words are dropped and one
    word alone may be a name; otherwise every part must be a name of two to five words.
    """
    found = find_date(text)
    if found is not None and found.start > 0:
        text = text[: found.start]
    text = _first_field(text).split("@", 1)[0]  # "Jane Doe@jdoe": the handle glued on
    digit = _DIGIT.search(text)
    if digit:
        text = text[: digit.start()]
    words = text.split()
    while words and (
        (digit and words[-1].casefold().strip(".,") in c.months) or words[-1].casefold().strip(".,") in c.sets["weekdays"]
    ):
        words.pop()  # "Jane Doe March 18 at 12:22" lost its year; "Jane Doe Monday, March 4, 2024"
    roles = _role_words(c)
    words = _cut_tail(words, c, roles)
    if cued:
        for i, w in enumerate(words):
            bare = w.strip(",;&")
            folded = bare.casefold()
            if i and bare and not _capital(bare) and folded not in _PARTICLES and folded not in c.sets["and"]:
                words = words[:i]  # "Von Jane Doe am Samstag", "Par Jane Doe le 14"
                break
    text = " ".join(words).strip(TRIM + ",;")
    parts = _split_names(text, c)
    kept: list[str] = []
    for n, part in enumerate(parts):
        words = part.split()
        if cued and n == len(parts) - 1:
            while words and not _capital(words[-1]):
                words.pop()  # "Par Jane Doe le" (the date was cut), "Von Anfang an"
        if not part.isupper():
            while len(words) > 1 and words[-1].isupper() and len(words[-1].strip(".")) > 1:
                words.pop()  # "Jane Doe USA TODAY": the paper after the name
        if len(words) == 1 and not (cued and len(parts) == 1 and part == words[0]):
            break  # one word alone is a name only right after a cue ("By Pamela")
        # After a cue the first part may be a desk ("By Staff Reports"); later parts are
        # names only, the first role ends the list ("Jane Doe, Senior Editor, ...").
        if not _is_name(words, c, stop, frozenset() if cued and n == 0 else roles, cued):
            break
        kept.append(" ".join(words))
    if not kept:
        return None
    if not cued and len(kept) < len(parts):
        return None  # a bare line must be names only
    authors = tuple(dict.fromkeys(_tidy_case(k) for k in kept))
    end = text.find(kept[-1]) + len(kept[-1])
    written = _tidy_case(text[:end]) if len(kept) > 1 else authors[0]
    return Byline(written, authors)


def _cued(text: str, c: Cues, stop: frozenset[str]) -> Byline | None:
    """A field opening with a byline cue ("By", "Von", "Par"), or a cue after a date or time."""
    for field in _FIELDS.split(text):
        field = field.strip()
        hit = c.prefix("byline", field) if field else None
        if hit and hit[1]:
            labelled = field[len(hit[0]):].lstrip().startswith(":")
            if labelled and _HANDLE.match(hit[1]):
                return Byline(hit[1], (hit[1],))  # "Author: jdoe": a user name after a label
            return _short(names_in(hit[1], c, stop, cued=True), hit[1])
    words = text.split()
    for i in range(1, len(words) - 1):  # "1.11.23 20:19 von Jane Doe"
        if _DIGIT.search(words[i - 1]) and words[i].casefold() in c.sets["byline"]:
            rest = " ".join(words[i + 1:])
            return _short(names_in(rest, c, stop, cued=True), rest)
    return None


def _short(got: Byline | None, rest: str) -> Byline | None:
    """One word alone after a cue is a name in a short byline ("By Pamela", "Von jdoe am 4.
    März"), not in a sentence ("Da Roma, il governo...", "By Monday, the keepers...")."""
    if got is not None and " " not in got.text and len(_DIGIT.split(rest, 1)[0].split()) > SHORT_CUED:
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
    fields = _FIELDS.split(text)
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
            if piece and not _DIGIT.match(piece):
                got = names_in(piece, c, stop, cued=False)
                if got:
                    return got
    return None


def _datish(field: str, c: Cues) -> bool:
    """Numbers and month names only: a date the parser does not read ("28. Juni 201914. Januar")."""
    return all(w.casefold() in c.months for w in re.findall(r"[^\W\d_]+", field))


def _skip_numbers(text: str, c: Cues) -> str:
    """The text after leading fields of numbers and months ("17/11/201917/11/2019 ~ Jane Doe")."""
    fields = _FIELDS.split(text)
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
    tail = text.split()[len(_first_field(text).split()):]
    # "Jane Doe, @jdoe", "Jane Doe | Follow"
    return bool(tail) and all(w.startswith("@") or w.casefold().strip("+|•·:,") in c.sets["follow"] for w in tail)


def _role_line(ln: Line, c: Cues) -> bool:
    """A short line naming a job: "Staff writer", "Mitglied der Lokal-Redaktion"."""
    if ln.words > ROLE_WORDS:
        return False
    return c.prefix("roles", ln.text) is not None or not _role_words(c).isdisjoint(_WORD.findall(ln.key))


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
    return len(words) >= 2 and words[0][0].isupper() and (words[1][0].isupper() or words[1] in _PARTICLES)


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
            digit = _DIGIT.search(text)
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
