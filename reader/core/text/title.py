"""The title of a dump: the headline-shaped line above the body that speaks of what the body says."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from reader.core.text.captions import beside_credit, is_caption
from reader.core.text.cues import TRIM, Cues, key
from reader.core.text.dates import find_date
from reader.core.text.headline import CRUMBS, content_words, field_row, headline_shaped, named_topic
from reader.core.text.lines import Line

#: How far above the body the title is looked for, in lines.
TITLE_WINDOW = 60
#: Words of the body the title is compared with.
BODY_SAMPLE_WORDS = 600
#: Lines above the body whose prose (a standfirst) also tells what the body is about.
STANDFIRST_LINES = 8
#: Lines at the top of the body where a swallowed title is looked for (captions included).
SWALLOWED_LINES = 6
#: A kicker glued before a headline is cut off when the breadcrumbs end with a headline this long.
KICKER_TAIL_WORDS = 4
#: Words after a date at the start of a line that make it a dated headline.
DATED_TITLE_WORDS = 4
#: Lines up to this long carry ``Line.dated`` (see ``lines.classify``).
DATED_WORDS = 16
#: A line this long written as a sentence under a headline is its standfirst...
STANDFIRST_MIN_WORDS = 10
STANDFIRST_DENSITY = 0.2
#: ... when the headline scores no more than this below it.
STANDFIRST_MARGIN = 5.0
#: Taken from a line above the body that heads one of its sections too (a table of contents).
SECTION_PENALTY = 4.0
#: Lines at the top of the body that may repeat the title and standfirst: no section heads.
SECTION_FROM = 3
#: Given to a line that also ends the breadcrumbs.
CRUMB_BONUS = 3.0
#: Headlines are rarely longer; each word more counts against a line.
LONG_TITLE_WORDS = 15
#: Two headlines in a row this long read as title and subtitle.
SUBTITLE_WORDS = 6
_WORD = re.compile(r"\w+")
#: Between breadcrumbs ("Home » News » Title"); a bar is left out: "Title | Site".
_CRUMB_STEP = re.compile(r"\s[»›>/•·]\s")
#: Kinds of lines that may sit between a title and the body without weakening it.
_META = frozenset({"date", "byline", "share", "ad", "junk", "comments", "promo"})


def body_vocabulary(lines: list[Line], start: int, end: int, stop: frozenset[str]) -> set[str]:
    """Content words of the first lines of the body (teasers for other stories left out)
    and of a standfirst above it."""
    texts = [
        ln.text for ln in lines[max(0, start - STANDFIRST_LINES):start]
        if ln.kind == "text" and ln.prose and ln.words >= 12
    ]
    count = 0
    for ln in lines[start:end]:
        if ln.kind != "text" or ln.words < 5 or _teaser(ln):
            continue
        texts.append(ln.text)
        count += ln.words
        if count >= BODY_SAMPLE_WORDS:
            break
    return content_words(" ".join(texts), stop)


def _teaser(ln: Line) -> bool:
    """A headline cut short with an ellipsis: a link to another story set in the body."""
    return not ln.prose and ln.text.endswith(("...", "…"))


def _crumb_tails(lines: list[Line], lo: int, hi: int) -> dict[str, str]:
    """The last steps of breadcrumbs by key: the page's own title, ending its path."""
    tails: dict[str, str] = {}
    for ln in lines[lo:hi]:
        if ln.words >= 3 and ln.kind == "text" and _CRUMB_STEP.search(ln.text):
            tail = _CRUMB_STEP.split(ln.text)[-1].strip()
            if len(tail.split()) >= 2:
                tails[key(tail)] = tail
    return tails


def _crumb_tail_of(ln: Line, tails: dict[str, str]) -> str | None:
    """The breadcrumbs' last step when the line is it, or ends with it after a kicker glued
    on without a break ("Security spending Cyber attacks: firms should spend 20 percent")."""
    if ln.key in tails:
        return ln.text
    for k, tail in tails.items():
        if k.count(" ") >= KICKER_TAIL_WORDS - 1 and ln.key.endswith(" " + k):
            return tail
    return None


def _crumbs_then(lines: list[Line], j: int) -> bool:
    """Breadcrumbs glued to the headline that the next line gives alone."""
    if j + 1 >= len(lines):
        return False
    text, nxt = lines[j].text, lines[j + 1].text
    return len(nxt) >= 10 and len(text) > len(nxt) and text.endswith(nxt)


