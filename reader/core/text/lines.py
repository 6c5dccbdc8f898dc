"""Lines of a text dump with the features the other stages classify them by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.text.cues import TRIM, Cues
from reader.core.text.dates import find_date

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\b\d")
_END_PUNCT = frozenset('.!?…:;"»”’)\'。！？」')
_SENTENCE_END = frozenset(".!?…。！？")
#: Characters of scripts written without spaces (CJK and beyond), and full-width forms.
_WIDE = re.compile("[\u3000-\U0010ffff]")
#: A line written as a list item: "+ Added ...", "* Fixed ...", "- Removed ...". Numbers
#: are left out: "15. Zukunftsforum" is a German ordinal, not an item.
_BULLET = re.compile(r"[+*•\-–·]\s")


def bulleted(text: str) -> bool:
    """Starts with a list marker typed as text (a page copy renders none of its own)."""
    return _BULLET.match(text) is not None


@dataclass(slots=True)
class Line:
    """One non-empty line and what is known about it."""

    index: int
    text: str
    key: str
    words: int
    #: Blank line before and after: a paragraph (or heading between paragraphs) in the source.
    alone: bool
    #: Ends like a sentence.
    ends: bool
    stops: int
    #: How often the same text occurs in the dump.
    seen: int
    #: Carries a word of cookie banners, newsletters, legal notices.
    boiler: bool = False
    kind: str = "text"
    #: A date is written in the line (looked for in lines of up to 16 words).
    dated: bool = False
    #: Set on first use by ``captions.is_caption``.
    caption: bool | None = None
    #: Words that are numbers (dates, counts, prices).
    numbers: int = 0
    #: Set on first use by ``edges.boilerish``.
    boilerplate: bool | None = None
    #: Reads like running text rather than a label, link or title (set by ``split``).
    prose: bool = False

    @property
    def density(self) -> float:
        """Share of stopwords among the words."""
        return self.stops / self.words if self.words else 0.0



def _prose(ln: Line) -> bool:
    """Reads like running text rather than a label, link or title."""
    n = ln.words
    if n < 5:
        return False
    if ln.numbers * 3 > n:
        return False  # an archive list, a table row, a price list
    if n >= 12:
        return ln.ends or (n >= 30 and ln.density >= 0.2)
    return ln.text[-1] in _SENTENCE_END and ln.density >= 0.1


def split(text: str, c: Cues, stopwords: frozenset[str]) -> list[Line]:
    """Non-empty lines of ``text`` (already cleaned, one blank line at most between blocks)."""
    raw = text.split("\n")
    counts: dict[str, int] = {}
    boiler = c.sets["boilerplate"]
    out: list[Line] = []
    n = len(raw)
    is_stop = stopwords.__contains__
    for i, line in enumerate(raw):
        if not line:
            continue
        folded = line.casefold()
        words = _WORD.findall(folded)
        size = len(words)
        if not line.isascii() and _WIDE.search(line):
            # Scripts written without spaces (CJK): count long runs by their length.
            size += sum(len(w) // 3 for w in words if len(w) > 6 and w[0] >= "\u3000")
        head, _, last = folded.rpartition(" ")
        # An icon name glued to a title ("... play_circle") is dropped from the key;
        # plain words among the chrome tokens ("comment", "share") are kept.
        icon = head and "_" in last and last in c.chrome_tokens
        k = (head if icon else folded).strip(TRIM)
        if "  " in k or not k.isprintable():
            k = " ".join(k.split())  # rare: whitespace clean_text leaves (a line separator)
        counts[k] = counts.get(k, 0) + 1
        before = i == 0 or not raw[i - 1]
        after = i == n - 1 or not raw[i + 1]
        out.append(Line(
            index=len(out),
            text=line,
            key=k,
            words=size,
            alone=before and after,
            ends=line[-1] in _END_PUNCT,
            stops=sum(map(is_stop, words)),
            seen=0,
            boiler=not boiler.isdisjoint(words),
            numbers=len(_NUMBER.findall(folded)) if size >= 3 else 0,
        ))
    for ln in out:
        ln.prose = _prose(ln)
        ln.seen = counts[ln.key]
        ln.kind = classify(ln, c)
    for j, ln in enumerate(out):
        # A list heading ("Read more") over a paragraph is a link inside the text.
        if ln.kind in ("related", "more") and j + 1 < len(out):
            nxt = out[j + 1]
            if nxt.prose and nxt.words >= 15 and nxt.kind == "text":
                ln.kind = "share"
                continue
        # "Jane says:" heads a reader's comment only when the comment's date follows;
        # otherwise it introduces a quote in the article.
        if (
            ln.kind == "comments" and ln.text.endswith(":") and _says(ln.key, c)
            and not any(o.kind == "date" for o in out[j + 1:j + 3])
        ):
            ln.kind = "text"
    return out


#: Lines up to this long that start with a list heading are list headings.
LIST_HEAD_WORDS = 8
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w'’.-]*|von|van|de|der|den|da|di|del|la|le|du|dos|das|bin|al|ibn)$"
)
_NAME_CUT = re.compile(r"\s+[|•·/–—-]\s+|\s*[|•·(]\s*|,\s+(?=[a-zà-ÿ])|\s+\d|\s+@")


def name_like(text: str) -> bool:
    """Two to five words written like a person's name."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return False
    return sum(1 for w in words if w[0].isupper()) >= min(2, len(words))


