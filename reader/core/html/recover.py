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

_PROSE_TAGS = ("p", "blockquote", "h2", "h3", "h4", "div")
#: Children that make a <div> a container rather than a paragraph written without <p>.
_DIV_BLOCKS = frozenset({
    "p", "div", "ul", "ol", "table", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "figure", "form", "header", "footer", "aside", "nav", "pre", "dl",
})
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
            if el.tag == "div" and (
                not (el.text or "").strip() or any(c.tag in _DIV_BLOCKS for c in el.iterchildren())
            ):
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


_LEAD_TAGS = frozenset({"p", "h2", "h3", "div", "span", "strong", "em", "b"})
_BLOCK_CHILDREN = frozenset({"p", "div", "ul", "ol", "table", "section", "article", "h2", "h3", "figure"})


def _following(h1: Any, limit: int = 40) -> list[Any]:
    """Elements after the headline in page order, within three levels around it."""
    out: list[Any] = []
    node = h1
    for _ in range(3):
        for sib in node.itersiblings():
            out.extend(sib.iter())
            if len(out) > limit:
                return out[:limit]
        node = node.getparent()
        if node is None or node.tag in ("body", "html", "main", "article"):
            break
    return out[:limit]


_LEAD_TOKENS = frozenset({
    "standfirst", "lead", "lede", "intro", "summary", "abstract", "subtitle", "subheadline",
    "subhead", "dek", "deck", "excerpt", "description", "subline", "teaser", "chapo",
    "chapeau", "entradilla", "bajada", "vorspann", "einleitung", "sapo",
})
_CODE = re.compile(r"[<>{}]|=\s*[\"']|\w\(\)")


def _words(text: str) -> set[str]:
    return set(_WORDS.findall(text.casefold()))


def _confirmed(el: Any, text: str, description: str) -> bool:
    """A standfirst is marked as one (class, a heading group with the title) or restates
    the page's description."""
    for node in (el, el.getparent()):
        if node is not None and (tokens(node) & _LEAD_TOKENS or node.tag == "hgroup"):
            return True
    if description:
        mine, theirs = _words(text), _words(description)
        if mine and theirs and len(mine & theirs) >= 0.6 * min(len(mine), len(theirs)):
            return True
    return False


def standfirst(placed: list[Placed], root: Any, title: str, description: str = "") -> str | None:
    """The lead paragraph under the headline, when the body does not start with it already."""
    if not title or not placed:
        return None
    folded = _squash(title)
    h1s = [(h, _squash(h.text_content())) for h in root.iter("h1")]
    h1 = next((h for h, sq in h1s if sq == folded), None)
    if h1 is None:
        h1 = next((h for h, sq in h1s if len(sq) >= 10 and (sq in folded or folded in sq)), None)
    if h1 is None or not folded or h1.getparent() is None:
        return None
    placed_els = {p.el for p in placed if p.el is not None}
    body = _squash(" ".join(p.block.text for p in placed[:6]))
    for el in _following(h1):
        if not isinstance(el.tag, str):
            continue
        if el in placed_els:
            return None  # reached the body
        if el.tag not in _LEAD_TAGS or any(c.tag in _BLOCK_CHILDREN for c in el):
            continue
        text = clean_text(el.text_content())
        words = len(text.split())
        if not 50 <= len(text) <= 600 or words < 8:
            continue
        if _CODE.search(text) or link_density(el) > 0.2:
            continue
        if not _confirmed(el, text, description):
            continue
        marked = any(n is not None and tokens(n) & _LEAD_TOKENS for n in (el, el.getparent()))
        if not marked and _in_box(el, h1.getparent().getparent()):
            continue
        if _squash(text)[:60] in body:
            return None
        return text
    return None
