"""Takes boilerplate out of an extracted body: promos, captions, share bars, paywall pitches.

Every block has been placed back in the page (``locate``), so the decision can
use what the extractor no longer sees: the block's ancestors (a caption or a
newsletter box), its link density, and the cue words of the page's language
("Read also", "Lesen Sie auch", "Le puede interesar"...). Promo lines are
returned apart so they can become related entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reader.core.dates import written_date
from reader.core.html.captions import split_credit
from reader.core.html.locate import Placed, key
from reader.core.models import Block, Span
from reader.core.sanitize import clean_text, clean_url
from reader.core.text.cues import Cues, cues
from reader.core.text.cues import key as cue_key

_TOKEN_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
#: Class/id words of containers that never hold article text.
_BOILER_TOKENS = frozenset({
    "related", "promo", "promotion", "promoted", "newsletter", "newsletters", "subscribe",
    "subscription", "paywall", "share", "sharing", "sharebar", "social", "comments", "comment",
    "disclaimer", "disclosure", "advert", "advertisement", "advertising", "ads", "ad",
    "sponsored", "sponsor", "recommended", "recommendation", "recommendations", "outbrain",
    "taboola", "signup", "bio", "authorbio", "breadcrumb", "breadcrumbs", "nav", "navigation",
    "footer", "sidebar", "popup", "modal", "cookie", "cookies", "consent", "readmore",
    "readalso", "teaser", "teasers", "tags", "tagcloud", "toolbar", "rating",
    "pagination", "subnav", "masthead", "banner", "byline", "dateline",
})
_CAPTION_TOKENS = frozenset({
    "caption", "captions", "figcaption", "credit", "credits", "legend", "legende", "légende",
    "bildunterschrift", "photocredit", "imagecaption", "wp-caption-text",
})
_CAPTION_TAGS = frozenset({"figcaption", "figure"})
#: A label in capitals before a colon, as promos write it ("MORE:", "SEE ALSO:").
_CAPS_LABEL = re.compile(r"^[^\w]{0,3}([A-ZÀ-Ý'’ ]{3,30})\s*[:|]\s*\S")
#: "[INSIGHT]", "[VIDEO]": the bracketed tags of promo lists.
_BRACKET_TAG = re.compile(r"\[[A-Z ]{3,15}\]")


@dataclass
class Cleaned:
    """What remains of the body, and what was taken out of it."""

    kept: list[Placed]
    promos: list[Block] = field(default_factory=list)
    #: Captions found in the body: (index in ``kept`` they precede, figure block).
    captions: list[tuple[int, Block]] = field(default_factory=list)


def tokens(el: Any) -> set[str]:
    """Lower-cased words of an element's class and id."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not raw.strip():
        return set()
    words = {w.lower() for w in _TOKEN_SPLIT.split(raw) if w}
    words.update(w.lower().replace("-", "").replace("_", "") for w in raw.split())
    return words


def link_density(el: Any) -> float:
    """Share of the element's text that sits inside links."""
    total = len(key(el.text_content()))
    if not total:
        return 0.0
    linked = sum(len(key(a.text_content())) for a in el.iter("a"))
    return min(1.0, linked / total)


def main_container(placed: list[Placed]) -> Any | None:
    """The deepest element holding four fifths of the located body text."""
    weights: dict[Any, int] = {}
    nodes: dict[Any, Any] = {}
    total = 0
    for p in placed:
        if p.el is None:
            continue
        size = len(p.block.text)
        total += size
        for anc in p.el.iterancestors():
            weights[anc] = weights.get(anc, 0) + size
            nodes[anc] = anc
    if not total:
        return None
    best, depth = None, -1
    for ident, weight in weights.items():
        if weight >= 0.8 * total:
            d = sum(1 for _ in nodes[ident].iterancestors())
            if d > depth:
                best, depth = nodes[ident], d
    return best


