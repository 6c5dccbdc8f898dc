"""Broadsheet as an extractor for the shared scorer: ``run(html, url)`` on the complete extract().

    PYTHONPATH=. .venv/bin/python ../shared/tools/score_extraction.py \\
        --data ../shared/corpus/scrapinghub-dev --data ../shared/corpus/multilingual-dev \\
        --data ../shared/corpus/readability-dev \\
        --extractor bench.quality:run --extractor peers:trafilatura_default
"""

from __future__ import annotations

from typing import Any

from reader.core.extract import extract


def run(html: str, url: str | None) -> dict[str, Any]:
    """Text, title, byline and published date of one page, in the scorer's record form."""
    article = extract(html, url)
    return {
        "text": article.text,
        "title": article.title,
        "author": article.byline,
        "date": article.published.isoformat() if article.published else None,
    }


def _best(fn: Any, repeat: int) -> float:
    import time

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Per-stage time split against trafilatura default on one dataset, best of N per page.

        .venv/bin/python -m bench.quality [--data ../shared/corpus/scrapinghub-dev] [--repeat 3]
    """
    import argparse
    import json
    import statistics
    from functools import partial
    from pathlib import Path

    import trafilatura

    from reader.core.html import extract_html
    from reader.core.html.parse import parse_html
    from reader.core.html.related import find_related

    root_dir = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--data", type=Path, default=root_dir.parent / "shared/corpus/scrapinghub-dev")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    pages = [
        ((args.data / "html" / f"{pid}.html").read_text("utf-8"), gt.get("url"))
        for pid, gt in sorted(truth.items())
    ]
    times: dict[str, list[float]] = {"extract()": [], "extract_html()": [], "find_related()": [],
                                     "trafilatura default": []}
    for html, url in pages[:1]:
        extract(html, url)
        trafilatura.bare_extraction(html, url=url, with_metadata=True)
    for html, url in pages:
        article = extract_html(html, url)
        root = parse_html(html)
        times["extract()"].append(_best(partial(extract, html, url), args.repeat))
        times["extract_html()"].append(_best(partial(extract_html, html, url), args.repeat))
        times["find_related()"].append(
            _best(partial(find_related, root, url, article.body), args.repeat))
        times["trafilatura default"].append(_best(
            partial(trafilatura.bare_extraction, html, url=url, with_metadata=True), args.repeat))
    peer = times["trafilatura default"]
    med_peer, p95_peer = statistics.median(peer), sorted(peer)[int(0.95 * len(peer))]
    print(f"{len(pages)} pages from {args.data}, best of {args.repeat}")
    for name, values in times.items():
        med, p95 = statistics.median(values), sorted(values)[int(0.95 * len(values))]
        print(f"{name:20s} median {med * 1000:7.1f} ms (x{med / med_peer:.2f})  "
              f"p95 {p95 * 1000:7.1f} ms (x{p95 / p95_peer:.2f})  max {max(values) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
