"""Grouping candidate mentions into entities: same name, surname, acronym, short form."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.entities.candidate import Candidate
from reader.core.entities.lexicon import Lexicon, fold
from reader.core.models import ENTITY_TYPES, EntityType


@dataclass(slots=True)
class Group:
    """Candidates taken to name one entity."""

    key: str
    cands: list[Candidate] = field(default_factory=list)
    surfaces: dict[str, int] = field(default_factory=dict)
    votes: dict[str, float] = field(default_factory=dict)
    words: tuple[str, ...] = ()  # folded words of the longest form
    #: Token texts of every written form, used to find all mentions.
    forms: set[tuple[str, ...]] = field(default_factory=set)
    #: The gaps between the words of a form as first written (skipped words included).
    form_gaps: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    #: Surfaces seen only in lines written in capitals (shown in normal case).
    shouted: set[str] = field(default_factory=set)
    #: Forms with a courtesy title ("M. Musk"): aliases, never the name.
    titled: set[str] = field(default_factory=set)
    merged_into: Group | None = None
    _type: EntityType | None = None

    def add(self, cand: Candidate, surface: str) -> None:
        """Take one more mention."""
        self._type = None
        self.cands.append(cand)
        if surface:
            self.surfaces[surface] = self.surfaces.get(surface, 0) + 1
        for etype, weight in cand.votes.items():
            self.votes[etype] = self.votes.get(etype, 0.0) + weight
        words = tuple(t.key for t in cand.tokens)
        if len(words) > len(self.words):
            self.words = words

    def absorb(self, other: Group) -> None:
        """Merge ``other`` (a shorter form) into this group."""
        self._type = None
        self.cands.extend(other.cands)
        for surface, n in other.surfaces.items():
            self.surfaces[surface] = self.surfaces.get(surface, 0) + n
        for etype, weight in other.votes.items():
            self.votes[etype] = self.votes.get(etype, 0.0) + weight
        self.forms |= other.forms
        for form, gaps in other.form_gaps.items():
            self.form_gaps.setdefault(form, gaps)
        self.shouted |= other.shouted
        self.titled |= other.titled
        other.merged_into = self

    @property
    def mentions(self) -> int:
        """How many candidate mentions the group has."""
        return len(self.cands)

    def type(self) -> EntityType:
        """The best-supported type; bare multi-word names default to PER, single words to ORG."""
        if self._type is not None:
            return self._type
        votes = dict(self.votes)
        # a bare single word is most often a company or body; mentions without any cue
        # strengthen that default against one odd cue
        default: EntityType = "PER" if len(self.words) > 1 else "ORG"
        votes[default] = votes.get(default, 0.0) + 0.6
        for cand in self.cands:
            if not cand.votes:
                bare: EntityType = "PER" if len(cand.tokens) > 1 else "ORG"
                votes[bare] = votes.get(bare, 0.0) + 0.3
        best = max(ENTITY_TYPES, key=lambda t: votes.get(t, 0.0))
        self._type = best
        return best


_LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "el", "los", "las", "il", "lo", "der", "die", "das", "de", "het", "o", "a", "os", "as"})


def name_key(words: list[str]) -> str:
    """Lookup key of a name: folded, without dots or a leading article ("The New York Times")."""
    if len(words) > 1 and fold(words[0]) in _LEADING_ARTICLES:
        words = words[1:]
    return fold(" ".join(words)).replace(".", "").replace("-", " ")


def _initials(words: tuple[str, ...], lex: Lexicon) -> str:
    return "".join(w[0] for w in words if w and w[0].isalpha() and w not in lex.all_stopwords)


def _core(words: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """The distinctive part of an organisation's name ("softbank" of SoftBank Group Corp.)."""
    core = list(words)
    while len(core) > 1 and (core[-1] in lex.org_suffix or core[-1] in lex.org_word
                             or core[-1] in lex.misc_word):
        core.pop()
    while len(core) > 1 and (core[0] in lex.org_prefix or core[0] in ("the", "la", "le", "el")):
        core.pop(0)
    return tuple(core)


