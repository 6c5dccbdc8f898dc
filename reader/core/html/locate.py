"""Finds each extracted block's element in the original page, by its text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from reader.core.models import Block, spans_text

#: Elements whose whole text can equal one extracted block.
TEXT_TAGS = (
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "td", "th", "pre",
    "figcaption",
)
#: Wrappers searched only when a block is not found among :data:`TEXT_TAGS`.
WRAPPER_TAGS = ("div", "span", "section", "strong", "b", "em", "a", "font", "center", "article")


_WORDS = re.compile(r"\w+")
_TEXT_NODES = etree.XPath("descendant::text()")
#: Squashed characters compared at a block's start and end when its whole text is not found.
_EDGE = 24


def squash(text: str) -> str:
    """Word characters only, casefolded: the form text is compared in when markup split it."""
    return "".join(_WORDS.findall(text.casefold()))


def key(text: str) -> str:
    """Whitespace-normalised text, the form blocks and elements are compared in."""
    return " ".join(text.split())


@dataclass
class Placed:
    """A block with the page element it came from (``el``), and one per list item."""

    block: Block
    el: Any | None = None
    items: list[Any | None] = field(default_factory=list)
    #: True when ``el`` only spans the block's text (found by its start and end).
    partial: bool = False


class TextIndex:
    """Text-bearing elements of the page keyed by their normalised text (document order)."""

    def __init__(self, root: Any) -> None:
        self._root = root
        self._by_text = self._build(TEXT_TAGS)
        self._wrappers: dict[str, list[Any]] | None = None
        self._edges: tuple[dict[str, Any], dict[str, Any]] | None = None
        self._used: set[Any] = set()

    def _build(self, tags: tuple[str, ...]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {}
        for el in self._root.iter(*tags):
            text = el.text_content()
            if len(text) > 5_000:
                continue
            k = key(text)
            if k:
                out.setdefault(k, []).append(el)
        return out

    def take(self, text: str) -> Any | None:
        """The innermost unused element with exactly this text, marked as used."""
        k = key(text)
        found = self._take(self._by_text.get(k))
        if found is None:
            if self._wrappers is None:
                self._wrappers = self._build(WRAPPER_TAGS)
            found = self._take(self._wrappers.get(k))
        return found

    def around(self, text: str) -> Any | None:
        """The element spanning the text nodes where ``text`` starts and ends (markup that the
        extractor merged or split), or None."""
        sq = squash(text)
        if len(sq) < _EDGE:
            return None
        if self._edges is None:
            self._edges = self._build_edges()
        starts, ends = self._edges
        first = starts.get(sq[:_EDGE])
        if first is None:
            return None
        last = ends.get(sq[-_EDGE:])
        if last is None:
            return first
        spanning = common_ancestor([first, last])
        return first if spanning is None else spanning

    def _build_edges(self) -> tuple[dict[str, Any], dict[str, Any]]:
        starts: dict[str, Any] = {}
        ends: dict[str, Any] = {}
        body = self._root.find("body")
        for node in _TEXT_NODES(self._root if body is None else body):
            if len(node) < _EDGE:
                continue
            el = node.getparent()
            if el is None or (not node.is_tail and el.tag in ("script", "style")):
                continue
            if node.is_tail:
                el = el.getparent()
                if el is None:
                    continue
            # Only the node's two ends are compared: squash just enough of each.
            head = squash(node[:120])
            tail = squash(node[-120:]) if len(node) > 120 else head
            if len(head) < _EDGE or len(tail) < _EDGE:
                continue
            starts.setdefault(head[:_EDGE], el)
            ends[tail[-_EDGE:]] = el
        return starts, ends

    def _take(self, candidates: list[Any] | None) -> Any | None:
        if not candidates:
            return None
        # Nested wrappers share a text (div > p): prefer the element deepest in the tree,
        # which is the last one in document order among those nested in each other.
        for i, el in enumerate(candidates):
            if el in self._used:
                continue
            chosen = el
            for other in candidates[i + 1:]:
                if other not in self._used and _is_within(other, chosen):
                    chosen = other
            self._used.add(chosen)
            for anc in chosen.iterancestors():
                self._used.add(anc)
                if len(self._used) > 1_000_000:
                    break
            return chosen
        return None


def _is_within(el: Any, ancestor: Any) -> bool:
    node = el.getparent()
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def place(blocks: tuple[Block, ...], index: TextIndex) -> list[Placed]:
    """Every block paired with its element (None when its text is not found whole)."""
    out: list[Placed] = []
    for block in blocks:
        if block.kind == "list":
            items = [index.take(spans_text(item)) for item in block.items]
            found = [el for el in items if el is not None]
            parent = found[0].getparent() if found else None
            out.append(Placed(block, parent, items))
        elif block.kind == "table":
            out.append(Placed(block))
        elif block.kind == "figure":
            out.append(Placed(block, index.take(block.text) if block.text else None))
        else:
            el = index.take(block.text)
            if el is None and len(block.text) >= _EDGE:
                spanning = index.around(block.text)
                if spanning is not None and spanning.tag not in ("body", "html"):
                    out.append(Placed(block, spanning, partial=True))
                    continue
            out.append(Placed(block, el))
    return out


def common_ancestor(elements: list[Any]) -> Any | None:
    """The deepest element holding all of ``elements``."""
    if not elements:
        return None
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {id(el): i for i, el in enumerate(chain)}
    best = 0
    for el in elements[1:]:
        node = el
        while node is not None and id(node) not in depth:
            node = node.getparent()
        if node is None:
            return None
        best = max(best, depth[id(node)])
    return chain[best]
