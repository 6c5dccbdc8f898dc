"""The optional spaCy engine: merging, language gating, background loading (real pipeline when installed)."""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Callable, Sequence

import pytest

from reader.core.entities import find_entities
from reader.core.entities.spacy_engine import SpacyEngine, Span, merge

FR = (
    "Le ministre Paul Durand a visité Lyon mardi. Durand a rencontré les dirigeants de Vexaro, "
    "une entreprise locale. Vexaro emploie trois cents personnes près de Lyon."
)


def _spans(text: str, labelled: dict[str, str]) -> list[Span]:
    out: list[Span] = []
    for surface, etype in labelled.items():
        for match in re.finditer(re.escape(surface), text):
            out.append((match.start(), match.end(), etype))  # type: ignore[arg-type]
    return sorted(out)


def test_merge_confirms_types_and_drops_the_pipelines_sentence_start_slips() -> None:
    text = "Officials met in Quarzburg on Monday. The talks in Quarzburg were calm, said Lena Fisk."
    base = find_entities(text, lang="en")
    assert "Quarzburg" in {e.name for e in base}  # found, typed by its preposition
    merged = merge(text, base, _spans(text, {"Quarzburg": "LOC", "Officials": "PER"}))
    found = {e.name: e for e in merged}
    assert found["Quarzburg"].type == "LOC" and found["Quarzburg"].count == 2
    assert "Officials" not in found  # a sentence-initial word the pipeline alone calls a name


def test_merge_new_entity_gets_every_mention() -> None:
    text = "The film was shot at Ardmoor. Crews left ardmoor early, and Ardmoor was quiet again."
    base = find_entities(text, lang="en")
    merged = {e.name: e for e in merge(text, base, _spans(text, {"Ardmoor": "LOC"}))}
    assert merged["Ardmoor"].type == "LOC"
    assert [text[a:b] for a, b in merged["Ardmoor"].mentions] == ["Ardmoor", "Ardmoor"]


def test_merge_keeps_builtin_type_unless_the_pipeline_agrees_on_every_mention() -> None:
    base = find_entities(FR, lang="fr")
    by_name = {e.name: e for e in base}
    assert by_name["Vexaro"].type == "ORG"
    first = FR.index("Vexaro")
    once = {e.name: e for e in merge(FR, base, [(first, first + len("Vexaro"), "PER")])}
    assert once["Vexaro"].type == "ORG"
    spans = [s for s in _spans(FR, {"Vexaro": "MISC"})]
    everywhere = {e.name: e for e in merge(FR, base, spans)}
    assert everywhere["Vexaro"].type == "MISC"


class _TinyTagger:
    """A stand-in pipeline: tags capitalised words after "visité" as places; records its calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.loaded = threading.Event()

    def load(self, package: str) -> Callable[[str], Sequence[Span]]:
        self.loaded.set()

        def run(text: str) -> list[Span]:
            self.calls.append(package)
            return [(m.start(1), m.end(1), "LOC") for m in re.finditer(r"visité (\w+)", text)]

        return run


def test_engine_runs_a_pipeline_only_for_its_own_language() -> None:
    tagger = _TinyTagger()
    engine = SpacyEngine(loader=tagger.load, resolver=lambda lang: "tiny_fr" if lang == "fr" else None)
    english = "Paul Durand visited Lyon on Tuesday."
    assert engine.find(english, lang="en") == find_entities(english, lang="en")
    assert tagger.calls == [] and not tagger.loaded.is_set()
    result = {e.name: e for e in engine.find(FR, lang="fr")}
    assert tagger.calls == ["tiny_fr"]
    assert result["Lyon"].type == "LOC" and result["Paul Durand"].type == "PER"


def test_engine_detects_the_language_when_the_page_gives_none() -> None:
    if importlib.util.find_spec("py3langid") is None:
        pytest.skip("py3langid not installed")
    tagger = _TinyTagger()
    engine = SpacyEngine(loader=tagger.load, resolver=lambda lang: "tiny_fr" if lang == "fr" else None)
    engine.find(FR)
    assert tagger.calls == ["tiny_fr"]


def test_preload_loads_in_the_background_and_find_can_skip_waiting() -> None:
    gate = threading.Event()
    tagger = _TinyTagger()

    def slow_load(package: str) -> Callable[[str], Sequence[Span]]:
        gate.wait(5)
        return tagger.load(package)

    engine = SpacyEngine(loader=slow_load, resolver=lambda lang: "tiny_fr" if lang == "fr" else None)
    engine.preload("fr")
    assert not engine.ready("fr")
    assert engine.find(FR, lang="fr", wait=False) == find_entities(FR, lang="fr")
    gate.set()
    assert engine.model("fr") is not None
    assert engine.ready("fr")
    engine.find(FR, lang="fr")
    assert tagger.calls == ["tiny_fr"]


@pytest.mark.slow
def test_real_french_pipeline_when_installed() -> None:
    if importlib.util.find_spec("spacy") is None or importlib.util.find_spec("fr_core_news_sm") is None:
        pytest.skip("spaCy's French pipeline is not installed")
    engine = SpacyEngine()
    found = {e.name: e for e in engine.find(FR, lang="fr")}
    assert found["Paul Durand"].type == "PER"
    assert found["Lyon"].type == "LOC"
    for entity in found.values():
        for start, end in entity.mentions:
            assert FR[start:end] in (entity.name, *entity.aliases)