def title_score(
    lines: list[Line], j: int, start: int, vocab: set[str], c: Cues, stop: frozenset[str], between: int = -1,
) -> float:
    """How much line ``j`` looks like the title of a body starting at ``start``.

    ``between`` counts the stray lines from ``j`` to ``start`` (see ``_strays``); it is
    counted here when not given.
    """
    ln = lines[j]
    text = ln.text
    s = min(ln.words, 12) / 4
    if text[-1] == "." and not text.endswith("..."):
        s -= 3
    elif text[-1] == ":":
        s -= 2
    if ln.prose and ln.words >= 12:
        s -= 3 if ln.words > 20 or text[-1] in ".!?" else 1.5  # a standfirst sentence
    if ln.dated:
        s -= 3
    if ln.words > LONG_TITLE_WORDS:
        s -= 0.3 * (ln.words - LONG_TITLE_WORDS)
    if beside_credit(lines, j, c):
        s -= 3  # the caption of the photo whose credit sits next to it
    if ln.density > 0.4 and ln.words >= 6:
        s -= 1  # a sentence: standfirst rather than headline
    if ln.seen > 3:
        s -= 3
    elif ln.seen > 1 and ln.words >= 2:
        s += 1.5  # the title again in breadcrumbs or share text
    words = content_words(text, stop)
    if words and vocab:
        hits = len(words & vocab)
        s += 3 * hits / len(words) + 0.75 * min(hits, 5)
    # Of a headline and a subheading on the next line, the first is the title; a
    # short kicker above a headline is not.
    nxt = lines[j + 1] if j + 1 < start else None
    if ln.words >= SUBTITLE_WORDS:
        if nxt is not None and nxt.words >= 4 and headline_shaped(nxt, c):
            s += 2
        prev = lines[j - 1] if j > 0 else None
        # The same headline above, glued to breadcrumbs, is no headline over a subtitle.
        if prev is not None and prev.words >= SUBTITLE_WORDS and headline_shaped(prev, c) and not prev.key.endswith(ln.key):
            s -= 2
    # Headers read title, (standfirst,) byline or date, body.
    if j + 1 < len(lines) and lines[j + 1].kind == "text" and lines[j + 1].prose:
        s += 1
    for k in range(j + 1, min(len(lines), j + 5)):
        if _dateline(lines[k], c):
            s += 3 if k == j + 1 else 2
            break
    if between < 0:
        between = sum(_stray(lines[k], c) for k in range(j + 1, start))
    s -= min(0.15 * between, 5)
    return s


def _dateline(ln: Line, c: Cues) -> bool:
    """A date or byline line, also one too long for ``lines.classify`` to call it so:
    "Published: 5 Jan 2020 | Author: jane | Filed under: Photos, Travel"."""
    if ln.kind in ("date", "byline"):
        return True
    if ln.kind != "text" or ln.words > 40 or (ln.words <= DATED_WORDS and not ln.dated):
        return False  # ``dated`` is known for short lines: no date, no dateline
    if ln.dated and ln.numbers * 2 >= ln.words:
        return True  # "Written: 2023-11-07 15:03 / Updated: 2023-11-07 15:30"
    return c.prefix("published", ln.text) is not None and find_date(ln.text) is not None


def _stray(ln: Line, c: Cues) -> int:
    """How much a line between a title candidate and the body speaks against it."""
    if ln.kind in ("related", "more", "stop", "tags"):
        return 3
    if ln.kind in _META or (ln.kind == "text" and (ln.prose or is_caption(ln, c))):
        return 0
    return 1


def _after_date(ln: Line) -> Line | None:
    """The headline of a line that starts with its date ("23.01.2022 - Snow at last"),
    as a line of its own; None when no headline follows the date."""
    found = find_date(ln.text)
    if found is None or found.start > 0:
        return None
    rest = ln.text[found.end:].strip(TRIM)
    words = len(_WORD.findall(rest))
    if words < DATED_TITLE_WORDS or not rest[0].isupper():
        return None
    return replace(
        ln, text=rest, key=key(rest), words=words, kind="text", dated=False, caption=None, boilerplate=None, numbers=0,
    )


def _header_view(lines: list[Line], lo: int, hi: int, c: Cues) -> list[Line]:
    """The lines with headlines that other kinds hide set apart: written after their date
    ("24.03.2024 - Snow at last"), or in quotes over the date ("»Keep our lakes clean!«")."""
    out = lines
    for j in range(lo, hi):
        ln = lines[j]
        found: Line | None = None
        # A date takes two words at least ("March 2024"): shorter lines hold no headline.
        if ln.kind == "date" and ln.words >= DATED_TITLE_WORDS + 2:
            found = _after_date(ln)
        elif ln.kind == "promo" and j + 1 < len(lines) and _dateline(lines[j + 1], c):
            found = replace(ln, kind="text")
        if found is not None:
            if out is lines:
                out = list(lines)
            out[j] = found
    return out


def _body_begins(lines: list[Line], j: int, end: int, c: Cues) -> bool:
    """Running text, or a list announced by a colon; but a short line with a full stop
    over the date reads title, date ("Snow forecast for Wed.")."""
    ln = lines[j]
    if ln.text.endswith(":"):
        return True
    if not ln.prose or (ln.words <= LONG_TITLE_WORDS and ln.text[-1] in "!?"):
        return False
    return not (ln.words <= LONG_TITLE_WORDS and j + 1 < end and _dateline(lines[j + 1], c))


