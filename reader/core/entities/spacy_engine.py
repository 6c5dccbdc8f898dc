"""Optional spaCy engine: an installed pipeline for the article's language, merged with the built-in one.

Nothing here imports spaCy until a pipeline is needed, and no pipeline ever runs
on text of another language. Install with the ``broadsheet[nlp]`` extra plus a
pipeline package such as ``fr-core-news-sm``.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from reader.core.entities.builtin import find_entities
from reader.core.entities.lexicon import fold, lexicon
from reader.core.models import Entity, EntityType

#: Pipeline packages tried for each language, best first.
PIPELINES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"),
    "fr": ("fr_core_news_sm", "fr_core_news_md", "fr_core_news_lg"),
    "de": ("de_core_news_sm", "de_core_news_md", "de_core_news_lg"),
    "es": ("es_core_news_sm", "es_core_news_md", "es_core_news_lg"),
    "it": ("it_core_news_sm", "it_core_news_md", "it_core_news_lg"),
    "pt": ("pt_core_news_sm", "pt_core_news_md", "pt_core_news_lg"),
    "nl": ("nl_core_news_sm", "nl_core_news_md", "nl_core_news_lg"),
}
# OntoNotes and WikiNER labels to ours; NORP (nationalities) are not entities here.
LABELS: dict[str, EntityType] = {
    "PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "MISC": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}
# Only the named-entity recogniser and what it reads are loaded.
_EXCLUDE = ["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter", "tagger"]

Span = tuple[int, int, EntityType]
_SENTENCE_START = re.compile(r"(?:[.!?…:\n]|^)[\s\"“«(]*$")


def installed_pipeline(lang: str) -> str | None:
    """The name of an installed pipeline package for ``lang``, or None."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for package in PIPELINES.get(lang, ()):
        if importlib.util.find_spec(package) is not None:
            return package
    return None


def detect_language(text: str) -> str | None:
    """The language of ``text`` by py3langid (which ships its own model), or None."""
    try:
        import py3langid
    except ImportError:
        return None
    lang, _ = py3langid.classify(text[:2000])
    return str(lang) if lang else None


class SpacyEngine:
    """Built-in results, refined and completed by spaCy where a pipeline for the language exists."""

    name = "spacy"

    def __init__(
        self,
        loader: Callable[[str], Callable[[str], Sequence[Span]]] | None = None,
        resolver: Callable[[str], str | None] = installed_pipeline,
    ) -> None:
        self._loader = loader or _load_spacy
        self._resolver = resolver
        self._models: dict[str, Callable[[str], Sequence[Span]]] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()

    def preload(self, lang: str) -> None:
        """Start loading the pipeline for ``lang`` in the background (no-op if none is installed)."""
        with self._lock:
            if lang in self._models or lang in self._threads or self._resolver(lang) is None:
                return
            thread = threading.Thread(target=self._load, args=(lang,), daemon=True, name=f"spacy-{lang}")
            self._threads[lang] = thread
        thread.start()

    def _load(self, lang: str) -> None:
        package = self._resolver(lang)
        if package is not None:
            model = self._loader(package)
            with self._lock:
                self._models[lang] = model

    def ready(self, lang: str) -> bool:
        """Whether the pipeline for ``lang`` is loaded."""
        return lang in self._models

    def model(self, lang: str, *, wait: bool = True) -> Callable[[str], Sequence[Span]] | None:
        """The loaded pipeline for ``lang``; loads it (or waits for the background load) if ``wait``."""
        if lang not in self._models:
            self.preload(lang)
            thread = self._threads.get(lang)
            if thread is not None and wait:
                thread.join()
        return self._models.get(lang)

    def find(self, text: str, *, title: str = "", lang: str | None = None,
             wait: bool = True) -> tuple[Entity, ...]:
        """Built-in entities merged with the pipeline's, when the article's language has one."""
        base = find_entities(text, title=title, lang=lang)
        language = (lang or "").split("-")[0].lower() or detect_language(text)
        if not language or (language not in self._models and self._resolver(language) is None):
            return base
        model = self.model(language, wait=wait)
        if model is None:
            return base
        return merge(text, base, model(text))


def _load_spacy(package: str) -> Callable[[str], Sequence[Span]]:
    import spacy

    nlp: Any = spacy.load(package, exclude=_EXCLUDE)

    def run(text: str) -> list[Span]:
        out: list[Span] = []
        for ent in nlp(text).ents:
            etype = LABELS.get(ent.label_)
            if etype is not None:
                out.append((ent.start_char, ent.end_char, etype))
        return out

    return run


def _plausible(surface: str) -> bool:
    """Filter the pipeline's own slips: lower-case words, dates, demonyms, grammar words."""
    lex = lexicon()
    words = surface.split()
    if not words or not surface[0].isupper() or len(surface) < 2 or "\n" in surface:
        return False
    key = fold(surface)
    if key in lex.demonyms or key in lex.calendar or key in lex.common or key in lex.all_stopwords:
        return False
    return not (len(words) == 1 and (key in lex.jobs or key in lex.courtesy))


def merge(text: str, base: tuple[Entity, ...], spans: Sequence[Span]) -> tuple[Entity, ...]:
    """Built-in entities with the pipeline's types where it disagrees firmly, plus names it alone found."""
    owner: dict[int, int] = {}
    for index, entity in enumerate(base):
        for start, end in entity.mentions:
            for pos in range(start, end):
                owner[pos] = index
    by_name = {fold(form): i for i, e in enumerate(base) for form in (e.name, *e.aliases)}
    votes: dict[int, Counter[EntityType]] = {}
    extra: dict[str, list[tuple[int, int, EntityType]]] = {}
    for start, end, etype in spans:
        surface = text[start:end].strip()
        hit = next((owner[p] for p in range(start, end) if p in owner), None)
        if hit is None:
            hit = by_name.get(fold(surface))
        if hit is not None:
            votes.setdefault(hit, Counter())[etype] += 1
        elif _plausible(surface):
            extra.setdefault(surface, []).append((start, start + len(surface), etype))
    out: list[Entity] = []
    for index, entity in enumerate(base):
        counter = votes.get(index)
        if counter and len(counter) == 1:
            # the pipeline overrides only when it tags every mention alike
            agreed, n = counter.most_common(1)[0]
            if agreed != entity.type and n >= max(2, len(entity.mentions)):
                entity = replace(entity, type=agreed)
        out.append(entity)
    taken = set(owner)
    for surface, found in extra.items():
        mentions = []
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            boundary = (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if boundary and not any(p in taken for p in range(start, end)):
                mentions.append((start, end))
                taken.update(range(start, end))
            start = text.find(surface, end)
        if mentions and (len(surface.split()) > 1 or any(
            text[max(0, a - 3):a] and not _SENTENCE_START.search(text[max(0, a - 3):a]) for a, _ in mentions
        )):
            # a lone capitalised word seen only at sentence starts proves nothing
            best: EntityType = Counter(t for _, _, t in found).most_common(1)[0][0]
            out.append(Entity(name=surface, type=best, count=len(mentions), mentions=tuple(mentions)))
    out.sort(key=lambda e: (-e.count, e.mentions[0][0] if e.mentions else len(text)))
    return tuple(out)
