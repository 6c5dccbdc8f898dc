"""Where the body of a dump lies: lines scored, Kadane runs between list headings, neighbours merged."""

from __future__ import annotations

import bisect
import itertools

from reader.core.text.lines import Line

#: Line kinds that neither help nor break a body region: they are dropped from it.
TRANSPARENT = frozenset({"ad", "share", "junk", "promo"})
#: Headings that open story lists, comments or footers: a body rarely runs across them.
BARRIERS = frozenset({"stop", "related", "more", "tags", "comments"})
_CUT = ("...", "…")
#: Neighbouring candidates are merged across at most this many lines, holding at most
#: MERGE_BARRIERS list headings, when they score at least MERGE_SHARE of the best.
MERGE_GAP = 8
#: ... and across at most MERGE_GAP_WIDE lines when they score WIDE_SHARE of the best.
MERGE_GAP_WIDE = 14
WIDE_SHARE = 0.5
MERGE_BARRIERS = 2
MERGE_SHARE = 0.15
#: A region is read as marking its paragraphs when this share of its prose stands alone.
LOCAL_ALONE_SHARE = 0.3
#: A short line found this often in one region is the link under each teaser of a list.
TEASER_LINKS = 3
#: A table of contents: at least TOC_RUN lines of at most TOC_WORDS words whose second
#: copies have text between them, for at least TOC_SPREAD of the pairs.
TOC_RUN = 3
TOC_WORDS = 12
TOC_SPREAD = 0.6
#: Kinds of the lines of an article header (over the body).
HEADER_KINDS = frozenset({"date", "byline"})
#: Glued prose lines in a row that read as paragraphs even on a page marking them.
GLUED_RUN = 3


def score(ln: Line, structured: bool) -> float:
    """How much a line pulls a body region towards itself (negative: pushes it away)."""
    if ln.kind in TRANSPARENT:
        return 0.0
    if ln.kind in BARRIERS:
        return -25.0
    if ln.kind in ("date", "byline"):
        return -6.0
    if ln.prose:
        weight = float(ln.words)
        if ln.seen > 1:
            weight *= 0.3
        if ln.text.endswith(_CUT):
            weight *= 0.3  # a teaser cut short
        if structured and not ln.alone:
            # The page marks its paragraphs: prose glued to other lines is a teaser or caption.
            weight = weight * 0.5 - 1
        return weight
    if structured and ln.alone:
        # A <p> of its own: short paragraphs, sub-headings, list-like lines.
        if ln.seen > 2:
            return -1.5
        if ln.words >= 8:
            return ln.words * 0.5 if ln.ends else ln.words * 0.2
        return 0.5 if ln.ends else -1.0
    if ln.alone and ln.words <= 20:
        return 1.0 if ln.ends else -1.5
    if not structured and runon(ln):
        return ln.words * 0.7
    if listed(ln):
        return -1.0
    return -6.0 if ln.seen > 1 else -4.0


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if len(w) > 3]
    return len(words) >= 2 and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)


def listed(ln: Line) -> bool:
    """A glued line shaped like an item of a list in running text (not a menu entry or headline)."""
    return (
        ln.seen == 1 and ln.words >= 3 and not ln.boiler
        and (ln.density >= 0.15 or ln.numbers > 0)
        and (ln.ends or ln.words <= 8 or ln.numbers > 0)
        and not _title_case(ln.text) and not ln.text.isupper()
    )


def runon(ln: Line) -> bool:
    """Long sentence-like text whose last sentence lost its full stop."""
    return ln.words >= 15 and ln.density >= 0.2 and ln.seen == 1


def is_structured(lines: list[Line]) -> bool:
    """True when most prose lines stand alone between blank lines (paragraphs are marked)."""
    total = alone = 0
    for ln in lines:
        if ln.prose and ln.words >= 12:
            total += ln.words
            if ln.alone:
                alone += ln.words
    return total > 0 and alone >= 0.12 * total


def marks_paragraphs(lines: list[Line], start: int, end: int) -> bool:
    """False when lines[start:end] holds glued prose lines and few standing alone."""
    total = alone = glued = 0
    for ln in lines[start:end]:
        if ln.prose:
            total += ln.words
            if ln.alone:
                alone += ln.words
            else:
                glued += 1
    return glued < 2 or alone >= LOCAL_ALONE_SHARE * total


def headed(ln: Line) -> bool:
    """Starts with Title Case words: a story title glued to its teaser."""
    words = [w for w in ln.text.split()[:6] if w[:1].isalpha()]
    return len(words) >= 4 and sum(1 for w in words if w[0].isupper()) >= len(words) - 1


def glued_prose_runs(lines: list[Line]) -> list[int]:
    """Indices of prose lines glued to each other in runs of GLUED_RUN or more."""
    out: list[int] = []
    run: list[int] = []
    for ln in (*lines, None):
        if ln is not None and ln.prose and not ln.alone and ln.seen == 1 and ln.kind == "text" and not headed(ln):
            run.append(ln.index)
            continue
        if len(run) >= GLUED_RUN:
            out.extend(run)
        run = []
    return out