def _ancestors_below(el: Any, stop: Any | None) -> list[Any]:
    """``el`` and its ancestors below the main container (or below the branch holding it)."""
    out = []
    around = {stop} | {a for a in stop.iterancestors()} if stop is not None else set()
    node = el
    while node is not None and node not in around and node.tag not in ("body", "html"):
        out.append(node)
        node = node.getparent()
    return out


def _is_caption(chain: list[Any]) -> bool:
    return any(a.tag in _CAPTION_TAGS or tokens(a) & _CAPTION_TOKENS for a in chain[:6])


def _boiler_ancestor(chain: list[Any]) -> tuple[str, frozenset[str]] | None:
    """The kind of boilerplate box holding the block (its tag and boilerplate words), if any."""
    for a in chain:
        words = tokens(a) & _BOILER_TOKENS
        if a.tag in ("aside", "nav", "footer", "form") or words:
            return a.tag, frozenset(words)
    return None


def is_promo_line(text: str, el: Any | None, c: Cues) -> bool:
    """A "Read also: ..." line (or ">> Title <<", "MORE: Title") pointing to another story."""
    text = text.strip()
    if not text or len(text) > 300:
        return False
    if len(text) < 200 and (text.startswith((">>", "→", "►", "▶")) or text.endswith("<<")):
        return True
    marked = any(text.startswith(m) for m in c.promo_open) or any(text.endswith(m) for m in c.promo_close)
    if marked and len(text) < 200 and el is not None and link_density(el) > 0.5:
        return True
    hit = c.prefix("read_also", text) or _extra_prefix(text)
    if hit:
        rest = text[len(hit[0]):]
        if rest.lstrip()[:1] in (":", "|", "»", ">", "-", "–") or not hit[1]:
            return True
        if el is not None and link_density(el) > 0.5:
            return True
    label = _CAPS_LABEL.match(text)
    if label and el is not None and link_density(el) > 0.5 and len(label.group(1).split()) <= 4:
        return True
    return bool(_BRACKET_TAG.search(text) and el is not None and link_density(el) > 0.5)


#: "Read also" forms beyond the shared cue files (verbs in the polite or other persons).
_MORE_READ_ALSO = (
    "le puede interesar", "también le puede interesar", "lea además", "vea también",
    "mira también", "leia também", "veja também", "leggi anche", "leggi pure", "czytaj też",
    "czytaj także", "zobacz też", "zobacz także", "przeczytaj też", "lees ook", "lees meer",
    "see more", "see also", "read also", "also read", "more", "related", "watch", "listen",
    "lire aussi", "à lire aussi", "lisez aussi", "voir aussi", "auch interessant",
    "lesen sie auch", "lesen sie mehr", "mehr zum thema", "weiterlesen",
)


def _extra_prefix(text: str) -> tuple[str, str] | None:
    folded = text.casefold()
    for cue in _MORE_READ_ALSO:
        if folded.startswith(cue) and folded[len(cue):].lstrip()[:1] in (":", "|", "»", ">"):
            return text[: len(cue)], text[len(cue):].lstrip(" :|»>")
    return None


def _cue_kind(text: str, c: Cues) -> str | None:
    """Which cue list a whole line belongs to (an ad label, "Share", "Related stories"...)."""
    k = cue_key(text)
    if not k or len(k) > 80:
        return None
    for kind in ("stop", "related", "read_also", "more", "ad", "share", "see_all"):
        if c.is_(kind, k):
            return kind
    return None


def _is_pitch(text: str) -> bool:
    """A short paragraph selling a subscription, a newsletter or an app."""
    if len(text) > 320:
        return False
    words = set(re.findall(r"\w+", text.casefold()))
    if len(text) < 200 and words & _APP_WORDS and words & _STORE_WORDS and words & _PITCH_ACTS:
        return True
    return bool(words & _PITCH_WORDS) and bool(words & _PITCH_ACTS)


