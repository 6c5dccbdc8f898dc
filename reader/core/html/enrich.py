"""Puts back the links, emphasis and figures the extractor dropped, by finding each block in the page.

The extractor is most accurate with links and images switched off (they sway
its boilerplate scores), so it runs that way; this module then locates every
extracted block in the original tree by its text and rebuilds the block's
inline spans from the original element, and inserts the page's figures that
sit inside the article's container at the place they had.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from reader.core.html.captions import caption_of
from reader.core.html.locate import Placed, common_ancestor
from reader.core.models import Block, Span
from reader.core.sanitize import clean_text, clean_url

_INLINE_EMPH = {"em", "i", "cite", "dfn", "var"}
_INLINE_STRONG = {"strong", "b"}
_INLINE_CODE = {"code", "kbd", "samp", "tt"}
_SKIP = {"script", "style", "noscript", "template", "svg", "button", "select", "iframe"}


def _key(text: str) -> str:
    return " ".join(text.split())


class _Spans:
    """Rebuilds inline spans from an original element."""

    def __init__(self, base: str | None) -> None:
        self.base = base

    def url(self, href: str | None) -> str | None:
        if not href or href.strip().startswith("#"):
            return None
        href = href.strip()
        return clean_url(urljoin(self.base, href) if self.base else href)

    def walk(self, el: Any, style: dict[str, Any], out: list[Span]) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        style = dict(style)
        if tag == "a":
            style["href"] = self.url(el.get("href"))
        elif tag in _INLINE_EMPH:
            style["emphasis"] = True
        elif tag in _INLINE_STRONG:
            style["strong"] = True
        elif tag in _INLINE_CODE:
            style["code"] = True
        if tag == "br":
            out.append(Span(" ", **style))
        if el.text:
            out.append(Span(el.text, **style))
        for child in el:
            if isinstance(child.tag, str):
                self.walk(child, style, out)
            if child.tail:
                out.append(Span(child.tail, **style))

    def spans(self, el: Any) -> tuple[Span, ...]:
        raw: list[Span] = []
        self.walk(el, {}, raw)
        return _normalise(raw)


def _styled(span: Span) -> bool:
    return bool(span.href or span.emphasis or span.strong or span.code)


def _normalise(raw: list[Span]) -> tuple[Span, ...]:
    """Collapse whitespace across span borders the way the block text does, merge same styles."""
    out: list[Span] = []
    pending_space = False
    for span in raw:
        text = clean_text(span.text.replace("\n", " ")) if span.text.strip() else ""
        lead = span.text[:1].isspace() or span.text.startswith("\n")
        trail = span.text[-1:].isspace()
        if not text:
            pending_space = pending_space or bool(span.text)
            continue
        same = bool(out) and (out[-1].href, out[-1].emphasis, out[-1].strong, out[-1].code) == (
            span.href, span.emphasis, span.strong, span.code
        )
        if out and (pending_space or lead):
            if same or (_styled(out[-1]) and not _styled(span)):
                text = " " + text
            else:
                prev = out[-1]
                out[-1] = Span(prev.text + " ", prev.href, prev.emphasis, prev.strong, prev.code)
        pending_space = trail
        if same:
            prev = out[-1]
            out[-1] = Span(prev.text + text, prev.href, prev.emphasis, prev.strong, prev.code)
        else:
            out.append(Span(text, span.href, span.emphasis, span.strong, span.code))
    return tuple(out)


def enrich(
    placed: list[Placed], root: Any, base: str | None, captions: list[tuple[int, Block]] | None = None
) -> tuple[Block, ...]:
    """Blocks with links/emphasis from the page and the article's figures in place.

    ``captions`` are figures the cleaner took out of the text: (position, figure).
    """
    rebuild = _Spans(base)
    out: list[Block] = []
    located: list[tuple[Any, int]] = []  # (original element, position in out)
    pending = sorted(captions or [], key=lambda c: c[0])
    for i, p in enumerate(placed):
        while pending and pending[0][0] <= i:
            out.append(pending.pop(0)[1])
        block = p.block
        if block.kind in ("paragraph", "heading", "quote") and p.el is not None:
            spans = rebuild.spans(p.el)
            if _key("".join(s.text for s in spans)) == _key(block.text):
                block = Block(block.kind, spans, level=block.level)
            located.append((p.el, len(out)))
        elif block.kind == "list":
            items = []
            for item, el in zip(block.items, p.items or [None] * len(block.items), strict=False):
                if el is not None:
                    spans = rebuild.spans(el)
                    if _key("".join(s.text for s in spans)) == _key("".join(s.text for s in item)):
                        item = spans
                    located.append((el, len(out)))
                items.append(item)
            block = Block("list", items=tuple(items), ordered=block.ordered)
        out.append(block)
    out.extend(fig for _, fig in pending)
    return tuple(_with_figures(out, located, rebuild))


def _with_figures(blocks: list[Block], located: list[tuple[Any, int]], rebuild: _Spans) -> list[Block]:
    """Insert the figures found inside the article's container, in page order."""
    if len(located) < 2:
        return blocks
    container = common_ancestor([el for el, _ in located])
    if container is None or container.tag in ("html", "body"):
        return blocks
    have = {_key(b.text).casefold() for b in blocks if b.kind == "figure"}
    have_src = {b.src for b in blocks if b.kind == "figure" and b.src}
    position_of = {id(el): pos for el, pos in located}
    inserts: list[tuple[int, Block]] = []
    current = -1
    for el in container.iter():
        pos = position_of.get(id(el))
        if pos is not None:
            current = pos
            continue
        if el.tag != "figure" or _inside_link(el, container):
            continue
        figure = _figure(el, rebuild)
        if figure is None or (figure.src and figure.src in have_src):
            continue
        folded = _key(figure.text).casefold()
        if folded and any(folded in h or h in folded for h in have if h):
            continue
        inserts.append((current + 1, figure))
    for offset, (pos, figure) in enumerate(inserts):
        blocks.insert(pos + offset, figure)
    return blocks


def _inside_link(el: Any, container: Any) -> bool:
    node = el.getparent()
    while node is not None and node is not container:
        if node.tag == "a":
            return True
        node = node.getparent()
    return False


def _figure(el: Any, rebuild: _Spans) -> Block | None:
    img = next(el.iter("img"), None)
    if img is None:
        return None
    src = rebuild.url(img.get("src") or img.get("data-src"))
    alt = clean_text(img.get("alt") or "")
    caption, credit = caption_of(el)
    if not (caption or alt):
        return None
    return Block("figure", (Span(caption),) if caption else (), alt=alt, src=src, credit=credit)