def intro(ln: Line) -> bool:
    """A short line announcing what follows: "Ingredients:", "The programme:"."""
    return ln.kind == "text" and ln.words <= 8 and ln.text.endswith(":")


def list_item(ln: Line) -> bool:
    """A short line of the page's own, glued to its neighbours: an item of a list."""
    return (
        ln.kind == "text" and not ln.alone and not ln.prose and ln.seen == 1 and ln.words <= 10
        and not ln.boiler and not ln.text.endswith(":")
    )


def announced_items(lines: list[Line]) -> list[int]:
    """Indices of the short items under a line announcing them ("You will need:")."""
    out: list[int] = []
    for j, ln in enumerate(lines):
        if not intro(ln):
            continue
        k = j + 1
        while k < len(lines) and list_item(lines[k]):
            out.append(k)
            k += 1
    return out


def toc_headings(lines: list[Line]) -> list[int]:
    """Indices of the section headings a table of contents lists: a run of TOC_RUN or more
    short lines said twice, whose second copies come later, in the same order, each with
    text between them. A menu repeated in the footer comes back as a block instead."""
    first: dict[str, int] = {}
    second: dict[str, int] = {}
    for ln in lines:
        if ln.seen == 2 and ln.words <= TOC_WORDS:
            if ln.key in first:
                second[ln.key] = ln.index
            else:
                first[ln.key] = ln.index
    out: list[int] = []
    if not second:
        return out
    run: list[int] = []
    for item in (*lines, None):
        if item is not None and item.key in second and first[item.key] == item.index:
            run.append(second[item.key])
            continue
        if len(run) >= TOC_RUN:
            spread = sum(1 for a, b in itertools.pairwise(run) if b - a >= 2)
            if all(a < b for a, b in itertools.pairwise(run)) and spread >= TOC_SPREAD * (len(run) - 1):
                out.extend(run)
        run = []
    return out


def introduces_quote(lines: list[Line], i: int) -> bool:
    """A comments cue in a line ending with a colon over a paragraph with no date near it
    ("To which she replies:"): the text quoting someone, not the comments' heading."""
    ln = lines[i]
    if ln.kind != "comments" or not ln.text.endswith(":") or i + 1 >= len(lines) or not lines[i + 1].prose:
        return False
    return not any(o.kind == "date" for o in lines[i + 1:i + 4])


