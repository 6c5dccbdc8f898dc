"""Grouping candidate mentions into entities: same name, surname, acronym, short form."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.core.entities.chunks import Candidate
from reader.core.entities.lexicon import Lexicon, fold
from reader.core.models import EntityType


@dataclass(slots=True)
class Group:
    """Candidates taken to name one entity."""

    key: str
    cands: list[Candidate] = field(default_factory=list)
    surfaces: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    words: tuple[str, ...] = ()  # folded words of the longest form
    merged_into: Group | None = None

    def add(self, cand: Candidate, surface: str) -> None:
        """Take one more mention."""
        self.cands.append(cand)
        self.surfaces[surface] += 1
        for etype, weight in cand.votes.items():
            self.votes[etype] += weight
        words = tuple(t.key for t in cand.tokens)
        if len(words) > len(self.words):
            self.words = words

    def absorb(self, other: Group) -> None:
        """Merge ``other`` (a shorter form) into this group."""
        for cand in other.cands:
            self.cands.append(cand)
        self.surfaces.update(other.surfaces)
        self.votes.update(other.votes)
        other.merged_into = self

    @property
    def mentions(self) -> int:
        """How many candidate mentions the group has."""
        return len(self.cands)

    def type(self) -> EntityType:
        """The best-supported type; bare multi-word names default to PER, single words to ORG."""
        if self.votes:
            best, weight = self.votes.most_common(1)[0]
            if weight > 0:
                return best  # type: ignore[return-value]
        return "PER" if len(self.words) > 1 else "ORG"


def name_key(words: list[str]) -> str:
    """Lookup key of a name: folded, without dots."""
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


def merge_groups(groups: list[Group], lex: Lexicon) -> list[Group]:
    """Fold short forms into the full names they stand for; returns the surviving groups."""
    longest_first = sorted(groups, key=lambda g: (-len(g.words), -g.mentions))
    for short in sorted(groups, key=lambda g: (len(g.words), -g.mentions)):
        if short.merged_into or not short.words:
            continue
        target = _find_target(short, longest_first, lex)
        if target is not None:
            while target.merged_into:
                target = target.merged_into
            if target is not short:
                if _is_person(target, lex) and "PER" not in short.votes:
                    short.votes["PER"] += 1
                target.absorb(short)
    return [g for g in groups if g.merged_into is None]


def _find_target(short: Group, groups: list[Group], lex: Lexicon) -> Group | None:
    words = short.words
    n = len(words)
    best: Group | None = None
    for long in groups:
        if long is short or long.merged_into or len(long.words) < n:
            continue
        lw = long.words
        hit = False
        if len(lw) > n and _is_person(long, lex) and n == 1 and short.type() in ("PER", "ORG", "MISC") and (
            lw[-1] == words[0] or (lw[0] == words[0] and lw[0] in lex.given)
            or _close(lw[-1], words[0])
        ):
            hit = "LOC" not in short.votes or short.votes["LOC"] < 5
        elif len(lw) > n and not _is_person(long, lex):
            core = _core(lw, lex)
            if core != lw and (words == core or (n == 1 and lw[-1] in lex.org_suffix and core[-1] == words[0])
                               or (n == 1 and len(core) == 1 and (core[0] + "s" == words[0]
                                                                  or words[0] + "s" == core[0]))):
                hit = True
            elif lw[:n] == words and all(w in lex.misc_word or w in lex.org_word for w in lw[n:]):
                hit = True
        if not hit and n == 1 and len(lw) > 1:
            acro = words[0].replace(".", "").upper()
            if 2 <= len(acro) <= 6 and short.surfaces and next(iter(short.surfaces)).replace(".", "").isupper():
                full = _initials(lw, lex).upper()
                hit = acro == full or (len(lw) > 2 and acro == _initials(lw[1:], lex).upper())
        if not hit and len(lw) == n and n > 1 and lw[:-1] == words[:-1] and _close(lw[-1], words[-1]):
            hit = long.mentions >= short.mentions
        if hit and (best is None or long.mentions > best.mentions):
            best = long
    return best