def _close(a: str, b: str) -> bool:
    """One edit apart (Zelensky/Zelenskiy), for long words only."""
    if min(len(a), len(b)) < 7 or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _is_person(group: Group, lex: Lexicon) -> bool:
    return group.type() == "PER" or (len(group.words) > 1 and group.words[0] in lex.given)


@dataclass(slots=True)
class _Long:
    """What the merge needs to know about a possible full name, computed once."""

    group: Group
    person: bool
    core: tuple[str, ...]
    initials: tuple[str, ...]
    #: Its words, with and without a plural "s": a short form shares one of them.
    vocab: frozenset[str]


def merge_groups(groups: list[Group], lex: Lexicon) -> list[Group]:
    """Fold short forms into the full names they stand for; returns the surviving groups."""
    longs = [
        _Long(g, _is_person(g, lex), _core(g.words, lex),
              (_initials(g.words, lex).upper(), _initials(g.words[1:], lex).upper() if len(g.words) > 2 else ""),
              frozenset({*g.words, *(w + "s" for w in g.words), *(w[:-1] for w in g.words if w.endswith("s"))}))
        for g in sorted(groups, key=lambda g: (-len(g.words), -g.mentions))
    ]
    for short in sorted(groups, key=lambda g: (len(g.words), -g.mentions)):
        if short.merged_into or not short.words:
            continue
        target, by_acronym = _find_target(short, longs, lex)
        if target is not None:
            if by_acronym:
                short.votes = {}  # "BVI" says nothing about the type of British Virgin Islands
                short._type = None
            while target.merged_into:
                target = target.merged_into
            if target is not short:
                if _is_person(target, lex) and "PER" not in short.votes:
                    short.votes["PER"] = 1.0
                    short._type = None
                target.absorb(short)
    return [g for g in groups if g.merged_into is None]


def _find_target(short: Group, longs: list[_Long], lex: Lexicon) -> tuple[Group | None, bool]:
    """The full name ``short`` stands for, and whether it is its acronym."""
    words = short.words
    n = len(words)
    word = words[0]
    acro = ""
    if n == 1 and 2 <= len(word.replace(".", "")) <= 6:
        surface = next(iter(short.surfaces), "")
        if surface.replace(".", "").isupper():
            acro = word.replace(".", "").upper()
    best: Group | None = None
    best_acronym = False
    known_short = short.key.startswith("known:")
    for item in longs:
        long = item.group
        lw = long.words
        if len(lw) < n:
            break
        if long is short or long.merged_into or not (
            word in item.vocab or (acro and acro in item.initials) or (len(word) >= 7 and item.person)
        ):
            continue
        hit = acronym = False
        if len(lw) > n:
            if item.person:
                hit = n == 1 and (
                    lw[-1] == word or (lw[0] == word and word in lex.given) or _close(lw[-1], word)
                    or (word in lw[1:] and len(word) > 3 and word not in lex.all_stopwords)
                ) and short.votes.get("LOC", 0) < 5
            else:
                core = item.core
                if known_short:
                    # "UK" is not short for "UK Government", but "Porto" is for "FC Porto"
                    hit = (core == words and lw[-1] == words[-1]) or (
                        lw[:n] == words and all(w.isdigit() for w in lw[n:])  # "iPhone 16"
                    )
                elif n == len(lw) - 1 and lw[0] in lex.loc_prefix and lw[1:] == words:
                    hit = True  # "Tarn" for "River Tarn"
                elif short.type() == "LOC":
                    hit = False  # "Port Alder" (a town) is not short for "Port Alder College"
                elif (core != lw and (
                    words == core
                    or (n == 1 and lw[-1] in lex.org_suffix and core[-1] == word)
                    or (n == 1 and len(core) == 1 and (core[0] + "s" == word or word + "s" == core[0]))
                )) or (lw[:n] == words and all(  # "Davis Cup Finals", "iPhone 16"
                    w in lex.misc_word or w in lex.org_word or w.isdigit() for w in lw[n:]
                )):
                    hit = True
            if not hit and acro and len(lw) > 1:
                hit = acronym = acro in item.initials
        elif n > 1 and lw[:-1] == words[:-1] and _close(lw[-1], words[-1]):
            hit = long.mentions >= short.mentions
        if hit and (best is None or long.mentions > best.mentions):
            best, best_acronym = long, acronym
    return best, best_acronym
