"""Candidate names the chunker cannot see: known names in capitals lines, lower-case brands."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from reader.core.entities.candidate import Candidate
from reader.core.entities.lexicon import Lexicon, fold
from reader.core.entities.tokens import Token

_DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "son", "sa", "ses", "leur",
    "der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem", "einer", "eines",
    "el", "los", "las", "uno", "una", "unos", "unas", "il", "lo", "gli", "i", "o", "os", "as", "um", "uma",
    "de", "het", "een",
})
_LINE_START_GAP = re.compile(r"\n|^$|[.!?]\s")


def caps_line_candidates(tokens: list[Token], lex: Lexicon, skip: set[int]) -> list[Candidate]:
    """Known names inside lines written in capitals ("FRANCE WINS" gives France)."""
    out: list[Candidate] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].caps_line or i in skip or not tokens[i].text:
            i += 1
            continue
        for width in (3, 2, 1):
            window = tokens[i:i + width]
            if len(window) < width or any(not t.caps_line or not t.text for t in window):
                continue
            known = lex.known.get(fold(" ".join(t.text for t in window)))
            if known:
                cand = Candidate(window, weak=False, known=known)
                out.append(cand)
                i += width
                break
            if width == 1 and i > 0 and tokens[i - 1].key in lex.jobs and tokens[i - 1].caps_line \
                    and tokens[i].key not in lex.all_stopwords and len(tokens[i].text) > 2:
                cand = Candidate(window, weak=False)  # "PRESIDENT MACRON"
                cand.vote("PER", 3)
                out.append(cand)
                i += 1
                break
        else:
            i += 1
    return out


def brand_words(tokens: list[Token], lex: Lexicon, lang: str | None) -> set[str]:
    """Lower-case words that open sentences or lines: brand names written in lower case."""
    if lang not in lex.stopwords:
        return set()  # without the language's grammar words, any word could open a line
    starts = [t for t in tokens if t.initial or (
        t.gap != " " and t.text.islower() and (not t.gap or "\n" in t.gap or t.gap.rstrip()[-1:] in (".", "!", "?"))
    )]
    lower_starts = {t.text for t in starts if t.text.islower() and t.text.isalpha() and len(t.text) > 2
                    and t.key not in lex.all_stopwords and _LINE_START_GAP.search(t.gap or "")}
    if not lower_starts or len(lower_starts) > min(2, max(1, 0.1 * len(starts))):
        return set()  # no candidate; or a text written in lower case, or code: not a brand
    counts = Counter(t.text for t in tokens if t.text)
    determined: set[str] = set()
    for prev, tok in pairwise(tokens):
        # "l'impact", "un appel", "the update": a common noun, not a brand
        if tok.text in lower_starts and ((prev.key in _DETERMINERS and prev.end + 1 == tok.start)
                                         or tok.gap.endswith(("'", "’"))):
            determined.add(tok.text)
    return {word for word in lower_starts if counts[word] >= 2 and word not in determined}
