"""The article body of a dump: the best-scoring run of prose lines, then its blocks."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from reader.core.models import Block, Related, Span
from reader.core.text.cues import Cues
from reader.core.text.lines import Line

#: Line kinds that neither help nor break a body region: they are dropped from it.
TRANSPARENT = frozenset({"ad", "share", "junk", "promo"})
#: Headings that open story lists, comments or footers: a body rarely runs across them.
BARRIERS = frozenset({"stop", "related", "more", "tags", "comments"})
_CUT = ("...", "…")
#: Neighbouring candidates are merged across at most this many lines, holding at most
#: MERGE_BARRIERS list headings, when they score at least MERGE_SHARE of the best.
MERGE_GAP = 8
MERGE_BARRIERS = 2
MERGE_SHARE = 0.15
#: A region is read as marking its paragraphs when this share of its prose stands alone.
LOCAL_ALONE_SHARE = 0.3
#: A short line found this often in one region is the link under each teaser of a list.
TEASER_LINKS = 3
#: Glued prose lines in a row that read as paragraphs even on a page marking them.
GLUED_RUN = 3
#: The last text lines of a region searched for a closing subscription box, and the
#: share of the prose they may hold at most to be cut.
TAIL_LINES = 3
TAIL_SHARE = 0.2
#: Glued lines inside a body are kept from this many words on (shorter: captions, links).
MIN_GLUED_WORDS = 6


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
    if not structured and _runon(ln):
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


def _runon(ln: Line) -> bool:
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


def _headed(ln: Line) -> bool:
    """Starts with Title Case words: a story title glued to its teaser."""
    words = [w for w in ln.text.split()[:6] if w[:1].isalpha()]
    return len(words) >= 4 and sum(1 for w in words if w[0].isupper()) >= len(words) - 1


def _glued_prose_runs(lines: list[Line]) -> list[int]:
    """Indices of prose lines glued to each other in runs of GLUED_RUN or more."""
    out: list[int] = []
    run: list[int] = []
    for ln in (*lines, None):
        if ln is not None and ln.prose and not ln.alone and ln.seen == 1 and ln.kind == "text" and not _headed(ln):
            run.append(ln.index)
            continue
        if len(run) >= GLUED_RUN:
            out.extend(run)
        run = []
    return out


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
    return any(lines[j].kind in ("date", "byline") for j in range(max(0, start - 8), start + 2) if j < len(lines))


def _mergeable(gap: list[Line]) -> bool:
    """A gap an in-body box may leave: a few lines, one or two headings, no dated comment."""
    barriers = [ln for ln in gap if ln.kind in BARRIERS]
    if len(gap) > MERGE_GAP or not 1 <= len(barriers) <= MERGE_BARRIERS:
        return False
    return not any(ln.kind == "comments" for ln in barriers) or not any(ln.kind == "date" for ln in gap)


def best_region(lines: list[Line], structured: bool, c: Cues) -> tuple[int, int]:
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
        for j in _glued_prose_runs(lines):
            scores[j] = score(lines[j], False)
    cuts = [i for i, ln in enumerate(lines) if ln.kind in BARRIERS]
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
        if 0 <= headed_end < s and any(headed_end <= j < s for j in comments):
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
    # Merge neighbours split off by an in-body "Related" box.
    j = k + 1
    while j < len(cands):
        nxt = cands[j]
        gap = [ln for ln in lines[end:nxt[2]] if ln.kind not in TRANSPARENT]
        if j not in teasers and nxt[1] >= MERGE_SHARE * adjusted and _mergeable(gap):
            end = nxt[3]
            j += 1
        else:
            break
    j = k - 1
    while j >= 0:
        prv = cands[j]
        gap = [ln for ln in lines[prv[3]:start] if ln.kind not in TRANSPARENT]
        if j not in teasers and prv[1] >= MERGE_SHARE * adjusted and _mergeable(gap):
            start = prv[2]
            j -= 1
        else:
            break
    return trim(lines, start, end, structured, c)


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
    if ln.words < 80 and boilerish(ln, c):
        return True
    if ln.prose:
        return structured and not ln.alone
    if not structured and _runon(ln):
        return False
    return not (ln.alone and ln.ends and ln.words >= 2)


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
    while end > start and _weak(lines[end - 1], structured, c) and not _announced(lines, start, end - 1):
        end -= 1
    end = _cut_tail(lines, start, end, c)
    while end > start and _weak(lines[end - 1], structured, c) and not _announced(lines, start, end - 1):
        end -= 1
    while start < end and _weak(lines[start], structured, c):
        start += 1
    if start >= end and structured:
        # Nothing but glued prose: the page's only text is the body, whatever its markup.
        return trim(lines, lo, hi, False, c)
    return start, end


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
    for i, ln in enumerate(prose):
        if not flags[i] or i == 0 or not boiler_phrase(ln, c):
            continue
        tail = flags[i:]
        if sum(tail) >= 2 and 2 * sum(tail) >= len(tail) and sum(flags[:i]) * 4 <= i:
            return ln.index
    return end


@dataclass(slots=True)
class BodyParts:
    """Blocks of the body and the promo lines met in it."""

    blocks: list[Block] = field(default_factory=list)
    inline: list[Related] = field(default_factory=list)
    signoff: str | None = None


def is_caption(ln: Line, c: Cues) -> bool:
    """A photo caption or credit line: carries a credit mark and is not running prose."""
    if ln.caption is None:
        text = ln.text
        ln.caption = bool(
            "©" in text or "(c)" in text or "(C)" in text
            or c.prefix("credit", text)
            or (text.startswith("(") and text.endswith(")") and ln.words <= 10)
            or (ln.words <= 40 and not ln.alone and text.endswith(c.credit_marks))
            or (ln.words <= 60 and _credit_tail(text, c))
            or _credit_names(ln)
        )
    return ln.caption


def _credit_names(ln: Line) -> bool:
    """A photographer and agency joined by a slash: "Jane Doe/Example Images"."""
    text = ln.text
    if not 2 <= ln.words <= 6 or "/" not in text or " / " in text or text[-1] in ".!?:":
        return False
    left, _, right = text.partition("/")
    return left[:1].isupper() and bool(right) and not right[0].isspace() and " " in left


def _caption_under(credit: Line, ln: Line, c: Cues) -> bool:
    return credit_only(credit, c) and ln.kind == "text" and not ln.alone and ln.words <= 40 and not is_caption(ln, c)


def credit_only(ln: Line, c: Cues) -> bool:
    """A photo credit on a line of its own ("© Getty Images", "Foto: Skoda")."""
    return ln.kind == "text" and ln.words <= 6 and is_caption(ln, c)


def beside_credit(lines: list[Line], j: int, c: Cues) -> bool:
    """Next to a lone photo credit: the photo's caption."""
    return any(credit_only(lines[k], c) for k in (j - 1, j + 1) if 0 <= k < len(lines))