def _kadane(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    best, span = 0.0, (lo, lo)
    total, start = 0.0, lo
    for i in range(lo, hi):
        s = scores[i]
        if total <= 0:
            if s <= 0:
                continue
            total, start = 0.0, i
        total += s
        if total > best:
            best, span = total, (start, i + 1)
    return best, span[0], span[1]


def _teaser_share(lines: list[Line], start: int, end: int) -> float:
    """Share of prose lines in [start, end) that come right after a short title line."""
    prose = pairs = 0
    for i in range(start + 1, end):
        ln = lines[i]
        if not ln.prose:
            continue
        prose += 1
        prev = lines[i - 1]
        if ln.words <= 50 and prev.kind == "text" and not prev.prose and 4 <= prev.words <= 20 and not prev.ends:
            pairs += 1
    return pairs / prose if prose and pairs >= 4 else 0.0


def _repeated_link(lines: list[Line], start: int, end: int) -> bool:
    """The same short line ("Read the rest", "More") comes back after every item: a teaser list."""
    counts: dict[str, int] = {}
    for ln in lines[start:end]:
        if ln.seen >= TEASER_LINKS and ln.words <= 4 and ln.kind in ("text", "share"):
            counts[ln.key] = counts.get(ln.key, 0) + 1
    return any(n >= TEASER_LINKS for n in counts.values())


def _has_header(lines: list[Line], start: int) -> bool:
    return any(lines[j].kind in HEADER_KINDS for j in range(max(0, start - 8), start + 2) if j < len(lines))


def _gap_limit(lines: list[Line], cand: tuple[float, float, int, int], best: tuple[float, int, int]) -> int:
    """Lines a box between two parts of a body may take: more when both parts are big
    (a box of three related stories with their authors and dates) and both set their
    prose in paragraphs of its own (not titles glued to teasers, not a sidebar)."""
    if cand[1] < WIDE_SHARE * best[0]:
        return MERGE_GAP
    return MERGE_GAP_WIDE if _in_paragraphs(lines, cand[2], cand[3]) and _in_paragraphs(lines, best[1], best[2]) else MERGE_GAP


def _in_paragraphs(lines: list[Line], start: int, end: int) -> bool:
    total = alone = 0
    for ln in lines[start:end]:
        if ln.prose:
            total += ln.words
            alone += ln.words if ln.alone else 0
    return alone * 2 > total


def _mergeable(gap: list[Line], limit: int = MERGE_GAP) -> bool:
    """A gap an in-body box may leave: a few lines, one or two headings, no dated comment."""
    barriers = [ln for ln in gap if ln.kind in BARRIERS]
    if len(gap) > limit or not 1 <= len(barriers) <= MERGE_BARRIERS:
        return False
    return not any(ln.kind == "comments" for ln in barriers) or not any(ln.kind == "date" for ln in gap)


def best_region(lines: list[Line], structured: bool) -> tuple[int, int]:
    """[start, end) of the body: the best run of lines between list headings, by score.

    Headings of story lists, comments and footers cut the page into parts; in each,
    the run of lines with the highest sum of scores (Kadane) is a candidate. The
    candidate after an article header that does not look like a teaser list wins;
    a neighbour that starts right after the heading between them is merged back.
    """
    scores = [score(ln, structured) for ln in lines]
    if structured:
        # Paragraphs in <div>s on a page that uses <p> elsewhere: a run of glued prose
        # lines is text, not the teaser or caption a lone glued line would be.
        for j in glued_prose_runs(lines):
            scores[j] = score(lines[j], False)
    for j in toc_headings(lines):
        # A section heading listed in the table of contents: said twice, yet in the text.
        scores[j] = max(scores[j], 0.0)
    for j in announced_items(lines):
        # Announced by a colon: a list in the text, not a menu; it does not break a body.
        scores[j] = max(scores[j], 0.0)
    cuts: list[int] = []
    for i, ln in enumerate(lines):
        if ln.kind not in BARRIERS:
            continue
        if introduces_quote(lines, i):
            scores[i] = 0.0
            continue
        cuts.append(i)
    bounds = [-1, *cuts, len(lines)]
    cands: list[tuple[float, float, int, int]] = []
    #: Candidates never merged into the body: teaser lists and boilerplate boxes.
    teasers: set[int] = set()
    comments = [i for i in cuts if lines[i].kind == "comments"]
    headed_end = -1
    for a, b in itertools.pairwise(bounds):
        total, s, e = _kadane(scores, a + 1, b)
        if e <= s:
            continue
        adjusted = total
        if _has_header(lines, s):
            adjusted *= 1.5
            if headed_end < 0:
                headed_end = e
        after_comments = 1.0
        if a >= 0 and s - a <= 8 and any(lines[j].kind == "comments" for j in range(max(0, a - 3), a + 1)):
            after_comments *= 0.3  # readers' comments under the article
        at = bisect.bisect_left(comments, headed_end) if headed_end >= 0 else len(comments)
        if 0 <= headed_end < s and at < len(comments) and comments[at] < s:
            after_comments *= 0.3  # past the comments of an article met earlier: comments, sidebars
        teaser = _teaser_share(lines, s, e)
        if teaser > 0.6 or _repeated_link(lines, s, e):
            adjusted *= 0.3
            teasers.add(len(cands))
        if sum(1 for ln in lines[s:e] if ln.kind == "date") >= 3:
            adjusted *= 0.5  # dated entries: comments or a news list
        prose = [ln for ln in lines[s:e] if ln.prose]
        boiler = sum(1 for ln in prose if ln.boiler)
        if prose and boiler > 0.3 * len(prose):
            adjusted *= 0.3 if boiler <= 0.6 * len(prose) else 0.1  # a cookie banner, newsletter box, legal notice
            teasers.add(len(cands))
        # Merging judges a neighbour without the comment penalties: a heading such as
        # "Comment" (an analysis) may open the second half of a body.
        cands.append((adjusted * after_comments, adjusted * max(after_comments, 0.3), s, e))
    if not cands:
        return 0, 0
    k = max(range(len(cands)), key=lambda i: cands[i][0])
    _, adjusted, start, end = cands[k]
    # Merge neighbours split off by an in-body "Related" box; small pieces between two
    # such boxes (a lone story title) are looked past, as part of the gap.
    j = k + 1
    while j < len(cands) and j not in teasers:
        nxt = cands[j]
        gap = [ln for ln in lines[end:nxt[2]] if ln.kind not in TRANSPARENT]
        limit = _gap_limit(lines, nxt, (adjusted, start, end))
        if len(gap) > limit:
            break
        if nxt[1] < MERGE_SHARE * adjusted:
            j += 1
            continue
        if not _mergeable(gap, limit):
            break
        end = nxt[3]
        j += 1
    j = k - 1
    while j >= 0 and j not in teasers:
        prv = cands[j]
        gap = [ln for ln in lines[prv[3]:start] if ln.kind not in TRANSPARENT]
        limit = _gap_limit(lines, prv, (adjusted, start, end))
        if len(gap) > limit:
            break
        if prv[1] < MERGE_SHARE * adjusted:
            j -= 1
            continue
        if not _mergeable(gap, limit):
            break
        start = prv[2]
        j -= 1
    return start, end
