"""The edges of a body region: prose taken back, boilerplate, pitches and stray lines cut off."""

from __future__ import annotations

import re

from reader.core.text.captions import is_caption
from reader.core.text.cues import Cues
from reader.core.text.lines import Line, bulleted
from reader.core.text.region import (
    BARRIERS,
    HEADER_KINDS,
    headed,
    intro,
    list_item,
    listed,
    marks_paragraphs,
    runon,
)

_WORD = re.compile(r"\w+")
#: A paragraph this long at the edge of a body goes only when boilerplate through and through.
LONG_LINE = 30
#: Lines a list announced by a colon needs to be taken into the body.
MIN_ITEMS = 2
#: A body of fewer prose words takes in the lines of its own up to SHORT_REACH lines
#: above it (to the article header) and below it.
SHORT_BODY = 60
SHORT_REACH = 8
SHORT_LINE = 12
#: A table set as lines under the body: at least MIN_ROWS rows of at most ROW_WORDS
#: words, ROW_SHARE of them of one shape and with numbers.
MIN_ROWS = 4
ROW_WORDS = 20
ROW_SHARE = 0.6
_NOT_PUNCT = re.compile(r"[\w\s]+")
#: Short lines of its own a body may close with, up to the next list heading, and the
#: words each may have at most.
DETAIL_LINES = 20
DETAIL_WORDS = 16
#: Share of those lines that must be labels and their values (or items under a label),
#: and the words a label has at most.
LABELLED_SHARE = 0.7
LABEL_WORDS = 4
_LABEL = re.compile(r"^([^:]{1,60}?)\s?:(?:\s|$)")
#: The last text lines of a region searched for a closing subscription box, and the
#: share of the prose they may hold at most to be cut.
TAIL_LINES = 3
TAIL_SHARE = 0.2
#: Glued prose lines this long, two or more under a sub-heading of at most
#: SECTION_HEAD_WORDS, end a body as they are (a section set in <div>s).
PAIR_WORDS = 20
SECTION_HEAD_WORDS = 8
_CUT = ("...", "…")


def extend(lines: list[Line], start: int, end: int, c: Cues) -> tuple[int, int]:
    """Take back prose lines glued right before or after the region (a first paragraph in a div)."""
    for _ in range(3):
        if start == 0:
            break
        ln = lines[start - 1]
        if ln.kind != "text" or not ln.prose or ln.seen > 1 or ln.words < 10 or is_caption(ln, c) or boilerish(ln, c):
            break
        start -= 1
    for _ in range(3):
        if end >= len(lines):
            break
        ln = lines[end]
        if ln.kind != "text" or not ln.prose or ln.seen > 1 or ln.words < 10 or is_caption(ln, c) or boilerish(ln, c):
            break
        end += 1
    return start, end