def _names(rest: str, c: Cues) -> bool:
    """The start of a byline names people: 'Jane Doe and John Roe | Staff'."""
    rest = _NAME_CUT.split(rest, maxsplit=1)[0]
    parts = re.split(r"\s*(?:,|&|\s(?:" + "|".join(sorted(c.sets["and"])) + r")\s)\s*", rest)
    return all(name_like(p) for p in parts if p)


def _only_social(k: str, c: Cues) -> bool:
    first = k.split(maxsplit=1)[0]
    if "|" not in first and "/" not in first and first not in c.social and first not in c.chrome_tokens:
        return False  # most lines: their first word settles it
    tokens = k.replace("|", " ").replace("/", " ").split()
    return bool(tokens) and all(t in c.social or t in c.chrome_tokens for t in tokens)


def _says(k: str, c: Cues) -> bool:
    words = k.split()
    return len(words) >= 2 and words[-1] in c.sets["says"]


def classify(ln: Line, c: Cues) -> str:
    """The kind of a line taken alone: a cue, a date, a byline, a promo or plain text."""
    k = ln.key
    if not k:
        return "junk"
    first = k.split(maxsplit=1)[0].strip(TRIM)
    starts = c.first_words
    if ln.words <= 12:
        label = c.whole_line.get(k)
        if label is not None:
            return label
        if _only_social(k, c) or (ln.words <= 3 and k.split(maxsplit=1)[0] in c.social):
            return "share"
        if ln.words <= 5 and first in starts and c.prefix("see_all", ln.text):
            return "share"
        if ln.words <= 5 and not c.sets["comment_words"].isdisjoint(_WORD.findall(k)):
            return "comments"  # "Leave a comment", "27 Kommentare"
        if ln.words <= 6 and ln.text.endswith(":") and _says(k, c):
            return "comments"  # "Jane Doe says:" over a reader's comment
        if ln.words <= LIST_HEAD_WORDS and first in starts:
            for kind in ("related", "more"):
                hit = c.prefix(kind, ln.text)
                if hit and len(hit[1].split()) <= 3:
                    return kind  # "Mehr zum Thema auf example.de"
    text = ln.text
    if text.startswith(c.promo_open) and text.endswith(c.promo_close) and ln.words >= 3:
        return "promo"
    hit = c.prefix("read_also", text) if first in starts else None
    if hit and len(hit[1].split()) >= 3 and ln.words <= 40:
        return "promo"
    if ln.words <= 16:
        found = find_date(text)
        ln.dated = found is not None
        if found and ln.words - len(_WORD.findall(text[found.start:found.end])) <= 8:
            return "date"
        hit = c.prefix("byline", text) if first in starts else None
        if hit and hit[1][:1].isupper() and ln.words <= 20 and _names(hit[1], c):
            return "byline"
    return "text"
