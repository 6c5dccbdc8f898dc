"""Second opinion on the extractor's body: paragraphs it skipped inside the article's container.

The extractor (in precision mode) sometimes drops a standfirst, a paragraph
wrapped in an unusual element, or whole chunks of an article split into
several containers around ads. Here the page itself is read again around the
located body: text elements of the main container and of its repeated
siblings (same tag and class) that look like prose (long enough, few links,
outside boilerplate boxes) and that the body lacks are put back in page
order; the standfirst under the headline is kept as the body's lead.
"""

from __future__ import annotations

import re
from typing import Any

from reader.core.html.clean import link_density, main_container, tokens
from reader.core.html.locate import Placed, key
from reader.core.models import Block, Span
from reader.core.sanitize import clean_text

_PROSE_TAGS = ("p", "blockquote", "h2", "h3", "h4")
_NO_GO = frozenset({
    "nav", "aside", "footer", "form", "figure", "figcaption", "button", "select", "script",
    "style", "noscript", "template", "a", "header", "label", "table", "ul", "ol", "dl",
})
_BOX_TOKENS = frozenset({
    "related", "promo", "newsletter", "subscribe", "subscription", "paywall", "share",
    "sharing", "social", "comments", "comment", "disclaimer", "disclosure", "advert",
    "advertisement", "ads", "ad", "sponsored", "recommended", "outbrain", "taboola", "signup",
    "bio", "author", "byline", "caption", "credit", "meta", "tags", "breadcrumb", "nav",
    "footer", "sidebar", "teaser", "cookie", "consent", "hidden", "date", "time",
    "embed", "toolbar", "popup", "modal",
})
_SENTENCE = re.compile(r"[.!?…:;»“”\"')]\s*$")
_WORDS = re.compile(r"\w+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _in_box(el: Any, stop: Any) -> bool:
    """True when ``el`` sits in a boilerplate box, a link or a caption below ``stop``."""
    node = el
    while node is not None and node is not stop:
        if (node.tag in _NO_GO and node is not el) or tokens(node) & _BOX_TOKENS:
            return True
        if node.get("hidden") is not None or _HIDDEN.search(node.get("style") or ""):
            return True
        node = node.getparent()
    return False


def _prose(el: Any, text: str) -> bool:
    words = len(text.split())
    if el.tag in ("h2", "h3", "h4"):
        return 2 <= words <= 20 and len(text) < 160
    if el.tag == "blockquote":  # quotes and embedded posts need no full sentence
        return words >= 4 and link_density(el) < 0.6
    return words >= 12 and len(text) >= 80 and bool(_SENTENCE.search(text)) and link_density(el) < 0.25


def _squash(text: str) -> str:
    return "".join(_WORDS.findall(text.casefold()))


def _known(text: str, body: str) -> bool:
    """True when the (squashed) body already holds this text, or its start and end."""
    squashed = _squash(text)
    return squashed in body or (squashed[:50] in body and squashed[-50:] in body)


def _chunks(main: Any) -> list[Any]:
    """The main container and the elements repeating it (same tag and class) after it."""
    cls = main.get("class")
    out = [main]
    if not cls or len(cls) < 6:
        return out
    root = main.getroottree().getroot()
    seen_main = False
    for el in root.iter(main.tag):
        if el is main:
            seen_main = True
            continue
        if seen_main and el.get("class") == cls and not any(a is main for a in el.iterancestors()):
            out.append(el)
    return out[:30]


def recover(placed: list[Placed]) -> list[Placed]:
    """``placed`` with the prose paragraphs of the article's container it lacks, in page order."""
    if len(placed) < 2:
        return placed
    main = main_container(placed)
    if main is None or main.tag in ("body", "html"):
        return placed
    have_el: set[Any] = set()
    for p in placed:
        for el in [p.el, *p.items]:
            if el is not None:
                have_el.add(el)
                have_el.update(a for a in el.iterancestors())
                have_el.update(d for d in el.iterdescendants())
    have_text = {key(p.block.text) for p in placed}
    body_text = _squash(" ".join(have_text))
    order: dict[Any, int] = {}
    added: list[tuple[Any, Block]] = []
    position = 0
    for chunk in _chunks(main):
        for el in chunk.iter():
            position += 1
            order[el] = position
            if el.tag not in _PROSE_TAGS or el in have_el:
                continue
            text = clean_text(el.text_content())
            if not text or key(text) in have_text or _known(text, body_text):
                continue
            if not _prose(el, text) or _in_box(el, chunk.getparent()):
                continue
            if el.tag.startswith("h"):
                block = Block("heading", (Span(text),), level=int(el.tag[1]))
            else:
                block = Block("quote" if el.tag == "blockquote" else "paragraph", (Span(text),))
            added.append((el, block))
            have_el.update(d for d in el.iterdescendants())
    added = _drop_lonely_headings(added)
    if not added:
        return placed
    merged: list[tuple[int, int, Placed]] = []
    last = 0
    for i, p in enumerate(placed):
        pos = order.get(p.el, 0) if p.el is not None else 0
        last = pos or last
        merged.append((last, i, p))
    for j, (el, block) in enumerate(added):
        merged.append((order[el], len(placed) + j, Placed(block, el)))
    merged.sort(key=lambda m: (m[0], m[1]))
    return [m[2] for m in merged]


def _drop_lonely_headings(added: list[tuple[Any, Block]]) -> list[tuple[Any, Block]]:
    """Recovered headings only stay when recovered prose follows them."""
    out = []
    for i, (el, block) in enumerate(added):
        if block.kind == "heading" and (i + 1 >= len(added) or added[i + 1][1].kind == "heading"):
            continue
        out.append((el, block))
    return out
