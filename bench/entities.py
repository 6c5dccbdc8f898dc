"""Entity engine benchmark: quality on the shared gold file, speed against peers, load time.

    .venv/bin/python -m bench.entities [--rounds 5] [--spacy]

Quality is scored with ../shared/tools/score_entities.py (unique names, per language
group). Speed is the median time per article of the built-in engine, measured in
the same run as two peers so that a loaded machine shows up in both: a naive
capitalised-words regex (the floor) and, with --spacy, spaCy's French pipeline on
the French text (the reference the engine must beat thirty-fold).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "corpus" / "entities-dev.json"
SCORER = SHARED / "tools" / "score_entities.py"

_NAIVE = re.compile(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*")


def naive(text: str, lang: str) -> list[dict[str, Any]]:
    """Peer: every run of capitalised words is a name (the floor of speed and quality)."""
    del lang
    counts = Counter(_NAIVE.findall(text))
    return [{"name": name, "type": "MISC", "count": n} for name, n in counts.items()]


def builtin(text: str, lang: str) -> list[dict[str, Any]]:
    """The built-in engine."""
    from reader.core.entities import find_entities

    return [{"name": e.name, "type": e.type, "count": e.count} for e in find_entities(text, lang=lang)]


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_entities", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quality(docs: list[dict[str, Any]], run: Callable[[str, str], list[dict[str, Any]]]
            ) -> dict[str, dict[str, float]]:
    """P, R, F1 and type accuracy per language group (en, fr, other, all)."""
    scorer = _scorer()
    groups: dict[str, Counter[str]] = {}
    for doc in docs:
        rows = [dict(r, text=r["name"]) for r in run(doc["text"], doc["lang"])]
        result = scorer.score(doc, rows)
        group = doc["lang"] if doc["lang"] in ("en", "fr") else "other"
        for key in (group, "all"):
            groups.setdefault(key, Counter()).update({k: v for k, v in result.items() if isinstance(v, int)})
    out = {}
    for key, agg in groups.items():
        p, r, f, ta, _ = scorer.prf(agg)
        out[key] = {"P": p, "R": r, "F1": f, "type": ta, "dup": agg["dup"]}
    return out


def timings(docs: list[dict[str, Any]], runs: dict[str, Callable[[str, str], Any]], rounds: int
            ) -> dict[str, tuple[float, float]]:
    """(median wall ms, median CPU ms) per article of each callable, interleaved so load hits them alike.

    CPU time (process_time) is what the code costs; wall time also counts waiting
    for a busy machine's cores.
    """
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():
        run(docs[0]["text"], docs[0]["lang"])  # warm-up: lazy loading
    for _ in range(rounds):
        for doc in docs:
            for name, run in runs.items():
                w0, c0 = time.perf_counter(), time.process_time()
                run(doc["text"], doc["lang"])
                cpu[name].append((time.process_time() - c0) * 1000)
                wall[name].append((time.perf_counter() - w0) * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in runs}


def load_time() -> dict[str, float]:
    """Milliseconds to import the package, and for the first call (word lists read then)."""
    code = (
        "import time; t0 = time.perf_counter(); import reader.core.models; t1 = time.perf_counter();"
        "import reader.core.entities as e; t2 = time.perf_counter();"
        "e.find_entities('Ada Lovelace met Charles Babbage in London.'); t3 = time.perf_counter();"
        "e.find_entities('Ada Lovelace met Charles Babbage in London.'); t4 = time.perf_counter();"
        "print((t2 - t1) * 1e3, (t3 - t2) * 1e3, (t4 - t3) * 1e3)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    imp, first, second = (float(x) for x in out.stdout.split())
    return {"import_ms": imp, "first_call_ms": first, "second_call_ms": second}


def main() -> None:
    """Print the benchmark as Markdown."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--spacy", action="store_true", help="also time and score the spaCy engine (fr)")
    args = parser.parse_args()
    if not GOLD.exists():
        sys.exit(f"{GOLD} not found: the shared corpus is needed")
    docs = json.loads(GOLD.read_text(encoding="utf-8"))
    print(f"machine: {platform.platform()} / {platform.processor() or platform.machine()}, "
          f"python {platform.python_version()}")
    print("\n| system | group | P | R | F1 | type acc | dup |\n|---|---|---|---|---|---|---|")
    systems: dict[str, Callable[[str, str], list[dict[str, Any]]]] = {"builtin": builtin, "naive": naive}
    if args.spacy:
        from bench.entities_adapter import run_spacy

        systems["spacy engine (fr only)"] = run_spacy
    for name, run in systems.items():
        subset = [d for d in docs if d["lang"] == "fr"] if name.startswith("spacy") else docs
        for group, s in sorted(quality(subset, run).items()):
            print(f"| {name} | {group} | {s['P']:.2f} | {s['R']:.2f} | {s['F1']:.2f} | {s['type']:.2f} | "
                  f"{s['dup']:.0f} |")
    speed = timings(docs, {"builtin": builtin, "naive": naive}, args.rounds)
    (bw, bc), (nw, nc) = speed["builtin"], speed["naive"]
    print(f"\nspeed, all {len(docs)} texts x {args.rounds}, median per text: builtin {bw:.2f} ms wall / "
          f"{bc:.2f} ms CPU; naive regex {nw:.3f} ms wall / {nc:.3f} ms CPU (builtin/naive {bc / nc:.0f}x CPU)")
    if args.spacy:
        import spacy

        nlp = spacy.load("fr_core_news_sm")
        fr = [d for d in docs if d["lang"] == "fr"]
        both = timings(fr, {"builtin": builtin, "spacy": lambda t, _lang: nlp(t)}, args.rounds)
        (bw, bc), (sw, sc) = both["builtin"], both["spacy"]
        print(f"speed, French text x {args.rounds}: builtin {bw:.2f} ms wall / {bc:.2f} ms CPU, "
              f"fr_core_news_sm {sw:.1f} ms wall / {sc:.1f} ms CPU (builtin {sc / bc:.0f}x cheaper in CPU)")
    load = load_time()
    print(f"load: import {load['import_ms']:.1f} ms, first call {load['first_call_ms']:.1f} ms "
          f"(word lists read), next call {load['second_call_ms']:.2f} ms")


if __name__ == "__main__":
    main()
