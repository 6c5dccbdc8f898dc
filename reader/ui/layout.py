"""An article laid out as wrapped lines: plain offsets only, so wrapping 17,000 words is cheap.

Styles are applied later, one visible line at a time, by the article view.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from rich.cells import cell_len

from reader.core.blocks import block_offsets
from reader.core.models import Article, Block, Span

#: Style runs inside a unit: (start, end, mark) with mark "em", "strong" or "code".
Mark = tuple[int, int, str]

_CJK_RANGES = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd"
)
# Characters a CJK line must not start with: they stay glued to the character before.
_NO_BREAK_BEFORE = "、。，．！？：；）」』】〉》〕”’・ー…"
# A word keeps an opening guillemet before it and French spaced punctuation after it
# ("« Oui » ?"): the page's no-break spaces became plain spaces when it was cleaned.
_TOKEN_PATTERN = (
    rf"\s+|[{_CJK_RANGES}][{_NO_BREAK_BEFORE}]*"
    rf"|(?:[«‹] )?[^\s{_CJK_RANGES}]+(?: [»›:;!?][^\s{_CJK_RANGES}]*)*[{_NO_BREAK_BEFORE}]*"
)
# The same tokens for text without CJK characters. Compiling the pattern above costs
# about 7 ms (re expands every character of its ranges), paid at the first CJK text
# rather than at every launch.
_PLAIN_TOKEN = re.compile(r"\s+|(?:[«‹] )?\S+(?: [»›:;!?]\S*)*")
_CJK_SPANS = tuple((ord(_CJK_RANGES[i]), ord(_CJK_RANGES[i + 2]))
                   for i in range(0, len(_CJK_RANGES), 3))
_FIRST_CJK = chr(_CJK_SPANS[0][0])


@cache
def _cjk_token() -> re.Pattern[str]:
    return re.compile(_TOKEN_PATTERN)


def _has_cjk(text: str) -> bool:
    """True when ``text`` holds a character of the CJK ranges."""
    return any(
        char >= _FIRST_CJK and any(low <= ord(char) <= high for low, high in _CJK_SPANS)
        for char in set(text)
    )


@dataclass(slots=True)
class Link:
    """A link inside a unit."""

    start: int
    end: int
    href: str


@dataclass(slots=True)
class Unit:
    """A run of text laid out as one paragraph: a block, a list item, a table row, a header line."""

    text: str
    role: str  # section, title, meta, lead, body, heading, quote, item, caption, code, table, rule
    offset: int | None = None  # where the text starts in Article.text, when it is there
    links: list[Link] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    indent: int = 0  # cells before every line
    prefix: str = ""  # drawn before the first line (bullets, numbers); later lines hang under it
    bar: bool = False  # a quote bar before every line
    wrap: bool = True
    level: int = 0
    space_before: int = 1  # blank lines before the unit


@dataclass(slots=True, frozen=True)
class Line:
    """One screen line: a slice of a unit (unit -1 is a blank line)."""

    unit: int
    start: int = 0
    end: int = 0
    first: bool = True


def _spans_unit(spans: tuple[Span, ...], role: str, offset: int | None) -> Unit:
    parts: list[str] = []
    links: list[Link] = []
    marks: list[Mark] = []
    pos = 0
    for span in spans:
        end = pos + len(span.text)
        if span.href and span.text.strip():
            links.append(Link(pos, end, span.href))
        if span.strong:
            marks.append((pos, end, "strong"))
        if span.emphasis:
            marks.append((pos, end, "em"))
        if span.code:
            marks.append((pos, end, "code"))
        parts.append(span.text)
        pos = end
    return Unit("".join(parts), role, offset, links, marks)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def lead_is_repeated(lead: str, body: tuple[Block, ...]) -> bool:
    """True when the body's first paragraph already says the lead."""
    first = next((b for b in body if b.kind in ("paragraph", "quote") and b.text.strip()), None)
    if first is None:
        return False
    a, b = _norm(lead), _norm(first.text)
    return a == b or (len(a) >= 40 and b.startswith(a))


