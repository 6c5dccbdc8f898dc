"""The article body of a dump: the best region of prose lines, then its blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.models import Block, Related, Span
from reader.core.text.captions import caption_under, is_caption, split_credit
from reader.core.text.cues import Cues
from reader.core.text.edges import labelled, trim
from reader.core.text.lines import Line, name_like
from reader.core.text.region import (
    BARRIERS,
    best_region,
    intro,
    introduces_quote,
    is_structured,
    list_item,
)

__all__ = ["BodyParts", "build", "is_structured", "locate"]

_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,6}$")

#: Glued lines inside a body are kept from this many words on (shorter: captions, links).
MIN_GLUED_WORDS = 6


def locate(lines: list[Line], structured: bool, c: Cues) -> tuple[int, int]:
    """[start, end) of the body: the best region, trimmed of what hangs at its edges."""
    start, end = best_region(lines, structured)
    return trim(lines, start, end, structured, c)


@dataclass(slots=True)
class BodyParts:
    """Blocks of the body and the promo lines met in it."""

    blocks: list[Block] = field(default_factory=list)
    inline: list[Related] = field(default_factory=list)
    signoff: str | None = None


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
        if kind == "comments" and introduces_quote(lines, start + i - 1):
            out.blocks.append(Block(kind="paragraph", spans=(Span(ln.text),)))
            continue
        if kind in ("ad", "share", "junk", "date", "byline") or (kind in BARRIERS and kind != "related"):
            continue
        if kind == "promo":
            title = promo_title(ln, c)
            if title:
                out.inline.append(Related(title=title, url=None, kind="inline"))
            continue
        if kind == "related" or (c.prefix("read_also", ln.text) and not ln.prose):
            # A "Read also" or "Related" box in the body: the titles under it, up to the
            # next paragraph or box, are promos.
            while i < len(region) and not region[i].alone and not region[i].prose and region[i].kind != "related":
                if region[i].kind == "text" and region[i].words >= 3:
                    out.inline.append(Related(title=region[i].text, url=None, kind="inline"))
                i += 1
            continue
        if i < len(region) and _author_box(ln, region[i], c):
            i += 1  # the author's name and role ("Jane Doe" / "Editor at the desk.")
            continue
        if i >= 2 and caption_under(region[i - 2], ln, c):
            # The caption under a photo whose credit came first.
            out.blocks.append(Block(kind="figure", spans=(Span(ln.text),), credit=region[i - 2].text))
            continue
        if i < len(region) and caption_under(ln, region[i], c):
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
        if _source_or_label(ln, region[i] if i < len(region) else None, c):
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
        # A line announcing a list ("The timetable:") and the short items under it.
        if not ln.alone and intro(ln):
            run = 0
            while i + run < len(region) and list_item(region[i + run]):
                run += 1
            if run >= 2:
                out.blocks.append(Block(kind="paragraph", spans=(Span(ln.text),)))
                out.blocks.append(Block(kind="list", items=tuple((Span(x.text),) for x in region[i:i + run])))
                i += run
                continue
        # Labels and their values glued one under the other ("Place: the old depot"): the
        # details of a photo, an event, a product.
        if not ln.alone and ln.kind == "text" and labelled(ln):
            items = [(Span(ln.text),)]
            while i < len(region) and _label_item(region[i]):
                items.append((Span(region[i].text),))
                i += 1
            if len(items) >= 2:
                out.blocks.append(Block(kind="list", items=tuple(items)))
                continue
            i -= len(items) - 1
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


def _source_or_label(ln: Line, nxt: Line | None, c: Cues) -> bool:
    """A site name alone on a line ("EXAMPLE.COM"), or the label of the date under it."""
    if ln.words <= 3 and ln.text.endswith(":") and nxt is not None and nxt.kind == "date":
        return True
    text = ln.text
    return " " not in text and _DOMAIN.match(text) is not None and text.rsplit(".", 1)[1].casefold() in c.tlds


def _author_box(ln: Line, nxt: Line, c: Cues) -> bool:
    """A name on its own line and, under it, the author's role."""
    return (
        ln.kind == "text" and ln.words <= 4 and name_like(ln.text)
        and nxt.kind == "text" and nxt.words <= 20 and c.prefix("roles", nxt.text) is not None
    )


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
    if after.kind == "text" and (after.prose or after.text.endswith(":")):
        return n
    return 0


def _label_item(ln: Line) -> bool:
    return ln.kind == "text" and not ln.alone and labelled(ln)


def _in_list(region: list[Line], j: int) -> bool:
    """A line inside a run of non-paragraph lines of similar, sentence-like shape."""
    ln = region[j]
    return not ln.alone and ln.kind == "text" and ln.words >= 3 and (ln.ends or ln.density >= 0.15)