def _credit_tail(text: str, c: Cues) -> bool:
    """Ends with a photographer and agency in brackets: "(Jane Doe/AP)", "(Photo: Reuters)"."""
    if not text.endswith(")"):
        return False
    open_at = text.rfind("(")
    inner = text[open_at + 1:-1] if open_at > 0 else ""
    if not inner or len(inner.split()) > 6:
        return False
    return "/" in inner or any(mark in inner for mark in c.credit_marks) or bool(c.prefix("credit", inner))


def split_credit(text: str, c: Cues) -> tuple[str, str]:
    """(caption, credit) of a caption line."""
    for mark in ("©", *c.prefixes["credit"]):
        pos = text.casefold().find(mark)
        if pos > 0:
            return text[:pos].strip(), text[pos:].strip()
        if pos == 0:
            return "", text
    if text.endswith(")") and "(" in text:
        pos = text.rfind("(")
        return text[:pos].strip(), text[pos:].strip("() ")
    return text, ""


def promo_title(ln: Line, c: Cues) -> str:
    """The story title a promo line points at."""
    text = ln.text
    for mark in c.promo_open:
        text = text.removeprefix(mark)
    for mark in c.promo_close:
        text = text.removesuffix(mark)
    text = text.strip(" :-–—>»«<")
    hit = c.prefix("read_also", text)
    if hit and hit[1]:
        text = hit[1]
    return text.strip(" :-–—>»«<")