def format_date(value: datetime) -> str:
    """A date as readers write it, in English month names (the UI language)."""
    return f"{value.day} {value.strftime('%B')} {value.year}"


def meta_line(article: Article) -> str:
    """Byline, date, site and reading time on one line."""
    parts: list[str] = []
    if article.byline:
        parts.append(article.byline)
    if article.published:
        parts.append(format_date(article.published))
    if article.site:
        parts.append(article.site)
    if article.reading_minutes:
        parts.append(f"{article.reading_minutes} min read")
    return " · ".join(parts)


def _table_units(block: Block, width: int) -> list[Unit]:
    rows = [tuple(cell.strip() for cell in row) for row in block.rows if any(c.strip() for c in row)]
    if not rows:
        return []
    # Leading one-cell rows in a wider table are titles spanning it (colspan): shown as
    # captions over the full width rather than squeezed into the first column.
    columns = max(len(row) for row in rows)
    units: list[Unit] = []
    header = block.header
    while columns > 1 and rows and sum(1 for c in rows[0] if c) == 1 and rows[0][0]:
        units.append(Unit(rows.pop(0)[0], "caption", space_before=0 if units else 1))
    if not rows:
        return units
    columns = max(len(row) for row in rows)
    rows = [row + ("",) * (columns - len(row)) for row in rows]
    widths = [max(cell_len(row[c]) for row in rows) for c in range(columns)]
    gap = 2
    budget = max(columns, width - gap * (columns - 1))
    # Shrink the widest columns first until the table fits the text column.
    while sum(widths) > budget and max(widths) > 3:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    for index, row in enumerate(rows):
        cells = [_fit(cell, widths[c]) for c, cell in enumerate(row)]
        head = header and index == 0
        units.append(Unit((" " * gap).join(cells).rstrip(), "table-head" if head else "table",
                          wrap=False, space_before=1 if index == 0 and not units else 0))
        if head:
            rule = (" " * gap).join("─" * w for w in widths)
            units.append(Unit(rule, "table-rule", wrap=False, space_before=0))
    return units


