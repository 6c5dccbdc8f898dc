"""Names in a byline: the people a line credits, without cues, roles, bios, dates or handles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.core.text.cues import TRIM, Cues
from reader.core.text.dates import find_date

#: An 'Updated' or 'Posted' word after a name is cut when it has at least this many letters
#: (shorter cues such as French "Le" are also name particles).
CUE_LETTERS = 5
#: Capitalised words in a name with no cue before it.
BARE_CAPITALS = 3

#: Words that, lower-case, sit inside names ("Ludwig van Beethoven", "Loïc Le Clerc").
PARTICLES = frozenset({
    "von", "van", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos", "das",
    "do", "bin", "al", "ibn", "zu", "ten", "ter", "st", "st.",
})
_NAME_CHARS = re.compile(r"^[\w'’.-]+$")


def _capital(word: str) -> bool:
    """Written like a word of a name: a capital first ("Jane", "Иван", "O'Neil"), or a letter
    of a script without case ("ライトハウス")."""
    return word[:1].isalpha() and not word[0].islower() and _NAME_CHARS.match(word) is not None


#: Between the fields of a byline line: bars, bullets, dashes, tildes, slashes, brackets.
FIELDS = re.compile(
    r"\s+[|•·~–—-]\s+|\s*[|•·／｜]\s*|\s*(?<!\d)/(?!\d)\s*|\s*[–—]\s*|\s*\([^)]*\)?\s*|\s+(?=@)"
)
DIGIT = re.compile(r"\d")
#: A lower-case letter followed by a capital inside a word: two spans glued by the copy.
_GLUED = re.compile(r"[a-zà-ÿ](?=[A-ZÀ-Þ]\w)")
_JOINERS = re.compile(r"\s*(?:,|;|&)\s*")


@dataclass(slots=True)
class Byline:
    """The names as written on the page, and one entry per author."""

    text: str
    authors: tuple[str, ...]


def first_field(text: str) -> str:
    """The first non-empty field of a byline line."""
    for field in FIELDS.split(text):
        field = field.strip(TRIM + ",;")
        if field:
            return field
    return ""


def role_words(c: Cues) -> frozenset[str]:
    """Every word of the role phrases ("staff", "writer", "redakteur")."""
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
        if not _capital(w) and folded not in PARTICLES:
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
    text = first_field(text).split("@", 1)[0]  # "Jane Doe@jdoe": the handle glued on
    digit = DIGIT.search(text)
    if digit:
        text = text[: digit.start()]
    words = text.split()
    while words and (
        (digit and words[-1].casefold().strip(".,") in c.months) or words[-1].casefold().strip(".,") in c.sets["weekdays"]
    ):
        words.pop()  # "Jane Doe March 18 at 12:22" lost its year; "Jane Doe Monday, March 4, 2024"
    roles = role_words(c)
    words = _cut_tail(words, c, roles)
    if cued:
        for i, w in enumerate(words):
            bare = w.strip(",;&")
            folded = bare.casefold()
            if i and bare and not _capital(bare) and folded not in PARTICLES and folded not in c.sets["and"]:
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

