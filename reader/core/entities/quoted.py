"""Titles of works in quotation marks or listings ("Vape Wave (documentary, 1h28)")."""

from __future__ import annotations

import re

from reader.core.entities.candidate import Candidate
from reader.core.entities.lexicon import Lexicon, fold
from reader.core.entities.tokens import Token

# Each branch opens with its quotation mark (what precedes it is checked behind the mark)
# so that the scan skips straight to quotation marks.
_QUOTES = re.compile(
    r"“\s*([^”“\n]{1,80}?)\s*[”“]|«\s*([^»\n]{1,80}?)\s*»"
    r"|\"(?<![\w\"]\")(?=\S)([^\"\n]{1,80}?)(?<=\S)\"(?!\w)|‘(?<!\w‘)([^‘’\n]{1,80})’(?!\w)"
)
# A listing line: a title and its details in brackets ("Vape Wave (documentary, 1h28)").
_LISTING = re.compile(
    r"^([^()\n]{2,80}?) \(([^()\n]*[,\d][^()\n]*)\)$"  # "Vape Wave (documentary, 1h28)"
    r"|\(([^(),\n]{2,60}), (?:19|20)\d\d\)",  # "(Des lendemains qui chantent, 2014)"
    re.MULTILINE,
)
_INNER_PUNCT = re.compile(r"[.!?;:,…]")


def quoted_titles(text: str, tokens: list[Token], lex: Lexicon, lang: str | None,
                  by_start: dict[int, int]) -> list[Candidate]:
    """Short capitalised phrases in quotation marks: titles of works and the like.

    ``by_start`` maps each token's start offset to its index.
    """
    out: list[Candidate] = []
    for match in _QUOTES.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        inner = match.group(group).strip().rstrip(",.!?…")
        if not inner or _INNER_PUNCT.search(inner) or len(inner.split()) > 8:
            continue
        start = match.start(group) + (len(match.group(group)) - len(match.group(group).lstrip()))
        idx = by_start.get(start)
        if idx is None:
            continue
        span: list[Token] = []
        for k in range(idx, len(tokens)):
            if tokens[k].end > start + len(inner):
                break
            span.append(tokens[k])
        if not span or not span[0].is_cap or not span[-1].text:
            continue
        content = [t for t in span if not lex.is_stop(t.text, lang) and not t.is_digit]
        caps = [t for t in content if t.is_cap]
        if not caps or 2 * len(caps) <= len(content) if lang not in ("en", "de") else len(caps) < len(content):
            continue  # English titles capitalise every word (German: every noun); "I'm not an expert"
        first = span[0].key
        if first in lex.jobs or first in lex.courtesy or first in lex.calendar or (
            len(span) == 1 and first in lex.common
        ):
            continue
        if first in lex.given and len(caps) < len(content):
            continue
        opening = text[max(0, match.start() - 12):match.start()].rstrip()
        if len(span) == 1 and (first in lex.demonyms or lex.is_stop(span[0].text, lang)
                               or not opening or opening[-1] in ".!?:…\n"):
            continue  # one quoted word opening a sentence proves nothing
        before = text[max(0, match.start() - 30):match.start()].split()
        if before and fold(before[-1]) in lex.term_markers:
            continue  # a so-called "term"
        after = text[match.end():match.end() + 30].lstrip(" ,").split()
        if after and fold(after[0]) in lex.person_verbs:
            continue  # '"We are happy," said X': speech, not a title
        cand = Candidate(span, quoted=True, known=lex.known.get(fold(inner)))
        cand.vote("MISC", 4 if len(span) > 1 else 1.5)
        out.append(cand)
    taken = {t.start for c in out for t in c.tokens}
    for match in _LISTING.finditer(text):
        grp = 1 if match.group(1) is not None else 3
        start, end = match.span(grp)
        idx = by_start.get(start)
        if idx is None or start in taken:
            continue
        span = []
        for k in range(idx, len(tokens)):
            if tokens[k].end > end:
                break
            if tokens[k].text:
                span.append(tokens[k])
        if not span or not span[0].is_cap or len(span) > 10:
            continue
        if span[-1].end != end or span[0].key in lex.courtesy or span[0].key in lex.jobs:
            continue
        cand = Candidate(span, quoted=True, known=lex.known.get(fold(match.group(grp))))
        cand.vote("MISC", 3)
        out.append(cand)
    return out
