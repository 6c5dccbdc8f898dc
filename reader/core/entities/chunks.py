"""Candidate names: runs of capitalised words, quoted titles, datelines, with typing cues."""

from __future__ import annotations

import re

from reader.core.entities.candidate import Candidate
from reader.core.entities.lexicon import (
    ARTICLES,
    CONJ,
    NAME_PARTICLES,
    OF_WORDS,
    PERSON_PARTICLES,
    Lexicon,
    fold,
)
from reader.core.entities.tokens import Token

# Lower-case particles inside person names, and "of"-like words inside institution names.
_NAME_PARTICLES = NAME_PARTICLES
_PERSON_PARTICLES = PERSON_PARTICLES
_OF_WORDS = OF_WORDS
_ARTICLES = ARTICLES | {"o", "os", "a", "as", "il", "lo", "i", "gli", "l", "un", "une", "una", "uno", "um", "uma"}
_CONJ = CONJ
_SPACE = re.compile(r"^[ \u00a0]+$")
_OF_ELIDED = re.compile(r"^[ \u00a0]+(?:d|dell|dall|degl|nell)['’]$", re.IGNORECASE)
_SPACE_ELIDED = re.compile(r"^[ \u00a0]+(?:[a-zà-ÿ]{1,5}['’])?$")
_AFTER_NUMBER_BAD = re.compile(r"^[-–:/.,]\d|^\s*%|^[-–]")
# After a dateline's place: an optional state or country ("CUPERTINO, Calif."), an agency
# credit in brackets, then a dash.
_DATELINE_TAIL = re.compile(r"(?:,\s*[A-Z][\w.]{0,12}(?:\s[A-Z][\w.]{0,12})?)?\s*(?:\([^)\n]{1,30}\)\s*)?[—–-]")
_QUANTITY = re.compile(r" [^\W\d_A-ZÀ-Þ]")  # a number before a lower-case word


def _is_name_word(tok: Token, lex: Lexicon, lower: frozenset[str] = frozenset()) -> bool:
    """A capitalised word that may be (part of) a name; ``lower`` holds the text's lower-case words."""
    return bool(tok.text) and not tok.is_digit and tok.is_cap and tok.key not in lex.courtesy and not (
        # an all-caps common word is shouting, not an acronym
        tok.is_upper and len(tok.text) > 2 and (tok.key in lex.all_stopwords or (len(tok.text) > 3 and tok.key in lower))
    )


def _edge_junk(tok: Token, lex: Lexicon, lang: str | None) -> bool:
    key = tok.key
    return (
        tok.is_digit
        or (lex.is_stop(tok.text, lang) and not tok.is_upper)
        or key in lex.calendar
        or key in lex.common
        or key in lex.demonyms
        or key in lex.modifiers
        or key in lex.jobs
        or not tok.is_cap
    )


def _dateline(tokens: list[Token], i: int, text: str) -> int:
    """Length of a dateline place at token ``i`` ("WASHINGTON (AP) —"), or 0."""
    tok = tokens[i]
    if not (tok.initial and ("\n" in tok.gap or i == 0) and tok.is_upper):
        return 0
    j = i
    while j + 1 < len(tokens) and tokens[j + 1].is_upper and _SPACE.match(tokens[j + 1].gap):
        j += 1
    if j - i > 2:
        return 0
    return j - i + 1 if _DATELINE_TAIL.match(text, tokens[j].end) else 0


