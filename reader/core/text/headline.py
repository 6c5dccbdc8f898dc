"""Whether a line of a dump is shaped like a headline, and the words it shares with the body."""

from __future__ import annotations

import re

from reader.core.text.captions import is_caption
from reader.core.text.cues import Cues
from reader.core.text.edges import boilerish
from reader.core.text.lines import Line, bulleted, name_like

_WORD3 = re.compile(r"\w{3,}")
#: Breadcrumbs ("Home » News"), or words glued without a space ("NewsSport").
CRUMBS = re.compile(r"\s[»›>|/•·]\s|[a-zà-ÿ][A-ZÀ-Þ][a-zà-ÿ]+[A-ZÀ-Þ]")
#: Program output: a file path, a method call ("Gallery::find_image(").
_PATH = re.compile(r"/[\w.-]+/[\w.-]+/")
_METHOD = re.compile(r"\w::\w+\(")
#: "Label: value", the label a word or three: a row of a fact box when its neighbours are too.
_FIELD = re.compile(r"^[^\W\d][\w'’.-]*(?: [\w'’.-]+){0,2}: \S")


def content_words(text: str, stop: frozenset[str]) -> set[str]:
    """Casefolded words of three letters or more that are not stopwords."""
    return {w for w in set(_WORD3.findall(text.casefold())) - stop if not w.isdigit()}


def headline_shaped(ln: Line, c: Cues, names: bool = False) -> bool:
    """Could be a headline: plain text of a few words, not a sentence fragment, caption or
    name (unless ``names``)."""
    # Cheap tests first: most lines above a body are menu entries.
    if ln.kind != "text" or not 1 <= ln.words <= 30 or ln.boiler:
        return False
    text = ln.text
    # One word is a menu entry unless seen again (in breadcrumbs, share text) or exclaimed:
    # no menu says "Welcome!".
    if ln.words == 1 and (len(text) < 4 or (ln.seen < 2 and text[-1] != "!")):
        return False
    if (text[0].islower() and not _brand_start(text)) or text[-1] in ",;" or _not_headline(text) or _categories(ln):
        return False
    if (not names and ln.words <= 4 and name_like(text)) or CRUMBS.search(text) or bulleted(text):
        return False
    return not (is_caption(ln, c) or boilerish(ln, c))


def _brand_start(text: str) -> bool:
    """Starts with a name written in small letters and capitals ("iPhone", "eBay"), not with
    a small word that carries on a sentence."""
    first = text.split(maxsplit=1)[0]
    return any(ch.isupper() for ch in first[1:])


def named_topic(lines: list[Line], j: int, c: Cues, vocab: set[str], stop: frozenset[str]) -> bool:
    """A line written like a name that names what the page is about (a product, an event, a
    person portrayed: "Ben Wilson Surf", "Johannes"): the body speaks of each of its words, as
    it seldom does of the author of a byline. Not a kicker over a headline, nor a topic tag
    under one."""
    ln = lines[j]
    if ln.words > 4 or not name_like(ln.text) or not headline_shaped(ln, c, names=True):
        return False
    words = content_words(ln.text, stop)
    # Every word counts: "Alice Wu" is no topic because "Wu" is too short to be looked up.
    if len(words) != ln.words or not words <= vocab:
        return False
    for k in (j - 1, j + 1):
        if 0 <= k < len(lines):
            near = lines[k]
            if near.words >= 4 and not near.prose and headline_shaped(near, c):
                return False
    return True


def _not_headline(text: str) -> bool:
    """Not a headline whatever its words: a hashtag ("#Energy-transition"), a link to the previous or
    next post ("← Older post", "Next post »"), program output (a file path, "Class::method()")."""
    if (text[0] == "#" and " " not in text) or text[0] in "←⟵◄◀" or text[-1] in "→⟶►▶":
        return True
    # "« Older post" or "Newer post »"; a French quote opens and closes: « Nous partons ».
    if (text[:2] in ("« ", "‹ ", "< ")) != (text[-2:] in (" »", " ›", " >")):
        return True
    if "::" in text and _METHOD.search(text):
        return True
    return text.count("/") >= 3 and _PATH.search(text) is not None


def _categories(ln: Line) -> bool:
    """A list of categories or tags: "General, news", "Politics, Europe, Elections" —
    items of a word or two parted by commas, with no stopword to join them into a phrase."""
    if "," not in ln.text or ln.stops or ln.numbers:
        return False
    items = [item.strip() for item in ln.text.split(",")]
    if not all(1 <= len(item.split()) <= 2 for item in items):
        return False
    # Two capitalised items may be a name and what it is ("Pleiades, M45").
    return len(items) >= 3 or any(item[:1].islower() for item in items)


def field_row(lines: list[Line], j: int) -> bool:
    """A "Label: value" line next to another one: a row of a fact box ("Pages: 448",
    "Publisher: ..."), not a kicker and headline ("Tidal power: the sea as a battery")."""
    ln = lines[j]
    if ": " not in ln.text or not _FIELD.match(ln.text):
        return False
    # A date ("Updated: 4 March") is no second row, nor the same line again, or glued
    # to breadcrumbs.
    return any(
        0 <= k < len(lines) and lines[k].kind == "text" and ln.key not in lines[k].key
        and _FIELD.match(lines[k].text) is not None
        for k in (j - 1, j + 1)
    )
