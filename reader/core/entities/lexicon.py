"""The engine's word lists, read once from the package's data files on first use."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from reader.core.models import EntityType

# Lower-case words inside names: particles of people's names, "of"-like words of
# institutions' names, and conjunctions ("Securities and Exchange Commission").
NAME_PARTICLES = frozenset({"van", "von", "ter", "ten", "zu", "bin", "ibn", "al", "el", "dos", "das"})
PERSON_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "do", "van", "von", "der", "den", "le", "la",
                              "dos", "das"})
OF_WORDS = frozenset({"of", "de", "du", "des", "di", "del", "della", "dello", "degli", "delle", "dei", "da", "do",
                      "dos", "das", "der", "den", "für", "for", "the", "la", "le", "les", "el", "los", "las", "et",
                      "y", "e", "and", "und", "&"}) | NAME_PARTICLES
ARTICLES = frozenset({"the", "la", "le", "les", "l", "el", "los", "las", "der", "die", "das"})
CONJ = frozenset({"and", "und", "et", "y", "e", "&"})

#: Languages that have their own section in ``stopwords.txt``.
LANGS: tuple[str, ...] = ("en", "fr", "de", "es", "it", "pt", "nl")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-folded form used as a lookup key."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@cache
def _sections(name: str, *, split_words: bool) -> dict[str, list[str]]:
    """Entries of one data file, by section ("*" before any header)."""
    raw = (_DATA / name).read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    section = "*"
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out.setdefault(section, []).extend(line.split() if split_words else [line])
    return out


@dataclass(frozen=True, slots=True)
class Known:
    """A gazetteer entry: its type and the display name of its line."""

    type: EntityType
    canonical: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All word lists, as folded-key sets and maps."""

    stopwords: dict[str, frozenset[str]]
    #: Grammar word (as written, lower case) -> languages it belongs to.
    stop_langs: dict[str, tuple[str, ...]]
    all_stopwords: frozenset[str]
    calendar: frozenset[str]
    courtesy: frozenset[str]
    jobs: frozenset[str]
    modifiers: frozenset[str]
    roles: frozenset[str]
    portfolio: frozenset[str]
    name_suffix: frozenset[str]
    appositive: dict[str, EntityType]
    person_verbs: frozenset[str]
    common: frozenset[str]
    demonyms: frozenset[str]
    given: frozenset[str]
    org_suffix: frozenset[str]
    org_prefix: frozenset[str]
    org_word: frozenset[str]
    loc_word: frozenset[str]
    loc_prefix: frozenset[str]
    loc_prep: dict[str, frozenset[str]]
    org_adjective: frozenset[str]
    noun_endings: tuple[str, ...]
    term_markers: frozenset[str]
    loc_of: frozenset[str]
    misc_word: frozenset[str]
    misc_prefix: frozenset[str]
    known: dict[str, Known]
    #: First words of known names that have a lower-case word ("union" of "Union européenne").
    known_heads: frozenset[str]
    abbreviations: frozenset[str]

    def is_stop(self, word: str, lang: str | None) -> bool:
        """Whether ``word`` is a grammar word of ``lang`` (of any language when unknown)."""
        key = fold(word)
        if lang in self.stopwords:
            return key in self.stopwords[lang]
        return key in self.all_stopwords


def _fold_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() if w.isascii() else fold(w) for w in words)


_DATA = Path(__file__).parent / "data"


@cache
def lexicon() -> Lexicon:
    """The word lists, loaded on first call and shared afterwards."""
    stop = _sections("stopwords.txt", split_words=True)
    titles = _sections("titles.txt", split_words=True)
    orgs = _sections("org_cues.txt", split_words=True)
    locs = _sections("loc_cues.txt", split_words=True)
    misc = _sections("misc_cues.txt", split_words=True)
    known: dict[str, Known] = {}
    for filename in ("places.txt", "orgs.txt"):
        for section, lines in _sections(filename, split_words=False).items():
            etype: EntityType = "LOC" if filename == "places.txt" else (
                "MISC" if section == "misc" else "ORG"
            )
            for line in lines:
                forms = line.split("|")
                entry = Known(etype, forms[0])
                for form in forms:
                    known.setdefault(form.lower() if form.isascii() else fold(form), entry)
    appositive: dict[str, EntityType] = {}
    for section, words in _sections("appositives.txt", split_words=True).items():
        if section in ("ORG", "LOC", "MISC"):
            for word in words:
                appositive.setdefault(fold(word), section)  # type: ignore[arg-type]
    markers = _sections("appositives.txt", split_words=True).get("NONE", [])
    preps = {key.split(":", 1)[1]: frozenset(words) for key, words in locs.items() if key.startswith("prep:")}
    preps["*"] = frozenset(w for words in preps.values() for w in words if w != "a")
    courtesy = titles.get("courtesy", [])
    jobs = titles.get("job", [])
    suffixes = orgs.get("suffix", [])
    calendar = _sections("calendar.txt", split_words=True).get("*", [])
    abbreviations = {
        w for w in courtesy + jobs + suffixes + locs.get("word", []) + calendar + titles.get("name_suffix", [])
        if w.endswith(".")
    }
    stop_langs: dict[str, tuple[str, ...]] = {}
    for lang, words in stop.items():
        for word in words:
            for form in {word.lower(), fold(word)} if not word.isascii() else (word.lower(),):
                if lang not in stop_langs.get(form, ()):
                    stop_langs[form] = (*stop_langs.get(form, ()), lang)
    lex = Lexicon(
        stopwords={lang: _fold_set(words) for lang, words in stop.items()},
        stop_langs=stop_langs,
        all_stopwords=_fold_set([w for words in stop.values() for w in words]),
        calendar=_fold_set(calendar),
        courtesy=_fold_set(courtesy),
        jobs=_fold_set(jobs),
        modifiers=_fold_set(titles.get("modifier", [])),
        roles=_fold_set(titles.get("role", []) + jobs),
        portfolio=_fold_set(titles.get("portfolio", [])),
        name_suffix=_fold_set(titles.get("name_suffix", [])),
        appositive=appositive,
        person_verbs=_fold_set(_sections("person_verbs.txt", split_words=True).get("*", [])),
        common=_fold_set(_sections("common_caps.txt", split_words=True).get("*", [])),
        demonyms=_fold_set(_sections("demonyms.txt", split_words=True).get("*", [])),
        given=_fold_set(_sections("given_names.txt", split_words=True).get("*", [])),
        org_suffix=_fold_set(suffixes),
        org_prefix=_fold_set(orgs.get("prefix", [])),
        org_word=_fold_set(orgs.get("word", [])),
        loc_word=_fold_set(locs.get("word", [])),
        loc_prefix=_fold_set(locs.get("prefix", [])),
        loc_prep=preps,
        org_adjective=_fold_set(orgs.get("adjective", [])),
        noun_endings=tuple(sorted({fold(w) for w in orgs.get("noun_ending", [])})),
        term_markers=_fold_set(markers),
        loc_of=_fold_set(_sections("appositives.txt", split_words=True).get("LOC_OF", [])),
        misc_word=_fold_set(misc.get("word", [])),
        misc_prefix=_fold_set(misc.get("prefix", [])),
        known=known,
        known_heads=frozenset(key.split()[0] for key in known if " " in key),
        abbreviations=_fold_set(sorted(abbreviations)),
    )
    _sections.cache_clear()  # each file is read once; only the lists above are kept
    return lex