_PITCH_WORDS = frozenset({
    "subscribe", "subscriber", "subscribers", "subscription", "newsletter", "abonnieren",
    "abonnement", "abonnenten", "abonnez", "abonné", "abonnés", "suscríbete",
    "suscripción", "suscriptor", "boletín", "subskrypcja", "newslettera",
})
_APP_WORDS = frozenset({"app", "apps", "application", "applications"})
_STORE_WORDS = frozenset({"download", "ios", "android", "herunterladen", "télécharger", "descarga"})
#: Words that, beside a pitch word, make a line an invitation rather than news about one.
_PITCH_ACTS = frozenset({
    "now", "today", "here", "download", "our", "your", "you", "jetzt", "hier", "unseren",
    "unsere", "ihr", "sie", "du", "maintenant", "notre", "nos", "votre", "vous", "ahora",
    "nuestro", "nuestra", "tu", "teraz", "nasz", "naszą", "please", "bitte", "view", "free",
})
#: Sentence ends: a paragraph without one, closing the body, is a label or a menu entry.
_SENTENCE_END = re.compile(r"[.!?…:;»«“”\"')\]。！？、」』）]\s*$")


def _figure_for(el: Any, text: str) -> Block:
    """A caption found in the body, as a figure block (with its image when one is near)."""
    src = None
    alt = ""
    node = el
    for _ in range(4):
        node = node.getparent()
        if node is None:
            break
        img = next(node.iter("img"), None)
        if img is not None:
            src = img.get("src") or img.get("data-src")
            alt = img.get("alt") or ""
            break
    caption, credit = split_credit(text)
    return Block(
        "figure", (Span(caption),) if caption else (), alt=clean_text(alt),
        src=clean_url(src), credit=credit,
    )


def _outer_captions(el: Any) -> list[Any]:
    """Caption elements inside ``el`` (figcaptions, caption/credit classes), outermost only."""
    found: list[Any] = []
    for d in el.iterdescendants():
        if not isinstance(d.tag, str):
            continue
        is_caption = d.tag == "figcaption" or bool(tokens(d) & _CAPTION_TOKENS)
        if is_caption and not any(f in d.iterancestors() for f in found):
            found.append(d)
    return found[:50]


def _without_captions(p: Placed) -> tuple[Block | None, list[Block]]:
    """A block the extractor merged from several elements, less the captions inside it."""
    text = key(p.block.text)
    figures = []
    for cap in _outer_captions(p.el):
        cap_text = key(cap.text_content())
        if len(cap_text) >= 8 and cap_text in text:
            text = key(text.replace(cap_text, " "))
            figures.append(_figure_for(cap, cap_text))
    if not figures:
        return p.block, []
    return (Block("paragraph", (Span(text),)) if text else None), figures