def build(lines: list[Line], start: int, end: int, c: Cues, structured: bool) -> BodyParts:
    """Blocks for lines[start:end]; ``structured`` when the dump marks paragraphs by blank lines."""
    out = BodyParts()
    region = lines[start:end]
    i = 0
    while i < len(region):
        ln = region[i]
        i += 1
        kind = ln.kind
        if kind in ("ad", "share", "junk", "date", "byline") or kind in BARRIERS:
            continue
        if kind == "promo":
            title = promo_title(ln, c)
            if title:
                out.inline.append(Related(title=title, url=None, kind="inline"))
            continue
        if c.prefix("read_also", ln.text) and not ln.prose:
            # A "Read also" heading: the titles under it, up to the next paragraph, are promos.
            while i < len(region) and not region[i].alone and not region[i].prose:
                if region[i].kind == "text" and region[i].words >= 3:
                    out.inline.append(Related(title=region[i].text, url=None, kind="inline"))
                i += 1
            continue
        if i >= 2 and _caption_under(region[i - 2], ln, c):
            # The caption under a photo whose credit came first.
            out.blocks.append(Block(kind="figure", spans=(Span(ln.text),), credit=region[i - 2].text))
            continue
        if i < len(region) and _caption_under(ln, region[i], c):
            continue  # the credit goes with the caption that follows
        if is_caption(ln, c):
            caption, credit = split_credit(ln.text, c)
            prev = out.blocks[-1] if out.blocks else None
            if not caption and prev is not None and prev.kind == "figure" and not prev.credit:
                out.blocks[-1] = Block(kind="figure", spans=prev.spans, credit=credit)
            else:
                out.blocks.append(
                    Block(kind="figure", spans=(Span(caption),) if caption else (), credit=credit)
                )
            continue
        if ln.prose or (ln.alone and ln.ends):
            if c.prefix("signoff", ln.text) and i >= len(region) - 1:
                out.signoff = ln.text
                continue
            quote = ln.text[:1] in "\"“«„" and ln.text[-1:] in "\"”»“" and ln.words < 60
            out.blocks.append(Block(kind="quote" if quote else "paragraph", spans=(Span(ln.text),)))
            continue
        if ln.alone and ln.words <= 20:
            out.blocks.append(Block(kind="heading", level=2, spans=(Span(ln.text),)))
            continue
        if not structured and ln.words >= 3:
            if ln.seen == 1 or ln.words > 8:  # repeated short lines: a table of contents
                out.blocks.append(Block(kind="paragraph", spans=(Span(ln.text),)))
            continue
        if structured:
            run = _between_paragraphs(region, i - 1, c)
            if run == 1:
                out.blocks.append(Block(kind="heading", level=3, spans=(Span(ln.text),)))
                continue
            if run > 1:
                entries = tuple((Span(x.text),) for x in region[i - 1:i - 1 + run])
                out.blocks.append(Block(kind="list", items=entries))
                i += run - 1
                continue
        # A short line glued to others inside the region: a list when its neighbours are too.
        if ln.words >= 3 and _in_list(region, i - 1):
            items = [(Span(ln.text),)]
            while i < len(region) and region[i].kind == "text" and not region[i].alone and _in_list(region, i):
                items.append((Span(region[i].text),))
                i += 1
            if len(items) >= 2:
                out.blocks.append(Block(kind="list", items=tuple(items)))
            continue
        if ln.words >= MIN_GLUED_WORDS and ln.seen == 1 and not ln.boiler:
            out.blocks.append(Block(kind="paragraph", spans=(Span(ln.text),)))
    return out


def _short_glued(ln: Line, c: Cues) -> bool:
    return (
        ln.kind == "text" and not ln.alone and not ln.prose and ln.seen == 1 and ln.words <= 12
        and not ln.boiler and not is_caption(ln, c)
    )


def _between_paragraphs(region: list[Line], j: int, c: Cues) -> int:
    """Length of the run of short glued lines from ``j`` that sits between two paragraphs
    (a sub-heading, or the items of a list), 0 when the run is not so placed."""
    if j == 0 or not (region[j - 1].prose or region[j - 1].text.endswith(":")):
        return 0
    n = 0
    while j + n < len(region) and _short_glued(region[j + n], c):
        n += 1
    if n == 0 or j + n >= len(region):
        return 0
    after = region[j + n]
    if after.kind == "text" and after.prose:
        return n
    return 0


def _in_list(region: list[Line], j: int) -> bool:
    """A line inside a run of non-paragraph lines of similar, sentence-like shape."""
    ln = region[j]
    return not ln.alone and ln.kind == "text" and ln.words >= 3 and (ln.ends or ln.density >= 0.15)
