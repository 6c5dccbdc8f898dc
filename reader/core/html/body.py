"""Turns the extractor's body tree into Broadsheet blocks (headings, lists, figures...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from reader.core.models import Block, Span
from reader.core.sanitize import clean_text, clean_url

_HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def _join_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Merge neighbours with the same style, collapse spaces, trim the ends."""
    merged: list[Span] = []
    for span in spans:
        text = " ".join(span.text.split(" ")) if span.text else ""
        if not text:
            continue
        if merged and _same_style(merged[-1], span):
            prev = merged[-1]
            merged[-1] = Span(prev.text + text, prev.href, prev.emphasis, prev.strong, prev.code)
        else:
            merged.append(Span(text, span.href, span.emphasis, span.strong, span.code))
    out: list[Span] = []
    for i, span in enumerate(merged):
        text = span.text
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text.lstrip(" ")
        if i == 0:
            text = text.lstrip()
        if i == len(merged) - 1:
            text = text.rstrip()
        if text:
            out.append(Span(text, span.href, span.emphasis, span.strong, span.code))
    return tuple(out)


def _same_style(a: Span, b: Span) -> bool:
    return (a.href, a.emphasis, a.strong, a.code) == (b.href, b.emphasis, b.strong, b.code)


class _Converter:
    """Walks one extractor body element; ``base`` resolves relative links."""

    def __init__(self, base: str | None) -> None:
        self.base = base

    def url(self, raw: str | None) -> str | None:
        if not raw:
            return None
        raw = raw.strip()
        if raw.startswith("#"):
            return None
        return clean_url(urljoin(self.base, raw) if self.base else raw)

    def spans(self, el: Any, style: dict[str, Any] | None = None) -> list[Span]:
        """Inline content of ``el`` (its text, children and their tails)."""
        style = dict(style or {})
        tag = el.tag if isinstance(el.tag, str) else ""
        # The extractor runs without links and formatting (enrich() restores both from
        # the page), so inline code is the only style its tree still carries.
        if tag == "code":
            style["code"] = True
        out: list[Span] = []
        if tag == "lb":
            out.append(Span(" ", **_style_args(style)))
        if el.text:
            out.append(Span(_spaced(el.text), **_style_args(style)))
        for child in el:
            if not isinstance(child.tag, str):
                if child.tail:
                    out.append(Span(_spaced(child.tail), **_style_args(style)))
                continue
            if child.tag in ("list", "table", "graphic"):
                continue
            out.extend(self.spans(child, style))
            if child.tail:
                out.append(Span(_spaced(child.tail), **_style_args(style)))
        return out

    def blocks(self, body: Any) -> Iterator[Block]:
        for el in body:
            if not isinstance(el.tag, str):
                continue
            yield from self.block(el)

    def block(self, el: Any) -> Iterator[Block]:
        tag = el.tag
        if tag in ("p", "div", "figcaption"):
            spans = _join_spans(self.spans(el))
            if spans:
                yield Block("paragraph", spans)
            for child in el:
                if isinstance(child.tag, str) and child.tag in ("list", "table", "graphic"):
                    yield from self.block(child)
        elif tag == "head":
            spans = _join_spans(self.spans(el))
            if spans:
                level = _HEADING_LEVELS.get(el.get("rend") or "", 3)
                yield Block("heading", spans, level=level)
        elif tag == "quote":
            spans = _join_spans(self.spans(el))
            if spans:
                yield Block("quote", spans)
        elif tag == "code":
            text = clean_text("".join(el.itertext()), multiline=True)
            if text:
                yield Block("pre", (Span(text, code=True),))
        elif tag == "list":
            items = []
            for item in el.iter("item"):
                spans = _join_spans(self.spans(item))
                if spans:
                    items.append(spans)
            if items:
                yield Block("list", items=tuple(items), ordered=el.get("rend") == "ol")
        elif tag == "table" and _is_layout(el):
            # A table used for page layout: its cells hold paragraphs, not data.
            for row in el.iterchildren("row"):
                for cell in row.iterchildren("cell"):
                    if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in cell):
                        lead = _join_spans([Span(_spaced(cell.text))] if cell.text else [])
                        if lead:
                            yield Block("paragraph", lead)
                        yield from self.blocks(cell)
                    else:
                        spans = _join_spans(self.spans(cell))
                        if spans:
                            yield Block("paragraph", spans)
        elif tag == "table":
            rows = []
            header = False
            for i, row in enumerate(el.iter("row")):
                cells = tuple(clean_text(" ".join(c.itertext())) for c in row.iter("cell"))
                if any(cells):
                    rows.append(cells)
                    if i == 0 and any(c.get("role") == "head" for c in row.iter("cell")):
                        header = True
            if rows:
                yield Block("table", rows=tuple(rows), header=header)
        elif tag == "graphic":
            src = self.url(el.get("src"))
            alt = clean_text(el.get("alt") or el.get("title") or "")
            if src or alt:
                yield Block("figure", alt=alt, src=src)
        else:
            spans = _join_spans(self.spans(el))
            if spans:
                yield Block("paragraph", spans)


_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "div", "code"})


def _is_layout(table: Any) -> bool:
    """True for a table laid out as one column, or with a cell as long as an article section."""
    rows = list(table.iterchildren("row"))
    if not rows:
        return False
    widths = [sum(1 for _ in row.iterchildren("cell")) for row in rows]
    if max(widths) <= 1:
        return True
    return any(len(" ".join(c.itertext())) > 600 for row in rows for c in row.iterchildren("cell"))


def _spaced(text: str) -> str:
    """Clean text but keep one leading/trailing space, which separates inline runs."""
    cleaned = clean_text(text)
    if not cleaned:
        return " " if text and text[0].isspace() else ""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    return lead + cleaned + tail


def _style_args(style: dict[str, Any]) -> dict[str, Any]:
    return {k: style[k] for k in ("href", "emphasis", "strong", "code") if k in style}


def convert_body(body: Any, base: str | None) -> tuple[Block, ...]:
    """Blocks from an extractor body element, links resolved against ``base``."""
    if body is None:
        return ()
    return tuple(_Converter(base).blocks(body))
