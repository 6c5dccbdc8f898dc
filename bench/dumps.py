"""Text-dump cleaning benchmark: speed against a simple baseline, and linearity in size.

    python bench/dumps.py [--dumps ../shared/corpus/scrapinghub-dev/dumps] [--repeat 5] [--cpu]

Prints median and p95 ms per dump for ``reader.core.text.extract_text_page`` and for
``peers.dump_longest_block`` (../shared/tools/peers.py) measured in the same run
(best of --repeat per page, to damp noise on a busy machine), their ratio, and ms
per 10 kB on one page repeated 1, 2, 4, 8 and 16 times (flat when linear). With
--cpu the process's CPU time is measured instead of wall time: steadier when other
jobs share the cores.

Quality is measured with the shared scorer; ``extract_for_scorer`` is its adapter:

    .venv/bin/python ../shared/tools/score_extraction.py \\
        --data ../shared/corpus/scrapinghub-dev --data ../shared/corpus/multilingual-dev \\
        --data ../shared/corpus/readability-dev --mode dump \\
        --extractor bench.dumps:extract_for_scorer --extractor peers:dump_longest_block
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.text import extract_text_page  # noqa: E402


def extract_for_scorer(text: str) -> dict[str, Any]:
    """The scorer's dump-mode callable: article text (lead, then body), title, author, date.

    The lead (standfirst) is shown above the body by the reader, so it is scored as
    article text; ``Article.text`` itself holds the body only.
    """
    article = extract_text_page(text)
    body = article.text
    if article.lead:
        body = f"{article.lead}\n\n{body}" if body else article.lead
    return {
        "text": body,
        "title": article.title,
        "author": article.byline,
        "date": article.published.isoformat() if article.published else None,
    }


def _baseline() -> Callable[[str], Any] | None:
    tools = SHARED / "tools"
    if not (tools / "peers.py").exists():
        return None
    sys.path.insert(0, str(tools))
    try:
        import peers  # type: ignore[import-not-found]
    except ImportError:
        return None
    fn: Callable[[str], Any] = peers.dump_longest_block
    return fn


_CLOCK = time.perf_counter


def _time(fn: Callable[[str], Any], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = _CLOCK()
        fn(text)
        best = min(best, _CLOCK() - t0)
    return best * 1000


def _summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def main() -> None:
    """Run the benchmark and print its table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dumps", type=Path, default=SHARED / "corpus" / "scrapinghub-dev" / "dumps")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cpu", action="store_true", help="time CPU use instead of wall-clock time")
    args = ap.parse_args()
    global _CLOCK
    if args.cpu:
        _CLOCK = time.process_time
    files = sorted(args.dumps.glob("*.txt"))
    if not files:
        sys.exit(f"no dumps in {args.dumps}")
    texts = [f.read_text("utf-8") for f in files]
    extract_text_page(texts[0])  # warm-up: cue data, compiled patterns
    baseline = _baseline()
    ours = [_time(extract_text_page, t, args.repeat) for t in texts]
    med, p95 = _summary(ours)
    print(f"dumps: {len(texts)} from {args.dumps}")
    print(f"{'extractor':<26} {'median ms':>10} {'p95 ms':>8}")
    print(f"{'extract_text_page':<26} {med:>10.2f} {p95:>8.2f}")
    if baseline is not None:
        base = [_time(baseline, t, args.repeat) for t in texts]
        bmed, bp95 = _summary(base)
        print(f"{'peers.dump_longest_block':<26} {bmed:>10.2f} {bp95:>8.2f}")
        print(f"ratio (ours / baseline): median {med / bmed:.1f}x, p95 {p95 / bp95:.1f}x")
    sample = max(texts, key=len)
    print(f"linearity (largest dump, {len(sample) // 1000} kB, repeated n times):")
    for n in (1, 2, 4, 8, 16):
        text = "\n\n".join([sample] * n)
        ms = _time(extract_text_page, text, max(1, args.repeat // 2))
        print(f"  n={n:<3} {len(text) // 1000:>6} kB {ms:>9.2f} ms  {ms / (len(text) / 10_000):.3f} ms per 10 kB")


if __name__ == "__main__":
    main()
