"""Which candidates in uninformative positions (sentence start, headline, German noun) are names."""

from __future__ import annotations

from reader.core.entities.candidate import Candidate
from reader.core.entities.groups import name_key
from reader.core.entities.lexicon import Lexicon, fold
from reader.core.entities.tokens import Token


def known_parts(cand: Candidate, strong_keys: set[str], lex: Lexicon) -> list[Candidate]:
    """The names inside a headline run: longest runs named elsewhere in the text or known."""
    toks = cand.tokens
    out: list[Candidate] = []
    i = 0
    while i < len(toks):
        for j in range(len(toks), i, -1):
            part = toks[i:j]
            key = name_key([t.text for t in part])
            known = lex.known.get(fold(" ".join(t.text for t in part)))
            if key in strong_keys or known is not None or (j - i == 1 and (part[0].is_camel or part[0].is_upper)):
                out.append(Candidate(part, known=known))
                i = j
                break
        else:
            i += 1
    return out


def good_weak(cand: Candidate, strong_keys: set[str], strong_words: set[str],
              lower: frozenset[str], lex: Lexicon, lang: str | None) -> bool:
    """Whether a candidate in an uninformative position (sentence start, headline) is a name."""
    toks = cand.tokens
    first = toks[0]
    if cand.known or cand.courtesy or name_key([t.text for t in toks]) in strong_keys:
        return True
    if len(toks) == 1 or all(t.is_digit for t in toks[1:]):
        if first.key in strong_words and first.key not in lower:
            return True  # the surname of a person named in full elsewhere
        return (first.is_camel or first.is_upper) and first.key not in lex.common and len(first.text) > 1
    if first.headline:
        # headline case capitalises every word: "Elon Musk Sues OpenAI" is no one's name
        return len(toks) == 2 and first.key in lex.given and toks[1].key not in lower
    if first.key in lex.given or first.is_camel or first.is_upper:
        return True
    if name_key([t.text for t in toks[1:]]) in strong_keys or (lang == "en" and first.key.endswith(("ing", "ly", "ed"))):
        return False
    if toks[-1].key in lex.org_suffix or any(t.key in lex.org_word or t.key in lex.misc_word or t.key in lex.loc_word
                                             for t in toks[1:]):
        return not first.headline or first.key not in lower
    return lang != "de" and not first.headline and first.key not in lower


_DE_DETERMINERS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine",
    "keinen", "keinem", "keiner", "im", "am", "zum", "zur", "beim", "vom", "ins", "ans", "dieser", "diese",
    "dieses", "diesem", "diesen", "jede", "jeder", "jedes", "jedem", "jeden", "alle", "allen", "viele", "vielen",
    "mehr", "weniger", "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    "unser", "unsere", "unseren", "unserem", "unserer", "mein", "meine", "dein", "deine", "welche", "welcher",
})


def german_names(cands: list[Candidate], tokens: list[Token], index: dict[int, int],
                 lex: Lexicon) -> list[Candidate]:
    """Lone capitalised German words that are names: never after an article or adjective.

    Every German noun is capitalised, but nouns come with articles and adjectives
    ("die neue Strecke") while places and firms mostly do not ("in Kessling").
    A word kept here is seen at least twice mid-sentence, never so determined, and
    at least once right after a place preposition ("in", "nach", "aus", "bei", "von").
    """
    seen: dict[str, list[Candidate]] = {}
    for cand in cands:
        if cand.weak and len(cand.tokens) == 1 and not cand.known and not cand.quoted:
            seen.setdefault(cand.tokens[0].key, []).append(cand)
    if not seen:
        return []
    determined: set[str] = set()
    placed: set[str] = set()  # seen right after "in", "nach", "aus", "bei", "von"
    mid: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if tok.key not in seen or not tok.is_cap:
            continue
        if not tok.initial and not tok.headline:
            mid[tok.key] = mid.get(tok.key, 0) + 1
        prev = tokens[i - 1] if i else None
        if prev is None or prev.end + 1 != tok.start:
            continue
        word = prev.key
        if prev.text in lex.loc_prep["de"] or word in ("von", "bei"):
            placed.add(tok.key)
        if prev.is_digit or word in _DE_DETERMINERS or (
            not prev.is_cap and word.endswith(("e", "en", "er", "es", "em")) and word not in lex.loc_prep["de"]
            and word not in ("von", "gegen")
        ):
            determined.add(tok.key)  # "die Zukunft", "neuen Radweg", "20 Prozent"
    out: list[Candidate] = []
    for key, group in seen.items():
        if key in placed and key not in determined and mid.get(key, 0) >= 2 and key not in lex.all_stopwords \
                and key not in lex.calendar and key not in lex.common and key not in lex.demonyms:
            out.extend(group)
    return out