def clean_body(placed: list[Placed], title: str) -> Cleaned:
    """Drop promos, captions, boilerplate boxes and cue lines; keep everything else in order."""
    c = cues()
    main = main_container(placed)
    total = sum(len(p.block.text) for p in placed) or 1
    folded_title = key(title).casefold()
    kept: list[Placed] = []
    out = Cleaned(kept)
    # Text under each boilerplate-looking ancestor: a box holding most of the body is not one.
    boxes: dict[tuple[str, frozenset[str]], int] = {}
    chains: list[list[Any]] = []
    box_of: list[tuple[str, frozenset[str]] | None] = []
    for p in placed:
        chain = _ancestors_below(p.el, main) if p.el is not None else []
        chains.append(chain)
        box = _boiler_ancestor(chain)
        box_of.append(box)
        if box is not None:
            boxes[box] = boxes.get(box, 0) + len(p.block.text)
    title_at = next(
        (i for i, p in enumerate(placed[:5]) if folded_title and key(p.block.text).casefold() == folded_title),
        None,
    )
    promo_run = False
    for i, p in enumerate(placed):
        block, el, chain = p.block, p.el, chains[i]
        if title_at is not None and i < title_at and len(block.text) < 100:
            continue  # kickers, section names and promos above the headline
        text = block.text
        if block.kind in ("paragraph", "heading", "quote"):
            if i < 5 and folded_title and key(text).casefold() == folded_title:
                continue
            if is_promo_line(text, el, c):
                out.promos.append(block)
                continue
            cue = _cue_kind(text, c)
            if cue == "stop" and sum(len(q.block.text) for q in placed[i:]) < 0.4 * total:
                break  # "About the author", "Comments", "Newsletter": the article has ended
            if cue in ("related", "read_also", "more"):
                promo_run = True  # the link lists under a "Related" label are promos
                continue
            if cue:
                continue
            if promo_run and el is not None and link_density(el) > 0.5:
                out.promos.append(block)
                continue
        promo_run = promo_run and block.kind == "list" and el is not None and link_density(el) > 0.5
        if promo_run:
            out.promos.append(block)
            continue
        if block.kind in ("paragraph", "quote") and el is not None and _is_caption(chain):
            out.captions.append((len(kept), _figure_for(el, text)))
            continue
        if p.partial and el is not None and block.kind == "paragraph":
            rest, figures = _without_captions(p)
            out.captions.extend((len(kept), f) for f in figures)
            if rest is None:
                continue
            p = Placed(rest, el, partial=True)
        if el is not None and block.kind != "figure":
            box = box_of[i]
            if box is not None and boxes.get(box, 0) < 0.3 * total:
                if block.kind in ("paragraph", "list") and link_density(el) > 0.5:
                    out.promos.append(block)
                continue
        kept.append(p)
    _trim_ends(out, c)
    return out


def _is_tail_junk(p: Placed) -> bool:
    """What may close an extracted body without being article text: section headings,
    labels without a sentence, link lists, subscription pitches."""
    block = p.block
    text = block.text
    if block.kind == "heading":
        return True
    if block.kind in ("paragraph", "quote"):
        if _is_pitch(text):
            return True
        if len(text) < 60 and len(text.split()) <= 7 and not _SENTENCE_END.search(text):
            return True
    if block.kind in ("paragraph", "list") and p.el is not None and len(text) < 600:
        return link_density(p.el) > 0.6
    return False


def _trim_ends(out: Cleaned, c: Cues) -> None:
    """Junk closing the body (see :func:`_is_tail_junk`) and date or byline lines opening it."""
    kept = out.kept
    while len(kept) > 1 and _is_tail_junk(kept[-1]):
        kept.pop()
    removed = 0
    while len(kept) > 1 and _is_head_junk(kept[0], c):
        kept.pop(0)
        removed += 1
    cut = _pitch_cut(kept)
    if cut is not None:
        del kept[cut:]
    out.captions = [(max(0, min(pos - removed, len(kept))), fig) for pos, fig in out.captions]


def _pitch_cut(kept: list[Placed]) -> int | None:
    """Where a paywall or subscription pitch starts among the last blocks, when only short
    blocks follow it (the pitch's own small print)."""
    start = max(1, len(kept) - 6)
    for i in range(start, len(kept)):
        block = kept[i].block
        if block.kind in ("paragraph", "quote") and _is_pitch(block.text) and all(
            len(p.block.text) < 500 for p in kept[i + 1:]
        ):
            return i
    return None


def _is_head_junk(p: Placed, c: Cues) -> bool:
    """A line above the text stating when or by whom it was written."""
    text = p.block.text
    if p.block.kind not in ("paragraph", "heading") or len(text) > 120:
        return False
    if any(c.prefix(kind, text) for kind in ("published", "updated")):
        return written_date(text) is not None or len(text.split()) <= 3
    return len(text) < 40 and written_date(text) is not None and len(re.findall(r"[^\W\d]{4,}", text)) <= 2


__all__ = ["Cleaned", "clean_body", "is_promo_line", "link_density", "main_container", "tokens"]
