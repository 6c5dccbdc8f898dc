"""Candidate names of one text: found, typed by their votes, filtered and grouped by name."""

from __future__ import annotations

import re

from reader.core.entities.candidate import Candidate
from reader.core.entities.chunks import chunk
from reader.core.entities.extra_candidates import brand_words, caps_line_candidates
from reader.core.entities.groups import Group, name_key
from reader.core.entities.lexicon import Lexicon, fold
from reader.core.entities.quoted import quoted_titles
from reader.core.entities.tokens import Token, tokenize
from reader.core.entities.votes import context_votes, intrinsic_votes
from reader.core.entities.weak import german_names, good_weak, known_parts

_LOWER = re.compile(r"\b[^\W\d_A-ZÀ-Þ][\w'’-]*")


def _surface(text: str, cand: Candidate) -> str:
    return text[cand.start:cand.end]


def collect(text: str, lex: Lexicon, lang: str | None, *,
            all_weak: bool = False) -> tuple[list[Group], list[Token]]:
    """The candidate names of ``text`` grouped by name (mentions, forms, votes), and its tokens.

    With ``all_weak`` (a title), every candidate needs the evidence asked of a sentence start.
    """
    tokens = tokenize(text, lex, lang)
    index = {t.start: i for i, t in enumerate(tokens)}
    quotes = quoted_titles(text, tokens, lex, lang, index)
    skip = {index[t.start] for c in quotes for t in c.tokens}
    caps = caps_line_candidates(tokens, lex, skip)
    skip.update(index[t.start] for c in caps for t in c.tokens)
    lower = frozenset(map(fold, set(_LOWER.findall(text))))
    cands = quotes + caps + chunk(text, tokens, lex, lang, skip, lower, index)
    for word in brand_words(tokens, lex, lang):
        for tok in tokens:
            if tok.text == word:
                cand = Candidate([tok], brand=True)
                cand.vote("ORG", 2)
                cands.append(cand)
    for cand in cands:
        if cand.known is None:
            cand.known = lex.known.get(fold(_surface(text, cand)))
        if cand.known is None and cand.tokens[-1].text.endswith("."):
            cand.known = lex.known.get(fold(_surface(text, cand)).rstrip("."))
        intrinsic_votes(cand, lex, lang, lower)
        context_votes(cand, tokens, index, lex, lang, text)
        if all_weak:
            cand.weak = True
        elif (lang == "de" and len(cand.tokens) == 1 and not cand.quoted and not cand.brand
              and not cand.votes.get("PER")):
            cand.weak = True  # German capitalises every noun
    strong = [c for c in cands if not c.weak]
    # A lone capitalised word the text also writes in lower case ("Year", "People") is a
    # common word in a heading or a table, unless something says otherwise.
    strong = [c for c in strong if not (
        len(c.tokens) == 1 and c.tokens[0].key in lower and not c.votes and c.known is None
        and not c.tokens[0].is_upper and not c.tokens[0].is_camel and c.tokens[0].key not in lex.given
    )]
    strong_keys = {name_key([t.text for t in c.tokens]) for c in strong}
    strong_words = {t.key for c in strong if len(c.tokens) > 1 and c.votes.get("PER", 0) >= 1
                    for t in c.tokens}
    strong_words |= {c.tokens[0].key for c in strong if len(c.tokens) == 1}
    kept = strong[:]
    for cand in cands:
        if not cand.weak:
            continue
        if good_weak(cand, strong_keys, strong_words, lower, lex, lang):
            kept.append(cand)
        elif cand.tokens[0].headline and len(cand.tokens) > 1:
            kept.extend(known_parts(cand, strong_keys, lex))
    if lang == "de":
        kept += german_names(cands, tokens, index, lex)
    groups: dict[str, Group] = {}
    for cand in kept:
        if len(cand.tokens) == 1 and len(cand.tokens[0].text.rstrip(".+")) < 2:
            continue
        words = [t.text for t in cand.tokens]
        key = "known:" + fold(cand.known.canonical) if cand.known else name_key(words)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key)
        group.add(cand, _surface(text, cand))
        form = tuple(words)
        if form not in group.forms:
            group.forms.add(form)
            group.form_gaps[form] = tuple(t.gap for t in cand.tokens)
        if cand.courtesy:
            group.forms.add((text[cand.courtesy[0]:cand.courtesy[1]], *form))
            group.titled.add(text[cand.courtesy[0]:cand.end])
        if cand.tokens[0].caps_line or cand.dateline:
            group.forms.add(tuple(w.upper() for w in form))
            group.shouted.add(_surface(text, cand))
    return list(groups.values()), tokens


def merge_by_key(groups: list[Group]) -> list[Group]:
    """Groups with the same key (from the body and the title) joined into one."""
    merged: dict[str, Group] = {}
    for group in groups:
        if group.key in merged:
            target = merged[group.key]
            for cand in group.cands:
                target.add(cand, "")
            for surface, n in group.surfaces.items():
                target.surfaces[surface] = target.surfaces.get(surface, 0) + n
            target.forms |= group.forms
            for form, gaps in group.form_gaps.items():
                target.form_gaps.setdefault(form, gaps)
            target.shouted |= group.shouted
            target.titled |= group.titled
        else:
            merged[group.key] = group
    return list(merged.values())