def take_lists(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """Take in lists right next to the body: those announced by a colon (the ingredients
    above a recipe's steps), a table of rows under it (tour dates), labelled details up
    to the next list heading (a photo's data), and for a short body its own lines up to
    the header and the items under it (an agenda)."""
    j = start - 1
    if j >= 0 and intro(lines[j]):
        j -= 1  # the heading of the body itself ("Method:")
    run = 0
    while j - run >= 0 and list_item(lines[j - run]):
        run += 1
    if run >= MIN_ITEMS and j - run >= 0 and intro(lines[j - run]):
        start = j - run
    if end < len(lines) and intro(lines[end]):
        run = 0
        while end + 1 + run < len(lines) and list_item(lines[end + 1 + run]):
            run += 1
        if run >= MIN_ITEMS:
            end += 1 + run
    taken = take_details(lines, start, take_rows(lines, end))
    return _short_body(lines, start, end, taken)


def _own(ln: Line) -> bool:
    """A line of the page's own that may belong to a short body: not a menu entry said
    elsewhere too, not boilerplate, not the label over share buttons."""
    return ln.kind == "text" and ln.seen == 1 and not ln.boiler


def _short_body(lines: list[Line], start: int, end: int, taken: int) -> tuple[int, int]:
    """A body of a few lines (an event notice, an agenda) grows to the lines of its own
    between it and the article header above, and to the list items right under it
    unless a table or details were ``taken`` there already (to that line)."""
    if sum(ln.words for ln in lines[start:end] if ln.prose) >= SHORT_BODY:
        return start, taken
    head = start - 1
    # Short lines only: a longer one under the header is its standfirst.
    while head >= 0 and start - head <= SHORT_REACH and _own(lines[head]) and lines[head].words <= SHORT_LINE:
        head -= 1
    if head >= 0 and start - head <= SHORT_REACH and lines[head].kind in HEADER_KINDS:
        start = head + 1
    if taken > end:
        return start, taken
    j = end
    while (
        j + 1 < len(lines) and j - end < SHORT_REACH and _own(lines[j]) and listed(lines[j])
        and lines[j + 1].kind not in ("share", *BARRIERS)
    ):
        j += 1
    return start, j


def _row(ln: Line) -> bool:
    return ln.kind in ("text", "date") and ln.seen == 1 and not ln.prose and ln.words <= ROW_WORDS and not ln.boiler


def _shape(text: str) -> str:
    """The punctuation of a line in order: rows of one table share it ("June 9 – City @ Hall")."""
    return _NOT_PUNCT.sub("", text)


def take_rows(lines: list[Line], end: int) -> int:
    """The new end of a body followed by a table set as lines, under a short heading or
    none: rows of the same shape (the same punctuation in the same order), most of them
    with numbers (dates, times, scores, prices). Tour dates, a timetable, results."""
    j = end
    if j < len(lines) and lines[j].kind == "text" and lines[j].words <= 8 and not lines[j].prose:
        j += 1  # its heading
    run: list[Line] = []
    while j + len(run) < len(lines) and _row(lines[j + len(run)]):
        run.append(lines[j + len(run)])
    if len(run) < MIN_ROWS:
        return end
    shapes: dict[str, int] = {}
    for ln in run:
        shapes[_shape(ln.text)] = shapes.get(_shape(ln.text), 0) + 1
    shape, n = max(shapes.items(), key=lambda kv: kv[1])
    numbered = sum(1 for ln in run if ln.numbers > 0)
    if not shape or n < ROW_SHARE * len(run) or numbered < ROW_SHARE * len(run):
        return end
    while _shape(run[-1].text) != shape:
        run.pop()  # lines after the table: a credit, the tags
    return run[-1].index + 1


def _detail(ln: Line) -> bool:
    """A line of the page's own (said once) that may close a body: a label and its value,
    an address line, a timetable entry, a last short sentence."""
    if ln.kind not in ("text", "date") or (ln.seen > 1 and ":" not in ln.text) or ln.boiler:
        return False
    return ln.words <= DETAIL_WORDS and not (ln.prose and not ln.alone)


def labelled(ln: Line) -> bool:
    """A label and its value ("Place: the old depot") or a label over the lines under it."""
    m = _LABEL.match(ln.text)
    return m is not None and len(m.group(1).split()) <= LABEL_WORDS


def take_details(lines: list[Line], start: int, end: int) -> int:
    """The new end of a body followed by a few short lines of its own, mostly labels and
    their values, up to the heading of the comments or of a story list: the details under
    a photo, the timetable and address under an event. Lines the site repeats (menus),
    share buttons, teasers or unlabelled lines (a list of links) stop it."""
    if end <= start:
        return end
    labels = 0
    listed = False  # under a label that ends its line: the items it announces
    j = end
    while j < len(lines) and j - end <= DETAIL_LINES:
        ln = lines[j]
        if ln.kind in BARRIERS:
            n = j - end
            return j if n >= MIN_ITEMS and labels >= LABELLED_SHARE * n else end
        if not _detail(ln):
            return end
        if labelled(ln) or intro(ln):
            labels += 1
            listed = intro(ln)
        elif listed and list_item(ln):
            labels += 1
        else:
            listed = False
        j += 1
    return end


def _bullet(ln: Line) -> bool:
    return ln.kind == "text" and ln.seen == 1 and bulleted(ln.text)


def take_bullets(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """Take in the whole list the body starts or ends inside: a page copy renders no
    bullets, so lines starting with one were written so by the author (a changelog)."""
    if start < end and _bullet(lines[start]):
        j = start
        while j > 0 and _bullet(lines[j - 1]):
            j -= 1
        start = j
    if end > start and _bullet(lines[end - 1]):
        j = end
        while j < len(lines) and _bullet(lines[j]):
            j += 1
        end = j
    return start, end


def boiler_phrase(ln: Line, c: Cues) -> bool:
    """Carries a boilerplate phrase ("follow us", "per E-Mail", "all rights reserved")."""
    return c.boiler_phrases.search(ln.text.casefold()) is not None


def boilerish(ln: Line, c: Cues) -> bool:
    """Carries a boilerplate word ("subscribe", "cookies") or phrase."""
    if ln.boilerplate is None:
        ln.boilerplate = ln.boiler or boiler_phrase(ln, c)
    return ln.boilerplate


def _weak(ln: Line, structured: bool, c: Cues) -> bool:
    """A line that may hang at the edge of a body without belonging to it."""
    if ln.kind != "text":
        return True
    if ln.words < 80 and boilerish(ln, c) and (ln.words < LONG_LINE or _boiler_heavy(ln, c)):
        return True
    if ln.prose:
        return structured and not ln.alone
    if not structured and runon(ln):
        return False
    return not (ln.alone and ln.ends and ln.words >= 2)


def _boiler_heavy(ln: Line, c: Cues) -> bool:
    """Boilerplate through and through: a phrase, or two different boilerplate words."""
    words = set(_WORD.findall(ln.text.casefold()))
    return boiler_phrase(ln, c) or len(words & c.sets["boilerplate"]) >= 2


def trim(lines: list[Line], start: int, end: int, structured: bool, c: Cues) -> tuple[int, int]:
    """Drop boilerplate and stray short lines from both edges of a region.

    Short lines stay when a prose line follows them within the region (sub-headings).
    A region whose prose is mostly glued lines (a body in <div>s or <br>s on a page
    that uses <p> elsewhere) is trimmed as an unmarked one.
    """
    if structured and not marks_paragraphs(lines, start, end):
        structured = False
    lo, hi = start, end
    end = _cut_paywall(lines, start, end, c)
    while end > start and _weak_end(lines, start, end - 1, structured, c):
        end -= 1
    end = _cut_tail(lines, start, end, c)
    while end > start and _weak_end(lines, start, end - 1, structured, c):
        end -= 1
    while start < end and _weak(lines[start], structured, c):
        start += 1
    if start >= end and structured:
        # Nothing but glued prose: the page's only text is the body, whatever its markup.
        return trim(lines, lo, hi, False, c)
    return start, end


def _weak_end(lines: list[Line], start: int, j: int, structured: bool, c: Cues) -> bool:
    """The last line of a region, lines[j], may be cut off."""
    return _weak(lines[j], structured, c) and not _announced(lines, start, j) and not _div_section(lines, start, j)


def _glued_prose(ln: Line) -> bool:
    return (
        ln.kind == "text" and ln.prose and not ln.alone and ln.seen == 1 and not ln.boiler
        and ln.words >= PAIR_WORDS and not ln.text.endswith(_CUT) and not headed(ln)
    )


def _div_section(lines: list[Line], start: int, j: int) -> bool:
    """Lines[j] closes a section of long glued paragraphs under a short sub-heading, on a
    page that marks its paragraphs: a part of the body set in <div>s or <br>s. A list of
    teasers sits under a list heading, a caption or company profile has no heading."""
    k = j
    while k > start and _glued_prose(lines[k]):
        k -= 1
    head = lines[k]
    return (
        j - k >= 2 and head.kind == "text" and not head.prose and 1 <= head.words <= SECTION_HEAD_WORDS
    )


def _announced(lines: list[Line], start: int, j: int) -> bool:
    """A sentence that a line ending with a colon announces ("What remains is this:")."""
    ln = lines[j]
    return (
        j > start and ln.kind == "text" and ln.words >= 3 and not ln.boiler and ln.text[-1] in ".!?"
        and lines[j - 1].kind == "text" and lines[j - 1].text.endswith(":")
    )


def _cut_tail(lines: list[Line], start: int, end: int, c: Cues) -> int:
    """End the body before a subscription or follow-us box closing it, with a line or two after."""
    tail = [j for j in range(end - 1, start - 1, -1) if lines[j].kind == "text"][:TAIL_LINES]
    total = sum(ln.words for ln in lines[start:end] if ln.prose)
    cut = end
    for j in tail:
        if lines[j].words < 80 and boilerish(lines[j], c):
            cut = j
    if cut < end and sum(ln.words for ln in lines[cut:end] if ln.prose) <= TAIL_SHARE * total:
        return cut
    return end


def _cut_paywall(lines: list[Line], start: int, end: int, c: Cues) -> int:
    """End the body where a paywall or subscription pitch takes over: from a paragraph with
    a boilerplate phrase on, at least half the paragraphs are boilerplate, before it almost none."""
    prose = [ln for ln in lines[start:end] if ln.prose]
    if sum(1 for ln in prose if ln.boiler) < 2:
        return end  # a pitch has boilerplate words in two paragraphs at least (cheap test first)
    flags = [ln.words < 80 and boilerish(ln, c) for ln in prose]
    total = sum(flags)
    before = 0  # flagged paragraphs before i
    for i, ln in enumerate(prose):
        if flags[i] and i > 0 and boiler_phrase(ln, c):
            tail, size = total - before, len(prose) - i
            if tail >= 2 and 2 * tail >= size and before * 4 <= i:
                return ln.index
        before += flags[i]
    return end
