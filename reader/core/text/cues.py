"""Cue words per language (ad markers, list headings, bylines, months), loaded from data files."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Characters stripped from both ends of a line before it is compared with a cue.
TRIM = " \t:：-–—|•·›»«>*#.…"

#: Keys of a language file holding whole-line (or line-prefix) cues.
_CUE_KEYS = (
    "published", "updated", "byline", "ad", "read_also", "related", "more", "tags",
    "stop", "share", "signoff", "credit", "see_all", "and", "boilerplate", "comment_words",
    "says", "boiler_phrases", "roles", "follow", "weekdays", "contents",
)


def _longest_first(cue: str) -> tuple[int, str]:
    # Longest cue first; cues of one length in a fixed order: set order changes from
    # run to run (string hashing), and which of two cues is tried first can matter.
    return -len(cue), cue


def key(text: str) -> str:
    """The form a line is compared in: casefolded, trimmed of punctuation and spaces."""
    return " ".join(text.casefold().strip(TRIM).split())


@dataclass(frozen=True, slots=True)
class Cues:
    """Every language's cues merged (lines are matched whole), stopwords kept per language."""

    stopwords: dict[str, frozenset[str]]
    #: word -> languages it is a stopword of, for the language guess.
    stop_langs: dict[str, tuple[str, ...]]
    months: dict[str, int]
    sets: dict[str, frozenset[str]]
    #: Prefix cues sorted longest first so "Lesen Sie auch" wins over "Lesen".
    prefixes: dict[str, tuple[str, ...]]
    #: The same, indexed by kind and first word, so a line is checked against few cues.
    by_first: dict[str, dict[str, tuple[str, ...]]]
    #: First words of every prefix cue, to skip lines that start with none of them.
    first_words: frozenset[str]
    #: The kind of a line that is one of these cues whole ("advertisement" -> "ad").
    whole_line: dict[str, str]
    chrome_tokens: frozenset[str]
    credit_marks: tuple[str, ...]
    promo_open: tuple[str, ...]
    promo_close: tuple[str, ...]
    #: Words that, alone on a line, only name share buttons and social networks.
    social: frozenset[str]
    #: Any boilerplate phrase, in a casefolded line.
    boiler_phrases: re.Pattern[str]
    #: Top-level domains that make a lone word a site name ("example.com").
    tlds: frozenset[str]

    def is_(self, kind: str, line_key: str) -> bool:
        """True when the whole line is one of the cues of ``kind``."""
        return line_key in self.sets[kind]

    def prefix(self, kind: str, line: str) -> tuple[str, str] | None:
        """(cue, rest) when the line starts with a cue of ``kind`` followed by a word boundary."""
        folded = line.casefold()
        words = folded.split(maxsplit=1)  # empty for a blank text ("( )" in a caption)
        first = words[0].strip(TRIM) if words else ""
        for cue in self.by_first[kind].get(first, ()):
            if folded.startswith(cue) and (len(folded) == len(cue) or not folded[len(cue)].isalnum()):
                return line[: len(cue)], line[len(cue):].strip(TRIM)
        return None


def _read(name: str) -> dict[str, object]:
    data = resources.files(__package__).joinpath("data", name).read_text("utf-8")
    out: dict[str, object] = json.loads(data)
    return out


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cues, read once from ``data/*.json``."""
    folder = resources.files(__package__).joinpath("data")
    stopwords: dict[str, frozenset[str]] = {}
    stop_langs: dict[str, list[str]] = {}
    months: dict[str, int] = {}
    raw: dict[str, set[str]] = {k: set() for k in _CUE_KEYS}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        name = entry.name
        if not name.endswith(".json") or name == "common.json":
            continue
        lang = name.removesuffix(".json")
        data = _read(name)
        words = frozenset(str(w).casefold() for w in data.get("stopwords", []))  # type: ignore[attr-defined]
        stopwords[lang] = words
        for word in words:
            stop_langs.setdefault(word, []).append(lang)
        for month, number in dict(data.get("months", {})).items():  # type: ignore[call-overload]
            months[str(month).casefold()] = int(number)
        for k in _CUE_KEYS:
            raw[k].update(key(str(c)) for c in data.get(k, []))  # type: ignore[attr-defined]
    common = _read("common.json")
    sets = {k: frozenset(v for v in values if v) for k, values in raw.items()}
    prefixes = {
        k: tuple(sorted(sets[k], key=_longest_first))
        for k in ("published", "updated", "byline", "read_also", "signoff", "credit", "see_all", "roles")
    }
    # List headings of two words or more also open longer lines ("More on this story from X").
    for k in ("related", "more"):
        prefixes[k] = tuple(sorted((v for v in sets[k] if " " in v), key=_longest_first))
    by_first: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind, cue_list in prefixes.items():
        index: dict[str, list[str]] = {}
        for cue in cue_list:
            index.setdefault(cue.split(maxsplit=1)[0].strip(TRIM), []).append(cue)
        by_first[kind] = {k: tuple(v) for k, v in index.items()}
    return Cues(
        stopwords=stopwords,
        by_first=by_first,
        first_words=frozenset(w for index in by_first.values() for w in index),
        # Earlier kinds win where a cue is in two lists.
        whole_line={
            cue: kind for kind in reversed(("ad", "stop", "related", "more", "tags", "share"))
            for cue in sets[kind]
        },
        stop_langs={w: tuple(langs) for w, langs in stop_langs.items()},
        months=months,
        sets=sets,
        prefixes=prefixes,
        chrome_tokens=frozenset(str(t) for t in common.get("chrome_tokens", [])),  # type: ignore[attr-defined]
        credit_marks=tuple(str(t) for t in common.get("credit_marks", [])),  # type: ignore[attr-defined]
        promo_open=tuple(str(t) for t in common.get("promo_open", [])),  # type: ignore[attr-defined]
        promo_close=tuple(str(t) for t in common.get("promo_close", [])),  # type: ignore[attr-defined]
        social=frozenset(str(t) for t in common.get("social", []))  # type: ignore[attr-defined]
        | frozenset(v for v in sets["share"] if " " not in v),
        tlds=frozenset(str(t) for t in common.get("tlds", [])),  # type: ignore[attr-defined]
        boiler_phrases=re.compile(
            "|".join(re.escape(p) for p in sorted(sets["boiler_phrases"], key=_longest_first)) or "(?!)"
        ),
    )


_WORD = re.compile(r"\w+")


def guess_lang(text: str) -> str | None:
    """ISO 639-1 code of the language whose stopwords are most frequent in ``text``."""
    counts: dict[str, int] = {}
    table = cues().stop_langs
    for word, n in Counter(_WORD.findall(text.casefold())).items():
        langs = table.get(word)
        if langs:
            for lang in langs:
                counts[lang] = counts.get(lang, 0) + n
    if not counts:
        return None
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] >= 3 else None
