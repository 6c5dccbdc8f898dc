"""Cue words for related links (block labels, class markers, URL rules), read from data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LabelKind = str  # "related" | "more" | "sponsored" | "drop" | "ad"

#: Characters trimmed from both ends of a label before it is compared.
_TRIM = " \t:：-–—|•·›»«<>*#.…()[]!?↓→▶►"
_SPACES = re.compile(r"\s+")


def label_key(text: str) -> str:
    """The form a heading is compared in: casefolded, trimmed, single-spaced."""
    return _SPACES.sub(" ", text.casefold()).strip(_TRIM)


def _sections(name: str) -> dict[str, list[str]]:
    """``[section]`` -> entries of a data file (``#`` comments and blank lines skipped)."""
    text = resources.files(__package__).joinpath("data", name).read_text("utf-8")
    out: dict[str, list[str]] = {}
    current: list[str] = out.setdefault("", [])
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return out


@dataclass(frozen=True, slots=True)
class RelatedCues:
    """Every cue the related-links finder uses, ready for fast lookups."""

    #: label key -> kind, for whole-heading matches.
    labels: dict[str, LabelKind]
    #: (label key, kind) sorted longest first, for heading-prefix matches.
    label_prefixes: tuple[tuple[str, LabelKind], ...]
    #: The same, grouped by first word (by first letter for labels without spaces in non-Latin scripts).
    prefix_index: dict[str, tuple[tuple[str, LabelKind], ...]]
    related_markers: tuple[str, ...]
    sponsored_markers: tuple[str, ...]
    drop_words: frozenset[str]
    chrome_words: frozenset[str]
    hosts: frozenset[str]
    brands: frozenset[str]
    segments: frozenset[str]
    extensions: frozenset[str]
    tracking: frozenset[str]
    tracking_prefixes: tuple[str, ...]
    archives: frozenset[str]

    def label_kind(self, text: str) -> LabelKind | None:
        """The kind of block a heading announces, or None when it is no known label."""
        key = label_key(text)
        if not key or len(key) > 60:
            return None
        kind = self.labels.get(key)
        if kind is not None:
            return kind
        for cue, cue_kind in self.prefix_candidates(key):
            if key.startswith(cue) and not key[len(cue)].isalnum():
                return cue_kind
        return None

    def prefix_candidates(self, key: str) -> tuple[tuple[str, LabelKind], ...]:
        """Prefix labels that may open ``key`` (a label key), longest first."""
        first = key.split(" ", 1)[0]
        by_word = self.prefix_index.get(first, ())
        by_letter = self.prefix_index.get("\0" + key[:1], ())
        return by_word + by_letter if by_letter else by_word


@lru_cache(maxsize=1)
def cues() -> RelatedCues:
    """The cues, read once."""
    labels: dict[str, LabelKind] = {}
    # Sponsored and drop first so a label listed twice keeps the safer meaning.
    raw = _sections("related_labels.txt")
    for kind in ("ad", "sponsored", "drop", "related", "more"):
        for entry in raw.get(kind, ()):
            labels.setdefault(label_key(entry), kind)
    # Very short words ("news", "next", "tags") only count as whole labels.
    prefixes = sorted(
        ((k, v) for k, v in labels.items() if len(k) >= 5 or " " in k or not k.isascii()),
        key=lambda kv: -len(kv[0]),
    )
    index: dict[str, list[tuple[str, LabelKind]]] = {}
    for cue, kind in prefixes:
        word = cue.split(" ", 1)[0]
        if word == cue and not cue.isascii():
            index.setdefault("\0" + cue[:1], []).append((cue, kind))
        else:
            index.setdefault(word, []).append((cue, kind))
    markers = _sections("related_markers.txt")
    urls = _sections("related_urls.txt")
    tracking = [t.casefold() for t in urls.get("tracking", ())]
    return RelatedCues(
        labels=labels,
        label_prefixes=tuple(prefixes),
        prefix_index={k: tuple(v) for k, v in index.items()},
        related_markers=tuple(markers.get("related", ())),
        sponsored_markers=tuple(markers.get("sponsored", ())),
        drop_words=frozenset(markers.get("drop", ())),
        chrome_words=frozenset(markers.get("chrome", ())),
        hosts=frozenset(h.casefold() for h in urls.get("hosts", ())),
        brands=frozenset(b.casefold() for b in urls.get("brands", ())),
        segments=frozenset(s.casefold() for s in urls.get("segments", ())),
        extensions=frozenset(e.casefold() for e in urls.get("extensions", ())),
        tracking=frozenset(t for t in tracking if not t.endswith("*")),
        tracking_prefixes=tuple(t[:-1] for t in tracking if t.endswith("*")),
        archives=frozenset(a.casefold() for a in urls.get("archives", ())),
    )
