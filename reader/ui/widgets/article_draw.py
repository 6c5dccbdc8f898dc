"""Drawing one laid-out line of the article (indent, bar, bullet, styled runs) and hit-testing it."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from reader.ui.layout import Line, Link, Place, Unit, unit_width
from reader.ui.widgets.article_places import Highlight

#: Looks up the style of an ``article--<name>`` component class.
StyleOf = Callable[[str], Style]
#: (start, end, extra style) laid over the text of a unit.
Overlay = tuple[int, int, Style]


def overlays(line: Line, unit: Unit, style: StyleOf, selected: Link | None,
             highlights: list[Highlight], current: Place | None) -> list[Overlay]:
    """Marks, links, highlights and the current place that touch ``line`` of ``unit``."""
    found: list[Overlay] = []
    lo, hi = line.start, line.end
    for a, b, mark in unit.marks:
        if a < hi and b > lo:
            found.append((a, b, style({"code": "mark-code"}.get(mark, mark))))
    for link in unit.links:
        if link.start < hi and link.end > lo:
            name = "link-selected" if link is selected else "link"
            found.append((link.start, link.end, style(name)))
    for a, b, kind in highlights:
        if a < hi and b > lo:
            found.append((a, b, style(kind)))
    if current is not None:
        u, a, b = current
        if u == line.unit and a < hi and b > lo:
            found.append((a, b, style("match-current")))
    return found


def line_segments(line: Line, unit: Unit, column: int, base: Style, style: StyleOf,
                  laid_over: list[Overlay]) -> list[Segment]:
    """The segments of ``line`` (from ``unit``), after the centring margin."""
    role = unit.role
    if role == "heading" and unit.level > 2:
        role = "subheading"
    text_style = base + style(role)
    out: list[Segment] = []
    if unit.indent:
        out.append(Segment(" " * unit.indent, base))
    if unit.bar:
        out.append(Segment("▎ ", base + style("bar")))
    if unit.prefix:
        shown = unit.prefix if line.first else " " * cell_len(unit.prefix)
        out.append(Segment(shown, base + style("bullet")))
    if role == "rule":
        out.append(Segment("─" * column, text_style))
        return out
    if not laid_over:
        out.append(Segment(unit.text[line.start : line.end], text_style))
        return out
    cuts = {line.start, line.end}
    for a, b, _ in laid_over:
        cuts.add(min(max(a, line.start), line.end))
        cuts.add(min(max(b, line.start), line.end))
    for p, q in itertools.pairwise(sorted(cuts)):
        run = text_style
        for a, b, extra in laid_over:
            if a <= p and q <= b:
                run = run + extra
        out.append(Segment(unit.text[p:q], run))
    return out


def char_at(line: Line, unit: Unit, x: int) -> int:
    """The character of ``unit`` drawn at cell ``x`` of ``line`` (x counted from the margin)."""
    x -= unit_width(unit)
    pos, cells = line.start, 0
    while pos < line.end and cells + cell_len(unit.text[pos]) <= x:
        cells += cell_len(unit.text[pos])
        pos += 1
    return pos
