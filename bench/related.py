"""Related-links benchmark: the scorer's adapter, and what finding related links costs per page.

    python ../shared/tools/score_related.py \\
        ../shared/corpus/scrapinghub-dev/related-gold.json bench.related:predict
    python bench/related.py [--data ../shared/corpus/scrapinghub-dev] [--repeat 5]

The second form prints, over every page of the corpus's ``html/`` folder, the
median and p95 milliseconds that :func:`find_related` adds to an extraction
(best of ``--repeat`` runs per page, URL caches emptied before each run), the
same for the whole ``extract_html`` as the peer it rides on, and their ratio.
Times are CPU time of this process (``time.process_time``): on a shared machine
wall time mostly measures the other processes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def predict(html: str, url: str | None) -> list[dict[str, Any]]:
    """Scorer adapter: the related list of the extracted article."""
    from reader.core.html import extract_html

    article = extract_html(html, url)
    return [{"url": r.url, "title": r.title, "kind": r.kind} for r in article.related]


def _pages(data: Path) -> list[tuple[str, str, str | None]]:
    truth_path = data / "ground-truth.json"
    truth = json.loads(truth_path.read_text("utf-8")) if truth_path.exists() else {}
    out = []
    for path in sorted((data / "html").iterdir()):
        pid = path.name.split(".")[0]
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            raw = gzip.decompress(raw)
        entry = truth.get(pid) or {}
        out.append((pid, raw.decode("utf-8", "replace"), entry.get("url")))
    return out


def _cold() -> None:
    """Empty the URL caches so every timed run pays what a new page pays."""
    from reader.core.html import related_page, related_urls

    related_page._words_verdict.cache_clear()
    related_page.class_verdict.cache_clear()
    related_urls._resolve.cache_clear()
    related_urls.facts.cache_clear()


def _best(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _cold()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED / "corpus" / "scrapinghub-dev")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    from reader.core.html import extract_html
    from reader.core.html.parse import parse_html
    from reader.core.html.related import find_related

    ours: list[float] = []
    whole: list[float] = []
    slowest = ("", 0.0)
    for pid, html, url in _pages(args.data):
        root = parse_html(html)
        if root is None:
            continue
        article = extract_html(html, url)
        ms = _best(lambda root=root, url=url, body=article.body: find_related(root, url, body), args.repeat)
        ours.append(ms)
        whole.append(_best(lambda html=html, url=url: extract_html(html, url), max(1, args.repeat // 2)))
        if ms > slowest[1]:
            slowest = (pid, ms)
    if not ours:
        raise SystemExit(f"no pages under {args.data / 'html'}")
    p95 = statistics.quantiles(ours, n=20)[-1] if len(ours) >= 20 else max(ours)
    med, med_whole = statistics.median(ours), statistics.median(whole)
    print(f"pages {len(ours)}")
    print(f"find_related  median {med:.2f} ms  p95 {p95:.2f} ms  slowest {slowest[1]:.2f} ms ({slowest[0][:12]})")
    print(f"extract_html  median {med_whole:.2f} ms (peer, includes find_related)")
    print(f"ratio         {med / med_whole:.3f} of an extraction")


if __name__ == "__main__":
    main()
