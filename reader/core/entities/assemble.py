"""Entities assembled from merged groups: every mention's offsets, counts, display name, aliases."""

from __future__ import annotations

from collections import Counter

from reader.core.entities.groups import Group
from reader.core.entities.lexicon import Known, Lexicon, fold
from reader.core.entities.tokens import Token
from reader.core.models import Entity


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


def build_entities(text: str, tokens: list[Token], title_tokens: list[Token], groups: list[Group],
                   lex: Lexicon) -> tuple[Entity, ...]:
    """Entities of merged ``groups``, most mentioned first, with each mention's offsets in ``text``.

    Every written form of a group is searched again in ``tokens`` so that each mention
    gets its offsets; forms found in ``title_tokens`` only add to the counts.
    """
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

def _display(surfaces: dict[str, int], caps_only: set[str]) -> str:
    plain = [s for s in surfaces if s not in caps_only] or list(surfaces)
    # ties go to the accented spelling ("Président" over "President"), then to the first seen
    best = max(plain, key=lambda s: (len(s.split()), len(s), surfaces[s], not s.isascii()))
    if best in caps_only:
        best = " ".join(w.capitalize() if len(w) > 3 and w.isalpha() else w for w in best.split())
    return best
