"""Header of a dump: where the body really starts, title, section, date, byline and lead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from reader.core.text import byline, title
from reader.core.text.captions import beside_credit, is_caption
from reader.core.text.cues import Cues
from reader.core.text.dates import find_date
from reader.core.text.edges import boiler_phrase
from reader.core.text.lines import Line

#: How far above the body the lead (standfirst) is looked for, in lines.
LEAD_WINDOW = 8
#: How many lines at the top of a region may still be header (lead, byline, date, caption).
HEADER_LINES = 8


@dataclass(slots=True)
class Header:
    """What the lines above the body say."""

    start: int
    title: str = ""
    title_at: int = -1
    section: str | None = None
    published: datetime | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    lead: str | None = None


def refine_start(lines: list[Line], start: int, end: int, c: Cues, structured: bool) -> int:
    """Move the body start past header lines that the region swallowed (byline, date, lead)."""
    limit = min(end, start + HEADER_LINES)
    new = start
    words = paragraphs = 0
    for j in range(start, limit):
        if lines[j].kind in ("date", "byline") and words <= 120 and paragraphs <= 1:
            new = j + 1
        elif lines[j].kind == "text":
            words += lines[j].words
            paragraphs += lines[j].alone and lines[j].prose  # body paragraphs come after the header
    if structured:
        # A dump that marks paragraphs: the body starts at the first paragraph, the
        # glued lines before it are standfirst, byline, captions.
        j = new
        while j < limit and not (lines[j].alone and lines[j].prose):
            j += 1
        if j < limit and j < end:
            new = j
    return new if new < end else start


#: Words of a kicker line ending with a colon over a headline ("Dance in the old depot:").
KICKER_WORDS = (3, 8)
#: Languages whose typography puts a space before a colon ("Titre : sous-titre").
_SPACED_COLON = frozenset({"fr"})
_KICKER_COLON = re.compile(r"(?<=\w) : (?=\S)")


def _colon_kicker(ln: Line, c: Cues) -> bool:
    """A short line that ends with a colon and reads as the first half of a headline, not
    a label ("Tags:", "Related topics:") or a list heading ("Read also:")."""
    if not (ln.kind == "text" and KICKER_WORDS[0] <= ln.words <= KICKER_WORDS[1] and ln.text.endswith(":")):
        return False
    if not ln.text[0].isupper() or ln.boiler:
        return False
    if any(ln.key in c.sets[kind] for kind in ("related", "more", "tags", "share")):
        return False
    return not any(c.prefix(kind, ln.text) for kind in ("read_also", "related", "more"))


def _tidy_title(text: str, lang: str | None) -> str:
    """A kicker and its headline are separate spans that a page copy glues with a space
    on both sides of the colon ("Streaming : Stars want..."); outside French typography
    the space before the colon is not the headline's."""
    if lang is None or lang in _SPACED_COLON:
        return text
    return _KICKER_COLON.sub(": ", text)


def read_header(lines: list[Line], start: int, end: int, c: Cues, lang: str | None) -> Header:
    """Title, section, date, byline and lead from the lines around the body start."""
    head = Header(start=start)
    t, text = title.find_title(lines, start, end, c, c.stopwords.get(lang or "", frozenset()))
    if t >= 0:
        head.title_at = t
        # A title broken over two lines ("Tanz in X:" / "Mit allen Wassern").
        if text.endswith(":") and t + 1 < start and lines[t + 1].kind == "text" and lines[t + 1].words <= 15:
            text = f"{text} {lines[t + 1].text}"
        elif t > 0 and _colon_kicker(lines[t - 1], c) and ":" not in text:
            text = f"{lines[t - 1].text} {text}"  # the same, found by its second line
        head.title = _tidy_title(text, lang)
        if t > 0:
            prev = lines[t - 1]
            if prev.kind == "text" and prev.words <= 3 and prev.text[-1] not in ".:!?" and len(prev.text) > 1:
                head.section = prev.text.capitalize() if prev.text.isupper() else prev.text
    lo = max(0, (t if t >= 0 else start) - 3)
    hi = min(len(lines), start + 3)
    month_first = lang == "en"
    for j in range(lo, hi):
        ln = lines[j]
        if ln.kind == "date" and head.published is None:
            found = find_date(ln.text, month_first=month_first)
            if found and not c.prefix("updated", ln.text):
                head.published = found.when
    if head.published is None:
        for j in range(lo, min(len(lines), end)):
            if lines[j].kind == "date":
                found = find_date(lines[j].text, month_first=month_first)
                if found:
                    head.published = found.when
                    break
    names = byline.find_byline(lines, t, start, c, c.stopwords.get(lang or "", frozenset()))
    if names is not None:
        head.byline, head.authors = names.text, names.authors
    head.lead = _lead(lines, t, start, c)
    return head


_HEADER_KINDS = frozenset({"date", "byline", "share", "ad", "junk"})


def _sentence(ln: Line) -> bool:
    """Written as a sentence (many small words), though without a final stop."""
    return ln.words >= 10 and ln.density >= 0.15 and ln.text[-1] not in ":|" and not ln.dated


def _headline(ln: Line) -> bool:
    return ln.kind == "text" and not ln.prose and 4 <= ln.words <= 20


def _among_headlines(lines: list[Line], j: int) -> bool:
    """Inside a list of story titles: the lines on both sides are headlines too."""
    return 0 < j < len(lines) - 1 and _headline(lines[j - 1]) and _headline(lines[j + 1])


def _lead(lines: list[Line], t: int, start: int, c: Cues) -> str | None:
    # The standfirst sits by the body: a title found far above it leaves chrome between.
    lo = max(t + 1, start - LEAD_WINDOW)
    candidates: list[int] = []
    byline_at = -1
    # The first text under the title may be a standfirst written without a full stop.
    first = t + 1 if t >= 0 else start
    while first < start and lines[first].kind in _HEADER_KINDS:
        first += 1
    for j in range(lo, start):
        ln = lines[j]
        if ln.kind == "byline":
            byline_at = j
        elif (
            ln.kind == "text" and ln.words >= 8 and not is_caption(ln, c)
            and (ln.prose or ln.ends or (j == first and _sentence(ln)))
            and not _among_headlines(lines, j) and not beside_credit(lines, j, c)
            and not boiler_phrase(ln, c)
        ):
            candidates.append(j)
    if len(candidates) >= 2 and candidates[0] == byline_at + 1:
        candidates.pop(0)  # the author's bio under the byline
    return lines[candidates[0]].text if candidates else None