def _fit(text: str, width: int) -> str:
    """``text`` cut with an ellipsis or padded to exactly ``width`` cells."""
    size = cell_len(text)
    if size <= width:
        return text + " " * (width - size)
    out, used = [], 0
    for char in text:
        w = cell_len(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…" + " " * (width - used - 1)


def article_units(article: Article, width: int) -> list[Unit]:
    """Every unit of the article, header first, in reading order."""
    units: list[Unit] = []
    if article.section:
        units.append(Unit(article.section.upper(), "section", space_before=0))
    if article.title:
        units.append(Unit(article.title, "title", space_before=0))
    meta = meta_line(article)
    if meta:
        units.append(Unit(meta, "meta", space_before=1 if article.title else 0))
    if article.lead and not lead_is_repeated(article.lead, article.body):
        units.append(Unit(article.lead, "lead"))
    if units:
        units.append(Unit("─" * width, "rule", wrap=False))
    offsets = block_offsets(article.body)
    for block, offset in zip(article.body, offsets, strict=True):
        units.extend(_block_units(block, offset, width))
    if units:
        units[0].space_before = 0
    return units


def _block_units(block: Block, offset: int | None, width: int) -> list[Unit]:
    kind = block.kind
    if kind == "heading":
        unit = _spans_unit(block.spans, "heading", offset)
        unit.level = block.level or 2
        return [unit]
    if kind == "quote":
        unit = _spans_unit(block.spans, "quote", offset)
        unit.indent, unit.bar = 2, True
        return [unit]
    if kind == "list":
        units: list[Unit] = []
        pos = offset
        for number, item in enumerate(block.items, 1):
            unit = _spans_unit(item, "item", pos)
            unit.indent = 2
            unit.prefix = f"{number}. " if block.ordered else "• "
            unit.space_before = 1 if number == 1 else 0
            units.append(unit)
            if pos is not None:
                pos += len(unit.text) + 1
        return units
    if kind == "pre":
        units = []
        pos = offset
        for number, text in enumerate(block.text.split("\n")):
            units.append(Unit(text, "code", pos, indent=2, wrap=False,
                              space_before=1 if number == 0 else 0))
            if pos is not None:
                pos += len(text) + 1
        return units
    if kind == "table":
        return _table_units(block, width)
    if kind == "figure":
        caption = block.text.strip() or block.alt.strip()
        if block.credit:
            caption = f"{caption} — {block.credit}" if caption else block.credit
        if not caption:
            return []
        return [Unit(caption, "caption", prefix="▣ ")]
    if not block.text.strip():
        return []
    return [_spans_unit(block.spans, "body", offset)]


def wrap_text(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by terminal cells: (start, end) of each line, spaces at breaks dropped.

    CJK characters break anywhere (but closing punctuation stays with the character
    before); a word wider than the line is cut by characters.
    """
    width = max(1, width)
    if "\n" not in text and cell_len(text) <= width:
        return [(0, len(text.rstrip()))]
    lines: list[tuple[int, int]] = []
    start = end = used = pending = 0
    empty = True
    token_re = _cjk_token() if _has_cjk(text) else _PLAIN_TOKEN
    for match in token_re.finditer(text):
        token = match.group()
        a, b = match.span()
        if token[0].isspace():
            if "\n" in token:
                lines.append((start, end))
                start = end = b
                used = pending = 0
                empty = True
            elif not empty:
                pending += cell_len(token)
            continue
        size = cell_len(token)
        if not empty and used + pending + size <= width:
            used += pending + size
            end, pending = b, 0
            continue
        if not empty:
            lines.append((start, end))
        start, pending, empty = a, 0, False
        while size > width:  # a word wider than the line: cut it by characters
            cut, cells = start, 0
            while cut < b and cells + cell_len(text[cut]) <= width:
                cells += cell_len(text[cut])
                cut += 1
            cut = max(cut, start + 1)
            lines.append((start, cut))
            start = cut
            size = cell_len(text[start:b])
        used, end = size, b
    if not empty:
        lines.append((start, end))
    return lines or [(0, 0)]


def unit_width(unit: Unit) -> int:
    """Cells taken before the text on each line (indent, quote bar, hanging prefix)."""
    return unit.indent + (2 if unit.bar else 0) + cell_len(unit.prefix)


def layout_lines(units: list[Unit], width: int) -> list[Line]:
    """Every screen line of ``units`` for a text column ``width`` cells wide."""
    lines: list[Line] = []
    for index, unit in enumerate(units):
        if lines:
            lines.extend(Line(-1) for _ in range(unit.space_before))
        if not unit.wrap:
            lines.append(Line(index, 0, len(unit.text)))
            continue
        first = True
        for start, end in wrap_text(unit.text, width - unit_width(unit)):
            lines.append(Line(index, start, end, first))
            first = False
    return lines


#: A place in the laid-out text: (unit index, start, end).
Place = tuple[int, int, int]


class TextIndex:
    """Maps offsets in ``Article.text`` (where entity mentions point) to units."""

    def __init__(self, units: list[Unit]) -> None:
        self._units = units
        self._starts: list[int] = []
        self._numbers: list[int] = []
        for number, unit in enumerate(units):
            if unit.offset is not None:
                self._starts.append(unit.offset)
                self._numbers.append(number)

    def places(self, spans: tuple[tuple[int, int], ...]) -> list[Place]:
        """Each (start, end) of ``Article.text`` that is on screen, as a place in a unit."""
        found: list[Place] = []
        for start, end in spans:
            i = bisect_right(self._starts, start) - 1
            if i < 0:
                continue
            base, number = self._starts[i], self._numbers[i]
            size = len(self._units[number].text)
            if start - base < size:
                found.append((number, start - base, min(end - base, size)))
        return found


def find_places(units: list[Unit], query: str) -> list[Place]:
    """Every case-insensitive match of ``query`` in the units' text."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found: list[Place] = []
    for number, unit in enumerate(units):
        if unit.role not in ("rule", "table-rule"):
            found.extend((number, m.start(), m.end()) for m in pattern.finditer(unit.text))
    return found
