"""Text-dump cleaning on the scrapinghub-dev whole-page copies: the F1 target."""

from __future__ import annotations

import json
import re
from collections import Counter

from conftest import corpus_dir

from reader.core.text import extract_text_page

_TOKEN = re.compile(r"\w+")
#: The issue's target for the scrapinghub-dev dumps.
F1_FLOOR = 0.93


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def test_scrapinghub_dumps_f1() -> None:
    # Scored as ../shared/tools/score_extraction.py --mode dump: 4-token shingles,
    # mean precision and mean recall over pages, F1 of the two means.
    root = corpus_dir("scrapinghub-dev")
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    precisions: list[float] = []
    recalls: list[float] = []
    for page_id, gold in sorted(truth.items()):
        dump = (root / "dumps" / f"{page_id}.txt").read_text("utf-8")
        art = extract_text_page(dump)
        # As bench/dumps.py:extract_for_scorer: the lead is shown above the body.
        pred = f"{art.lead}\n\n{art.text}" if art.lead else art.text
        t, p = _shingles(gold.get("articleBody") or ""), _shingles(pred)
        tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    prec = sum(precisions) / len(precisions)
    rec = sum(recalls) / len(recalls)
    f1 = 2 * prec * rec / (prec + rec)
    assert len(truth) >= 50
    assert f1 >= F1_FLOOR, f"F1 {f1:.3f} (P {prec:.3f}, R {rec:.3f})"