def _over_standfirst(lines: list[Line], at: int, scores: dict[int, float]) -> int:
    """The short headline just above the line found when that one is a standfirst: a long
    sentence that sums up the body, and so shares more of its words than the headline
    ("Menschenrechte achten" over "Uneingeschränkten Zugang ... gewähren und ...")."""
    ln = lines[at]
    if ln.words < STANDFIRST_MIN_WORDS or ln.density < STANDFIRST_DENSITY or ln.dated:
        return at
    # A kicker sits right over its headline; a date, a byline or a link of two words ("Print
    # page") parts a headline from its standfirst.
    for k in range(at - 2, max(-1, at - 4), -1):
        if not _passable(lines[k + 1]):
            break
        above = lines[k]
        if k in scores and 2 <= above.words <= ln.words // 2 and scores[k] >= scores[at] - STANDFIRST_MARGIN:
            return k
    return at


def _passable(ln: Line) -> bool:
    return ln.kind in _META or (ln.kind == "text" and ln.words <= 2)


def _section_heads(lines: list[Line], start: int, end: int) -> set[str]:
    """Keys of the lines seen again inside the body, past its first lines: the headings of
    its sections, which a table of contents above the body may list."""
    return {ln.key for ln in lines[start + SECTION_FROM:end] if ln.seen > 1 and ln.kind == "text"}


def _contents_head(lines: list[Line], start: int, sections: set[str], c: Cues) -> int:
    """Where a table of contents headed "Contents" starts above the body (``start`` when
    none does): its entries head sections of the body."""
    if sections:
        for k in range(start - 1, max(-1, start - TITLE_WINDOW - 1), -1):
            if lines[k].key in c.sets["contents"] and any(ln.key in sections for ln in lines[k + 1:k + 4]):
                return k
    return start


def _in_contents(lines: list[Line], j: int, sections: set[str]) -> bool:
    """An entry of a table of contents: it and a line next to it head sections of the body."""
    return lines[j].key in sections and any(0 <= k < len(lines) and lines[k].key in sections for k in (j - 1, j + 1))


class Title(NamedTuple):
    """Where the title is (-1 when none fits) and its words."""

    at: int
    text: str


def find_title(lines: list[Line], start: int, end: int, c: Cues, stop: frozenset[str]) -> Title:
    """The title line near ``start`` and its text."""
    vocab = body_vocabulary(lines, start, end, stop)
    tails = _crumb_tails(lines, max(0, start - TITLE_WINDOW), min(end, start + SWALLOWED_LINES))
    lines = _header_view(lines, max(0, start - TITLE_WINDOW), start, c)
    best, best_at = 1.0, -1
    scores: dict[int, float] = {}
    sections = _section_heads(lines, start, end)
    contents = _contents_head(lines, start, sections, c)
    between = 0  # stray lines below the candidate, counted once walking up
    for j in range(start - 1, max(-1, start - TITLE_WINDOW - 1), -1):
        # The title is above a table of contents, not one of its entries.
        if (
            j < contents and (headline_shaped(lines[j], c) or named_topic(lines, j, c, vocab, stop))
            and not _crumbs_then(lines, j) and not field_row(lines, j)
        ):
            s = title_score(lines, j, start, vocab, c, stop, between)
            if sections and _in_contents(lines, j, sections):
                s -= SECTION_PENALTY
            if tails and _crumb_tail_of(lines[j], tails) is not None:
                s += CRUMB_BONUS
            scores[j] = s
            if s > best or (s == best and best_at >= 0):
                best, best_at = s, j
        between += _stray(lines[j], c)
    if best_at >= 0:
        best_at = _over_standfirst(lines, best_at, scores)
    # A title the region swallowed: a headline-shaped first line, maybe under a photo
    # caption or breadcrumbs, or a short exclamation or question.
    seen = 0
    for j in range(start, min(end, start + SWALLOWED_LINES)):
        ln = lines[j]
        if is_caption(ln, c) or CRUMBS.search(ln.text):
            continue
        if _body_begins(lines, j, end, c):
            break
        if (headline_shaped(ln, c) or named_topic(lines, j, c, vocab, stop)) and not field_row(lines, j):
            s = title_score(lines, j, j, vocab, c, stop) - 1
            if tails and _crumb_tail_of(ln, tails) is not None:
                s += CRUMB_BONUS
            if s > best:
                best, best_at = s, j
        seen += 1
        if ln.prose or seen == 2:
            break
    if best_at < 0:
        return Title(-1, "")
    return Title(best_at, _crumb_tail_of(lines[best_at], tails) or lines[best_at].text)
