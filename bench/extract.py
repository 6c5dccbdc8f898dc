"""Extraction benchmark: reader.extract next to trafilatura and readability-lxml, in one run.

    python bench/extract.py [--data ../shared/corpus/scrapinghub-dev] [--repeat 3]

Prints F1 (scored like ../shared/tools/score_extraction.py: 4-token shingles,
mean P and mean R over pages), pages with F1 > 0.9, median and p95 ms per page
(best of --repeat runs per page, to damp noise on a busy machine), the slowest
page, and our time as a ratio of each peer's. The complete extract() is timed:
text, metadata, related links and entities. Times are CPU time of this process
(time.process_time) unless --wall is given: on a shared machine wall time
mostly measures the other jobs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _ours(html: str, url: str | None) -> str:
    import reader

    return reader.extract(html, url).text


def _trafilatura(**options: Any) -> Callable[[str, str | None], str]:
    def run(html: str, url: str | None) -> str:
        import trafilatura

        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)
        return (doc.text or "") if doc else ""

    return run


def _readability(html: str, url: str | None) -> str:
    from readability import Document

    sys.path.insert(0, str(SHARED / "tools"))
    from score_extraction import html_to_text

    return str(html_to_text(Document(html, url=url).summary(html_partial=True)))


EXTRACTORS: dict[str, Callable[[str, str | None], str]] = {
    "broadsheet": _ours,
    "trafilatura default": _trafilatura(),
    "trafilatura precision": _trafilatura(favor_precision=True),
    "readability-lxml": _readability,
}


def load_pages(data: Path) -> list[tuple[str, str, str | None, str]]:
    """(id, html, url, true body) for each page of a scrapinghub-layout folder."""
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    pages = []
    for pid, gt in sorted(truth.items()):
        html = (data / "html" / f"{pid}.html").read_text("utf-8", errors="replace")
        pages.append((pid, html, gt.get("url"), gt.get("articleBody") or ""))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED / "corpus" / "scrapinghub-dev")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", help="run only these extractors")
    parser.add_argument("--wall", action="store_true", help="time wall clock, not CPU")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(f"skipped: {args.data} not found")
        return 0
    sys.path.insert(0, str(SHARED / "tools"))
    from score_extraction import page_scores

    clock = time.perf_counter if args.wall else time.process_time
    pages = load_pages(args.data)
    names = [n for n in EXTRACTORS if not args.only or n in args.only]
    for name in names:  # warm-up: imports, lazy data
        EXTRACTORS[name](pages[0][1], pages[0][2])
    times: dict[str, list[float]] = {n: [] for n in names}
    scores: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
    slowest: dict[str, tuple[float, str]] = {n: (0.0, "") for n in names}
    for pid, html, url, truth in pages:
        for name in names:  # interleaved, so load on the machine hits every extractor alike
            best, text = float("inf"), ""
            for _ in range(args.repeat):
                t0 = clock()
                text = EXTRACTORS[name](html, url)
                best = min(best, (clock() - t0) * 1000)
            times[name].append(best)
            scores[name].append(page_scores(truth, text))
            if best > slowest[name][0]:
                slowest[name] = (best, pid[:12])
    print(f"{len(pages)} pages from {args.data}; {'wall' if args.wall else 'CPU'} ms, best of {args.repeat}")
    print(f"{'extractor':24} {'P':>6} {'R':>6} {'F1':>6} {'>0.9':>6} {'med ms':>7} {'p95 ms':>7} {'max ms':>7}")
    medians: dict[str, float] = {}
    p95s: dict[str, float] = {}
    for name in names:
        rows = scores[name]
        p = statistics.fmean(r["p"] for r in rows if r["has_pred"]) if any(r["has_pred"] for r in rows) else 0.0
        r_ = statistics.fmean(r["r"] for r in rows if r["has_true"])
        f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        share = statistics.fmean(r["f1"] > 0.9 for r in rows)
        ts = sorted(times[name])
        medians[name] = statistics.median(ts)
        p95s[name] = ts[min(len(ts) - 1, int(0.95 * len(ts)))]
        print(f"{name:24} {p:6.3f} {r_:6.3f} {f1:6.3f} {share:6.3f} {medians[name]:7.1f} "
              f"{p95s[name]:7.1f} {slowest[name][0]:7.1f}  ({slowest[name][1]})")
    if "broadsheet" in names:
        for name in names:
            if name != "broadsheet":
                print(f"broadsheet / {name}: median x{medians['broadsheet'] / medians[name]:.2f}, "
                      f"p95 x{p95s['broadsheet'] / p95s[name]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
