"""The built-in entity engine: word lists and capitalisation cues, no model to download.

How it works, in one pass over the text:

1. ``tokens``: words with exact offsets, each knowing whether it opens a sentence,
   a quotation or a line, and whether its line is a headline or in capitals.
2. ``chunks``: candidate names are runs of capitalised words (with "of"-like
   connectors, particles and numbers), quoted or listed titles, datelines, lower-case
   brands that open sentences. Grammar words, dates, job titles and demonyms are
   trimmed; a name in an uninformative position (sentence start, headline, any
   German noun) is kept only with other evidence.
3. Each mention votes for a type: gazetteer, courtesy and job titles, role nouns
   ("the lawyer X"), company suffixes, institution, place and event words,
   place prepositions, speech verbs, given names.
4. ``groups``: mentions of one entity are merged (same name, surname or first
   name, acronym, short company name, spelling variant) and typed by their votes.
5. Every written form is searched again so that each mention, wherever it stands,
   gets its offsets; the title adds to the counts.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from reader.core.entities.candidate import Candidate
from reader.core.entities.chunks import chunk
from reader.core.entities.groups import Group, merge_groups, name_key
from reader.core.entities.lexicon import (
    NAME_PARTICLES,
    PERSON_PARTICLES,
    Known,
    Lexicon,
    fold,
    lexicon,
)
from reader.core.entities.quoted import quoted_titles
from reader.core.entities.tokens import Token, guess_lang, tokenize
from reader.core.models import Entity

_SPEECH_GAP = re.compile(r"^,?\s+$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_LOWER = re.compile(r"\b[^\W\d_A-ZÀ-Þ][\w'’-]*")
_DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "son", "sa", "ses", "leur",
    "der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem", "einer", "eines",
    "el", "los", "las", "uno", "una", "unos", "unas", "il", "lo", "gli", "i", "o", "os", "as", "um", "uma",
    "de", "het", "een",
})
_LINE_START_GAP = re.compile(r"\n|^$|[.!?]\s")
_JOIN_GAP = re.compile(r"^[ \u00a0]{0,2}(?:[a-zà-ÿ]{1,5}['’])?$|^['’]s [ ]?$")


def _surface(text: str, cand: Candidate) -> str:
    return text[cand.start:cand.end]


def _intrinsic_votes(cand: Candidate, lex: Lexicon, lang: str | None, lower: frozenset[str]) -> None:
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


def _context_votes(cand: Candidate, tokens: list[Token], index: dict[int, int], lex: Lexicon,
                   lang: str | None, text: str) -> None:
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


def _known_parts(cand: Candidate, strong_keys: set[str], lex: Lexicon) -> list[Candidate]:
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


def _good_weak(cand: Candidate, strong_keys: set[str], strong_words: set[str],
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


def _german_names(cands: list[Candidate], tokens: list[Token], index: dict[int, int],
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


def _caps_line_candidates(tokens: list[Token], lex: Lexicon, skip: set[int]) -> list[Candidate]:
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


def _brand_words(tokens: list[Token], lex: Lexicon, lang: str | None) -> set[str]:
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


def _display(surfaces: dict[str, int], caps_only: set[str]) -> str:
    plain = [s for s in surfaces if s not in caps_only] or list(surfaces)
    # ties go to the accented spelling ("Président" over "President"), then to the first seen
    best = max(plain, key=lambda s: (len(s.split()), len(s), surfaces[s], not s.isascii()))
    if best in caps_only:
        best = " ".join(w.capitalize() if len(w) > 3 and w.isalpha() else w for w in best.split())
    return best


def find_entities(text: str, *, title: str = "", lang: str | None = None) -> tuple[Entity, ...]:
    """Named entities of an article body (and title), most mentioned first.

    ``text`` is the cleaned article text; every mention's (start, end) offsets
    index into it. Mentions in ``title`` add to the counts but have no offsets.
    """
    if not text.strip() and not title.strip():
        return ()
    lex = lexicon()
    lang = (lang or "").split("-")[0].lower() or None
    lang = guess_lang(text or title, lex, lang if lang in lex.stopwords else None)
    groups, tokens = _collect(text, lex, lang)
    title_tokens: list[Token] = []
    if title.strip():
        title_groups, title_tokens = _collect(title, lex, lang, all_weak=True)
        groups.extend(title_groups)
    merged = merge_groups(_by_key(groups), lex)
    return _entities(text, tokens, title_tokens, merged, lex)


def _collect(text: str, lex: Lexicon, lang: str | None, *,
             all_weak: bool = False) -> tuple[list[Group], list[Token]]:
    tokens = tokenize(text, lex, lang)
    index = {t.start: i for i, t in enumerate(tokens)}
    quotes = quoted_titles(text, tokens, lex, lang, index)
    skip = {index[t.start] for c in quotes for t in c.tokens}
    caps = _caps_line_candidates(tokens, lex, skip)
    skip.update(index[t.start] for c in caps for t in c.tokens)
    lower = frozenset(map(fold, set(_LOWER.findall(text))))
    cands = quotes + caps + chunk(text, tokens, lex, lang, skip, lower, index)
    for word in _brand_words(tokens, lex, lang):
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
        _intrinsic_votes(cand, lex, lang, lower)
        _context_votes(cand, tokens, index, lex, lang, text)
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
        if _good_weak(cand, strong_keys, strong_words, lower, lex, lang):
            kept.append(cand)
        elif cand.tokens[0].headline and len(cand.tokens) > 1:
            kept.extend(_known_parts(cand, strong_keys, lex))
    if lang == "de":
        kept += _german_names(cands, tokens, index, lex)
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


def _by_key(groups: list[Group]) -> list[Group]:
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


def _scan(tokens: list[Token], index: dict[str, list[tuple[tuple[str, ...], int, tuple[str, ...]]]]
          ) -> list[tuple[int, int, int]]:
    """(group, start, end) of every mention: the longest written form at each token."""
    out: list[tuple[int, int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        options = index.get(tokens[i].text)
        step = 1
        if options:
            for form, gi, gaps in options:
                k = len(form)
                if i + k <= n and all(
                    tokens[i + m].text == form[m] and (
                        (len(tokens[i + m].gap) <= 4 and "\n" not in tokens[i + m].gap)
                        or (m < len(gaps) and tokens[i + m].gap == gaps[m])
                    )
                    for m in range(1, k)
                ):
                    out.append((gi, tokens[i].start, tokens[i + k - 1].end))
                    step = k
                    break
        i += step
    return out


def _entities(text: str, tokens: list[Token], title_tokens: list[Token], groups: list[Group],
              lex: Lexicon) -> tuple[Entity, ...]:
    index: dict[str, list[tuple[tuple[str, ...], int, tuple[str, ...]]]] = {}
    for gi, group in enumerate(groups):
        for form in sorted(group.forms):  # sorted: the same input gives the same output
            if form and form[0]:
                gaps = group.form_gaps.get(form, ())
                index.setdefault(form[0], []).append((form, gi, gaps))
                upper = tuple(w.upper() for w in form)
                if upper != form:
                    index.setdefault(upper[0], []).append((upper, gi, gaps))
    for gi, group in enumerate(groups):
        if group.type() == "PER" and len(group.words) > 1:
            # the surname alone names the person everywhere ("Musk said"), even where it
            # opens a sentence and so proved nothing by itself
            longest = max(sorted(group.forms), key=lambda f: (len(f), not all(w.isupper() for w in f)))
            names = [w for w in longest if fold(w) not in lex.name_suffix and not w.endswith(".")]
            last = names[-1] if names else ""
            if (len(last) > 2 and last[0].isupper() and fold(last) not in lex.all_stopwords
                    and fold(last) not in lex.known and last not in index):
                index[last] = [((last,), gi, ())]
                index.setdefault(last.upper(), []).append(((last.upper(),), gi, ()))
    for options in index.values():
        options.sort(key=lambda item: -len(item[0]))
    mentions: dict[int, list[tuple[int, int]]] = {}
    used: dict[int, Counter[str]] = {}
    for gi, start, end in _scan(tokens, index):
        mentions.setdefault(gi, []).append((start, end))
        used.setdefault(gi, Counter())[text[start:end]] += 1
    title_counts = Counter(gi for gi, _, _ in _scan(title_tokens, index))
    out: list[tuple[int, int, Entity]] = []
    for gi, group in enumerate(groups):
        spans = mentions.get(gi, [])
        count = len(spans) + title_counts[gi]
        if not count:
            continue
        forms = used.get(gi) or Counter({s: c for s, c in group.surfaces.items() if s})
        caps_only = {s for s in forms if s.isupper() and (
            any(o.upper() == s and o != s for o in forms)
            or (s in group.shouted and len(s) > 3 and not _known_upper(s, lex))
        )}
        plain = Counter({s: forms.get(s, 0) for s in dict.fromkeys([*forms, *group.surfaces])
                         if s and s not in group.titled})
        name = _display(plain or forms, caps_only)
        aliases = tuple(sorted(
            {s for s in forms if s != name and s not in caps_only},
            key=lambda s: (-forms[s], s),
        ))
        entity = Entity(name=name, type=group.type(), count=count, aliases=aliases, mentions=tuple(spans))
        first = spans[0][0] if spans else len(text)
        out.append((-count, first, entity))
    out.sort(key=lambda item: (item[0], item[1]))
    return tuple(e for _, _, e in out)


def _known_upper(surface: str, lex: Lexicon) -> bool:
    known: Known | None = lex.known.get(fold(surface))
    return known is not None and known.canonical.isupper()
