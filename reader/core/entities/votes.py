"""Type votes of a candidate name: from its own words and from the words around it."""

from __future__ import annotations

import re

from reader.core.entities.candidate import Candidate
from reader.core.entities.lexicon import NAME_PARTICLES, PERSON_PARTICLES, Lexicon
from reader.core.entities.tokens import Token

_SPEECH_GAP = re.compile(r"^,?\s+$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_JOIN_GAP = re.compile(r"^[ \u00a0]{0,2}(?:[a-zà-ÿ]{1,5}['’])?$|^['’]s [ ]?$")


def intrinsic_votes(cand: Candidate, lex: Lexicon, lang: str | None, lower: frozenset[str]) -> None:
    """Votes ``cand``'s type from its own words: gazetteer, suffixes, place words, given names."""
    words = [t.key for t in cand.tokens]
    cap_words = [t for t in cand.tokens if t.is_cap]
    n = len(cap_words)
    if cand.known:
        cand.vote(cand.known.type, 6)
    last = cand.tokens[-1]
    if words[-1] in lex.org_suffix and len(words) > 1:
        cand.vote("ORG", 5)
    if any(t.gap == " & " for t in cand.tokens[1:]):
        cand.vote("ORG", 2)  # "Smith & Wesson", "Marks & Spencer"
    if len(words) > 1 and words[0] in lex.org_prefix:
        cand.vote("ORG", 2.5)
    if any(w in lex.org_word for w in words):
        cand.vote("ORG", 3 if len(words) > 1 else 2)
    if len(words) > 1 and words[-1] in lex.loc_word:
        cand.vote("LOC", 3.5)
    if len(words) > 1 and words[0] in lex.loc_prefix:
        cand.vote("LOC", 2)
    if len(words) > 1 and (words[-1] in lex.misc_word or words[0] in lex.misc_prefix):
        cand.vote("MISC", 3.5)
    if last.is_digit:
        cand.vote("MISC", 4 if _YEAR.match(last.text) else 1.5)
    if last.text.endswith("+"):
        cand.vote("MISC", 1)
    first = cand.tokens[0]
    head = lex.known.get(first.key) if len(words) > 1 and not cand.known else None
    if head is not None and head.type == "ORG":
        cand.vote("ORG", 2)
    if n >= 2 and any(t.is_upper for t in cand.tokens) and first.key not in lex.given:
        cand.vote("ORG", 1.5)
    if n >= 2 and first.key in lex.given and not cand.known and not cand.quoted:
        cand.vote("PER", 3.5)
    elif len(words) >= 2 and not cand.votes:
        if (first.key in lex.all_stopwords or first.key in lex.demonyms
                or any(t.is_digit for t in cand.tokens)):
            cand.vote("MISC", 1)  # titles open with a grammar word ("From Hell"); "French Touch"
        elif any(w in lex.org_adjective for w in words) or any(
            w in lex.all_stopwords and w not in PERSON_PARTICLES and w not in NAME_PARTICLES for w in words[1:]
        ):
            cand.vote("ORG", 1.5)  # "Corte Suprema", "Haute Autorité", "Youth For Climate"
        elif any(w in lex.known for w in words):
            cand.vote("ORG", 1)  # "Business France", "STX France"
        elif any(len(w) > 5 and w.endswith(lex.noun_endings) for w in words):
            cand.vote("ORG", 1)  # "Science Mission Directorate", "Dirección de Prevención"
        elif words[-1] in lower:
            cand.vote("ORG", 1)  # "Patient Watch": its last word is a common word of the text
        else:
            cand.vote("PER", 1)
    if n == 1 and (first.is_upper or first.is_camel):
        cand.vote("ORG", 1)
    if n == 1 and lang == "de" and len(words) == 1 and words[0].endswith("s") and words[0][:-1] in lex.known:
        cand.known = lex.known[words[0][:-1]]
        cand.vote(cand.known.type, 6)


def context_votes(cand: Candidate, tokens: list[Token], index: dict[int, int], lex: Lexicon,
                  lang: str | None, text: str) -> None:
    """Votes ``cand``'s type from its neighbours: role nouns, place prepositions, speech verbs."""
    i = index[cand.tokens[0].start]
    j = index[cand.tokens[-1].start]
    strong_type = cand.known is not None
    if i > 0 and not cand.courtesy:
        prev = tokens[i - 1]
        if prev.text and prev.gap != "" and _JOIN_GAP.match(cand.tokens[0].gap):
            if (prev.key in lex.roles and not strong_type and prev.text[0].islower()) or (
                prev.key in lex.roles and prev.is_cap and not strong_type and not cand.quoted
            ):
                cand.vote("PER", 3)
            elif prev.key in lex.appositive and prev.text[0].islower():
                cand.vote(lex.appositive[prev.key], 3)
            elif (prev.text in lex.loc_prep.get(lang or "*", lex.loc_prep["*"]) and len(cand.tokens) == 1
                  and not strong_type):
                cand.vote("LOC", 1.0)
    if i > 1 and not strong_type and tokens[i - 1].key in ("of", "de", "di", "da", "von", "do", "du") \
            and tokens[i - 2].key in lex.loc_of and _JOIN_GAP.match(cand.tokens[0].gap):
        cand.vote("LOC", 1.5)  # "the mayor of X", "le maire de X"
    end = cand.tokens[-1].end
    if end < len(text) and text.startswith("-based", end):
        cand.vote("LOC", 2)  # "a Burbank-based firm"
    if j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if nxt.key in lex.person_verbs and _SPEECH_GAP.match(nxt.gap) and not strong_type:
            cand.vote("PER", 1.5)

