"""The built-in entity engine against the shared gold file and the French example (skipped when absent)."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reader.core.entities import find_entities
from tests.conftest import SHARED, corpus_dir

SCORER = SHARED / "tools" / "score_entities.py"
EXAMPLE = SHARED / "examples" / "text-dump-fr"


def _scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("shared scorer not available")
    spec = importlib.util.spec_from_file_location("score_entities", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(text: str, lang: str) -> list[dict[str, Any]]:
    return [{"text": e.name, "type": e.type, "count": e.count} for e in find_entities(text, lang=lang)]


def test_gold_file_f1_and_type_accuracy_in_every_language_group() -> None:
    gold: Path = corpus_dir("entities-dev.json")
    scorer = _scorer()
    docs = json.loads(gold.read_text(encoding="utf-8"))
    groups: dict[str, Counter[str]] = {}
    for doc in docs:
        result = scorer.score(doc, _rows(doc["text"], doc["lang"]))
        group = doc["lang"] if doc["lang"] in ("en", "fr") else "other"
        groups.setdefault(group, Counter()).update({k: v for k, v in result.items() if isinstance(v, int)})
    assert set(groups) == {"en", "fr", "other"}
    for group, agg in groups.items():
        _, _, f1, type_acc, _ = scorer.prf(agg)
        assert f1 >= 0.90, (group, f1)
        assert type_acc >= 0.85, (group, type_acc)


def test_gold_file_mentions_are_exact_offsets() -> None:
    gold: Path = corpus_dir("entities-dev.json")
    for doc in json.loads(gold.read_text(encoding="utf-8")):
        for entity in find_entities(doc["text"], lang=doc["lang"]):
            assert entity.count == len(entity.mentions)
            for start, end in entity.mentions:
                assert doc["text"][start:end].upper() in {f.upper() for f in (entity.name, *entity.aliases)}


def _french_article() -> tuple[str, str]:
    """Title and body of the example page as the extractor should hand them over."""
    if not (EXAMPLE / "page.txt").exists():
        pytest.skip("shared French example not available")
    page = (EXAMPLE / "page.txt").read_text(encoding="utf-8")
    lines = page.split("\n")
    title, lead = lines[1], lines[5]
    start = page.index("Bien que beaucoup")
    end = page.index("dans les mois à venir.") + len("dans les mois à venir.")
    body = "\n".join(line for line in page[start:end].split("\n") if not line.startswith(">>"))
    return title, lead + "\n\n" + re.sub(r"\n{3,}", "\n\n", body)


def test_french_example_entities() -> None:
    title, text = _french_article()
    found = {e.name: e for e in find_entities(text, title=title, lang="fr")}
    expected = {
        "Elon Musk": "PER", "Sam Altman": "PER", "Greg Brockman": "PER", "Bill Gates": "PER",
        "Robert Downey Jr.": "PER", "OpenAI": "ORG", "Microsoft": "ORG", "Tesla": "ORG",
        "JeuxVideo": "ORG", "ChatGPT": "MISC",
    }
    for name, etype in expected.items():
        assert name in found, name
        assert found[name].type == etype, name
    assert set(found) <= set(expected) | {"France 2", "3DJuegos"}
    assert "Musk" in found["Elon Musk"].aliases and "M. Musk" in found["Elon Musk"].aliases
    assert "Altman" in found["Sam Altman"].aliases
    assert "Brockman" in found["Greg Brockman"].aliases
    assert next(iter(found)) == "Elon Musk"  # most mentioned first
    for word in ("Tech", "Publié", "Mots", "Tendances", "La suite", "Sud-Africain", "Apple", "Justine Musk"):
        assert word not in found
    for entity in found.values():
        for start, end in entity.mentions:
            assert text[start:end] in (entity.name, *entity.aliases)