def _known_span(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Width of a known name written partly in lower case ("Union européenne"), or 0."""
    words = [tokens[i].text]
    best = 0
    for k in range(i + 1, min(i + 5, len(tokens))):
        tok = tokens[k]
        if not tok.text or tok.gap != " ":
            break
        words.append(tok.text)
        if fold(" ".join(words)) in lex.known and any(not t.is_cap for t in tokens[i + 1:k + 1]):
            best = k - i + 1
    return best


def _split_known(run: list[Token], lex: Lexicon) -> list[list[Token]]:
    """Split "White House Russia" into known names: longest known prefix, then the rest."""
    if len(run) < 2 or fold(" ".join(t.text for t in run)) in lex.known:
        return [run]
    for k in range(len(run) - 1, 0, -1):
        head = fold(" ".join(t.text for t in run[:k]))
        nxt = run[k]
        if head in lex.known and (nxt.key in lex.known or nxt.key in lex.given or nxt.is_upper) and not all(
            _is_cue(t, lex) for t in run[k:]
        ):
            return [run[:k], *_split_known(run[k:], lex)]
    return [run]


def _plain_german(tok: Token, lex: Lexicon) -> bool:
    key = tok.key
    return not (tok.is_upper or tok.is_camel or key in lex.given or key in lex.known
                or key in lex.org_prefix or key in lex.loc_prefix or key in lex.misc_prefix)


def _is_cue(tok: Token, lex: Lexicon) -> bool:
    key = tok.key
    return key in lex.org_word or key in lex.loc_word or key in lex.misc_word or key in lex.org_suffix


def _trim(run: list[Token], lex: Lexicon, lang: str | None) -> list[Token]:
    """Drop grammar words, dates and job words from the edges of a run of capitalised words."""
    whole = run
    if (len(run) > 1 and run[0].key in _ARTICLES and run[0].text[0].isupper() and not run[0].initial
            and not run[0].headline and run[1].is_cap and not _edge_junk(run[1], lex, lang)):
        return _trim(run[1:], lex, lang) and [run[0], *_trim(run[1:], lex, lang)]  # "Le Havre", "The Hague"
    while run and run[0].key in lex.name_suffix:
        run = run[1:]  # a "Jr." left alone by a split
    while run and _edge_junk(run[0], lex, lang) and not (
        len(run) > 1 and run[1].is_cap and (
            run[0].key in lex.given
            or (run[0].key in lex.demonyms and run[1].key not in lex.given and not run[1].is_digit)
        )
    ):
        run = run[1:]
    if lang == "de":
        while len(run) > 1 and _plain_german(run[0], lex) and not (
            # "Deutschen Bank", "Europäische Zentralbank": an adjective naming an institution
            run[0].key.endswith(("e", "en", "er", "es", "em")) and _is_cue(run[1], lex)
        ):
            run = run[1:]
    end = len(run)
    while end and ((_edge_junk(run[end - 1], lex, lang) and not run[end - 1].is_digit
                    and not (run[end - 1].key in lex.jobs and end > 1)
                    # "Serie A", "Plan B"; "Stephan Weil", "Theresa May"
                    and not (end > 1 and len(run[end - 1].text) == 1 and run[end - 1].text.isupper()
                             and run[end - 1].text != "I")
                    and not (end > 1 and run[end - 2].key in lex.given and run[end - 1].is_cap
                             and run[end - 1].key not in lex.calendar))
                   or (not run[end - 1].is_cap and not run[end - 1].is_digit)):
        if run[end - 1].key in lex.demonyms:
            return []  # "North American": an adjective phrase, not a name
        end -= 1
    run = run[:end]
    if len(run) == 1 and _is_cue(run[0], lex) and run[0].key not in lex.known:
        rest = whole[1:] if whole[0].key in _ARTICLES else whole
        if len(rest) > 1 and lang != "de" and all(t.is_cap for t in rest):
            # "The We Company", "Group A": the short word was part of the name
            return rest
        return []  # "the Government", "il Consiglio": an institution word, not a name
    return run


def _joinable_of(run: list[Token], conn: Token, after: list[Token], lex: Lexicon) -> bool:
    """Whether "run conn after" is one name ("Bank of England", "Charles de Gaulle")."""
    key = conn.key
    last = run[-1].key
    if key in _NAME_PARTICLES:
        return True
    if len(after) >= 2 and after[0].key in lex.given and key not in _CONJ:
        return False  # "l'Inter di Simone Inzaghi": a person's name follows
    if key in _CONJ:
        if key == "&":
            return True
        tail = after[-1].key
        in_institution = any(t.key in lex.org_prefix for t in run) and any(not t.is_cap for t in run)
        return (
            # "Securities and Exchange Commission"; "Institute of Allergy and Infectious Diseases"
            (tail in lex.org_word or tail in lex.org_suffix or in_institution)
            and len(after) >= 2
            and not any(t.key in lex.given for t in run + after)
            and after[0].key not in lex.known
            and run[-1].key not in lex.known
            and run[-1].key not in lex.org_suffix
        )
    cue_left = (last in lex.org_word or last in lex.loc_word or last in lex.misc_word
                or last in lex.org_prefix or last in lex.loc_prefix
                # inside an institution's name "de" chains on ("Dirección de Prevención de Robo")
                or (key in _OF_WORDS and any(t.key in lex.org_prefix for t in run)))
    person = key in _PERSON_PARTICLES and len(run) <= 3 and run[0].key in lex.given
    return cue_left or person


def chunk(text: str, tokens: list[Token], lex: Lexicon, lang: str | None, skip: set[int],
          lower: frozenset[str], index_of: dict[int, int]) -> list[Candidate]:
    """Candidates from runs of capitalised words (tokens whose index is in ``skip`` are taken)."""
    out: list[Candidate] = []
    n = len(tokens)
    counts: dict[str, int] = {}
    for t in tokens:
        if t.is_cap:
            counts[t.key] = counts.get(t.key, 0) + 1
    i = 0
    while i < n:
        tok = tokens[i]
        if not tok.is_cap or i in skip:
            i += 1  # names start with a capital (or a brand's camel case)
            continue
        width = _dateline(tokens, i, text)
        if width:
            cand = Candidate(tokens[i:i + width], dateline=True)
            cand.vote("LOC", 6)
            out.append(cand)
            tail = _DATELINE_TAIL.match(text, tokens[i + width - 1].end)
            i += width
            while tail and i < n and tokens[i].start < tail.end():
                i += 1  # the state and the agency credit (a byline) are not mentions
            continue
        if tok.caps_line:
            i += 1
            continue
        width = _known_span(tokens, i, lex) if tok.is_cap and tok.key in lex.known_heads else 0
        if width:
            out.append(Candidate(tokens[i:i + width], weak=False, known=lex.known[
                fold(" ".join(t.text for t in tokens[i:i + width]))
            ]))
            i += width
            continue
        courtesy = tok.key in lex.courtesy and i + 1 < n and tokens[i + 1].is_cap and _SPACE.match(tokens[i + 1].gap)
        if not _is_name_word(tok, lex, lower) and not courtesy:
            i += 1
            continue
        start_i = i + 1 if courtesy else i
        run = [tokens[start_i]]
        j = start_i
        while j + 1 < n and (j + 1) not in skip:
            nxt = tokens[j + 1]
            if not nxt.text or not (_SPACE.match(nxt.gap) or _OF_ELIDED.match(nxt.gap)
                                    or (nxt.gap == " & " and nxt.is_cap)):  # "Smith & Wesson"
                break  # an elided article ("Intanto l'Inter") starts a new name; "d'Argento" does not
            if run[-1].possessive and not (nxt.key in lex.org_word or nxt.key in lex.loc_word):
                break
            if _is_name_word(nxt, lex, lower) and not nxt.caps_line:
                if lang == "de" and not (nxt.is_upper or nxt.is_camel or nxt.key in lex.org_word
                                         or nxt.key in lex.misc_word or nxt.key in lex.loc_word
                                         or nxt.key in lex.org_suffix or run[-1].key in lex.given
                                         or nxt.key in lex.known):
                    break
                run.append(nxt)
                j += 1
                continue
            if nxt.is_digit and len(nxt.text) <= 4 and _SPACE.match(nxt.gap) and not run[-1].is_digit:
                after = text[nxt.end: nxt.end + 3]
                unit = _QUANTITY.match(text, nxt.end)  # "15 jours" counts days; "16 on Tuesday" names
                quantity = unit is not None and not lex.is_stop(text[unit.end() - 1:].split(" ", 1)[0], None)
                if not _AFTER_NUMBER_BAD.match(after) and run[-1].key not in lex.calendar and (
                    (len(nxt.text) <= 3 and not quantity) or (len(nxt.text) == 4 and nxt.text[:2] in ("19", "20"))
                ):
                    run.append(nxt)
                    j += 1
                    continue
                break
            if nxt.text[0].islower() or nxt.text == "&":
                # look ahead over at most two connectors to the next capitalised run
                k = j + 1
                conns: list[Token] = []
                while k < n and len(conns) < 2 and tokens[k].text and (
                    tokens[k].key in _OF_WORDS
                ) and not tokens[k].is_cap and _SPACE_ELIDED.match(tokens[k].gap):
                    conns.append(tokens[k])
                    k += 1
                if not conns and nxt.text == "&":
                    conns, k = [nxt], j + 2
                after_run: list[Token] = []
                while k < n and tokens[k].text and _is_name_word(tokens[k], lex, lower) and _SPACE_ELIDED.match(
                    tokens[k].gap
                ) and k not in skip:
                    after_run.append(tokens[k])
                    k += 1
                if conns and after_run and _joinable_of(run, conns[0], after_run, lex):
                    run.extend(conns)
                    run.extend(after_run)
                    j = k - 1
                    continue
            break
        i = j + 1
        pieces = _split_runs(run, lex, lang)
        back = start_i - 1
        while back >= 0 and start_i - back <= 2 and tokens[back].key in _OF_WORDS and not tokens[back].is_cap:
            back -= 1
        # "Director of Public Prosecution X", "ministère de la Culture", "président de la République"
        title_rest = back < start_i - 1 and back >= 0 and tokens[back].key not in lex.loc_of and (
            tokens[back].key in lex.jobs or (
            not tokens[back].is_cap and (tokens[back].key in lex.org_prefix or tokens[back].key in lex.org_word)
        ))
        for n_piece, piece in enumerate(pieces):
            if title_rest and n_piece == 0 and (len(pieces) > 1 or (len(piece) == 1 and fold(
                " ".join(t.text for t in piece)
            ) not in lex.known)):
                continue  # "Director of Public Prosecution Eva-Marie Persson", "ministro de Economía"
            piece = _trim(piece, lex, lang)
            if not piece:
                continue
            first = piece[0]
            before = index_of.get(first.start, 0) - 1
            if (
                lang != "de" and before >= 0 and tokens[before].is_digit and len(tokens[before].text) <= 3
                and _SPACE.match(first.gap) and not first.initial and not tokens[before].initial
                and len(piece) == 1 and not _is_cue(first, lex) and first.key not in lex.known
                and not (first.is_camel or first.is_upper) and counts.get(first.key, 0) == 1
                and not first.is_upper and first.key not in lex.calendar and first.key not in lex.common
                and tokens[before].gap.strip() in ("", ",", "(")
                and not text[tokens[before].start - 1: tokens[before].start].strip(" ,(")
            ):
                piece = [tokens[before], *piece]  # "99 Francs"
            cand = Candidate(piece)
            cand.weak = (first.initial and first is run[0]) or first.headline
            if title_rest and n_piece > 0:
                cand.vote("PER", 3)  # the person the title belongs to
            if courtesy and n_piece == 0 and first is run[0]:
                cand.courtesy = (tok.start, tok.end)
                cand.vote("PER", 5)
                cand.weak = False
            out.append(cand)
    return out


def is_given(tok: Token, lex: Lexicon) -> bool:
    """A common given name, or a hyphenated pair of them (Eva-Marie)."""
    key = tok.key
    if key in lex.given:
        return True
    parts = key.split("-")
    return len(parts) == 2 and all(p in lex.given for p in parts)


def _split_runs(run: list[Token], lex: Lexicon, lang: str | None) -> list[list[Token]]:
    """Split at job words ("Disney Chief Executive Bob Iger") and between known names."""
    pieces: list[list[Token]] = [[]]
    for n, tok in enumerate(run):
        key = tok.key
        if (key in lex.jobs and n > 0 and run[n - 1].key not in lex.known and run[n - 1].key not in lex.portfolio
                and (n == len(run) - 1 or run[n + 1].key in lex.name_suffix)):
            pieces[-1].append(tok)  # "Alphonse Président" is a title; "Martin Luther King Jr." a name
            continue
        if (key in lex.jobs or key in lex.calendar) and tok.is_cap and not (
            n > 0 and not run[n - 1].is_cap
        ):
            while pieces[-1] and (pieces[-1][-1].key in lex.portfolio or pieces[-1][-1].key in lex.modifiers):
                pieces[-1].pop()
            if pieces[-1]:
                pieces.append([])
            continue
        if tok.headline and lex.is_stop(tok.text, lang):
            if pieces[-1]:
                pieces.append([])  # "Delay The Harvest": grammar words split headline runs
            continue
        if (
            pieces[-1] and is_given(tok, lex) and n + 1 < len(run) and run[n + 1].is_cap
            and not run[n + 1].is_digit and not is_given(pieces[-1][-1], lex)
            and pieces[-1][-1].key not in lex.courtesy and pieces[-1][-1].key not in _OF_WORDS
            and len(pieces[-1][-1].text) > 2
        ):
            pieces.append([])
        pieces[-1].append(tok)
    out: list[list[Token]] = []
    for piece in pieces:
        if piece:
            out.extend(_split_known(piece, lex))
    return out
