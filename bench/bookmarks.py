"""Bookmarks library benchmark: opening, search and import with 10,000 bookmarks.

    .venv/bin/python bench/bookmarks.py [--bookmarks 10000] [--queries 300]

Builds (in a temp dir) a library of synthetic articles with full offline copies and
entities, then prints:

- open: ``Library(path)`` + the first screenful (50, unread first) + ``count()``, as the
  bookmarks screen does; median and max of 20 opens (goal <= 150 ms);
- search: filter-as-you-type queries (each prefix of a word as it is typed, and two-word
  queries), p50 / p95 / max (goal p95 <= 20 ms), next to a ``LIKE '%word%'`` filter
  scanning the same library for a tenth of the same queries (the peer);
- "Mentioned in": ``articles_mentioning`` p95 over entity names;
- import: 10,000 Pocket CSV rows into an empty library (goal <= 3 s), next to a bare
  ``executemany`` of the same rows into a plain SQLite table (the floor).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.models import Article, Block, Entity, Span  # noqa: E402
from reader.storage import Library  # noqa: E402
from reader.storage.importers import JSON_FORMAT_NAME  # noqa: E402

SYLLABLES = [a + b for a in "kmnrstvbdfghl" for b in "aeiou"]
GOALS = {"open": 150.0, "search_p95": 20.0, "import": 3000.0}


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 5))))
    # Most frequent first; as in real text the frequent words are the short ones.
    return sorted(sorted(words), key=lambda word: (len(word), rng.random()))


def _article(rng: random.Random, n: int, words: list[str], weights: list[float],
             people: list[str]) -> Article:
    text_words = rng.choices(words, weights, k=rng.randint(200, 500))
    paragraphs = [" ".join(text_words[i:i + 60]).capitalize() + "." for i in range(0, len(text_words), 60)]
    text = "\n\n".join(paragraphs)
    title = " ".join(rng.choices(words, weights, k=rng.randint(4, 9))).capitalize()
    named = rng.sample(people, 4)
    return Article(
        url=f"https://site{n % 97}.example/story/{n}", title=title, site=f"site{n % 97}.example",
        byline="By " + named[0], lang="en", text=text,
        body=tuple(Block("paragraph", (Span(p),)) for p in paragraphs),
        entities=tuple(Entity(name, "PER", rng.randint(1, 5)) for name in named),
    )


def build_library(path: Path, count: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """A library of ``count`` bookmarks (written through our JSON import, in one go)."""
    words = _vocabulary(rng, 8000)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf, like real text
    people = [f"{a.capitalize()} {b.capitalize()}"
              for a, b in zip(rng.sample(words, 500), rng.sample(words, 500), strict=True)]
    export = path.with_suffix(".json")
    with export.open("w", encoding="utf-8") as out:
        out.write(f'{{"format": "{JSON_FORMAT_NAME}", "bookmarks": [\n')
        for n in range(count):
            article = _article(rng, n, words, weights, people)
            item = {"url": article.url, "title": article.title, "site": article.site,
                    "saved_at": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00.{n:06d}+00:00",
                    "read_at": None, "tags": rng.sample(words[:200], 2), "note": "",
                    "article": article.to_dict()}
            out.write(("," if n else "") + json.dumps(item) + "\n")
        out.write("]}\n")
    with Library(path) as lib:
        lib.import_file(export, "json")
    export.unlink()
    return words, people


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_open(path: Path) -> list[float]:
    def open_screen() -> None:
        with Library(path) as lib:
            lib.list_bookmarks(unread_first=True, limit=50)
            lib.count()

    return [_timed(open_screen) for _ in range(20)]


def make_queries(rng: random.Random, words: list[str], total: int) -> list[str]:
    """What a user types: every prefix of a word, then sometimes a second word."""
    queries: list[str] = []
    while len(queries) < total:
        word = words[int(rng.paretovariate(0.8)) % len(words)]
        queries.extend(word[:end] for end in range(1, len(word) + 1))
        second = rng.choice(words[:2000])
        queries.extend(f"{word} {second[:end]}" for end in range(1, len(second) + 1))
    return queries[:total]


def bench_search(path: Path, queries: list[str]) -> tuple[list[float], list[float]]:
    with Library(path) as lib:
        ours = [_timed(lambda q=q: lib.search(q, limit=50)) for q in queries]  # type: ignore[misc]
    conn = sqlite3.connect(path)

    def like(query: str) -> None:
        # A filter without an index: scan every bookmark for every word.
        sql = "SELECT id FROM bookmarks WHERE " + " AND ".join(
            "(title LIKE ? OR text LIKE ? OR tags LIKE ? OR note LIKE ?)" for _ in query.split())
        params = [f"%{word}%" for word in query.split() for _ in range(4)]
        conn.execute(sql, params).fetchall()

    peer = [_timed(lambda q=q: like(q)) for q in queries[: max(20, len(queries) // 10)]]  # type: ignore[misc]
    conn.close()
    return ours, peer


def bench_mentions(path: Path, people: list[str]) -> list[float]:
    with Library(path) as lib:
        return [_timed(lambda p=p: lib.articles_mentioning(p, limit=20)) for p in people[:200]]  # type: ignore[misc]


def bench_import(folder: Path, rng: random.Random, words: list[str], rows: int) -> tuple[float, float]:
    csv_path = folder / "pocket.csv"
    data = []
    for n in range(rows):
        title = " ".join(rng.choices(words, k=6)).capitalize()
        data.append((title, f"https://read{n % 53}.example/item/{n}", str(1_600_000_000 + n * 60),
                     "|".join(rng.sample(words[:100], 2)), "unread" if n % 3 else "archive"))
    with csv_path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "url", "time_added", "tags", "status"])
        writer.writerows(data)
    with Library(folder / "import.sqlite3") as lib:
        began, cpu = time.perf_counter(), time.process_time()
        result = lib.import_file(csv_path, "pocket")
        ours = (time.perf_counter() - began) * 1000
        print(f"  (import CPU time {(time.process_time() - cpu) * 1000:.0f} ms; the rest is "
              "waiting for the disk and for other processes on a busy machine)")
        assert result.added == rows, result
    conn = sqlite3.connect(folder / "floor.sqlite3")
    conn.execute("CREATE TABLE t (title TEXT, url TEXT UNIQUE, added TEXT, tags TEXT, status TEXT)")
    began = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", data)
    floor = (time.perf_counter() - began) * 1000
    conn.close()
    return ours, floor


def _verdict(value: float, goal: float) -> str:
    return f"(goal <= {goal:.0f} ms: {'ok' if value <= goal else 'MISSED'})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bookmarks", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory(prefix="bench-bookmarks-") as temp:
        folder = Path(temp)
        path = folder / "library.sqlite3"
        began = time.perf_counter()
        words, people = build_library(path, args.bookmarks, rng)
        size = path.stat().st_size
        print(f"library: {args.bookmarks} bookmarks with offline copies and entities, "
              f"{size / 1e6:.0f} MB, built in {time.perf_counter() - began:.1f} s")

        opens = bench_open(path)
        print(f"open (first screenful + count): median {statistics.median(opens):.1f} ms, "
              f"max {max(opens):.1f} ms {_verdict(max(opens), GOALS['open'])}")

        queries = make_queries(rng, words, args.queries)
        ours, peer = bench_search(path, queries)
        p95 = _percentile(ours, 0.95)
        print(f"search ({len(ours)} queries as typed): p50 {statistics.median(ours):.2f} ms, "
              f"p95 {p95:.2f} ms, max {max(ours):.2f} ms {_verdict(p95, GOALS['search_p95'])}")
        peer_p50 = statistics.median(peer)
        print(f"  peer: LIKE scan of every bookmark ({len(peer)} of the same queries): p50 "
              f"{peer_p50:.1f} ms, p95 {_percentile(peer, 0.95):.1f} ms "
              f"({peer_p50 / statistics.median(ours):.0f}x our p50)")

        mentions = bench_mentions(path, people)
        print(f"articles_mentioning ({len(mentions)} names): p50 "
              f"{statistics.median(mentions):.2f} ms, p95 {_percentile(mentions, 0.95):.2f} ms")

        imported, floor = bench_import(folder, rng, words, args.bookmarks)
        print(f"import {args.bookmarks} Pocket rows: {imported:.0f} ms "
              f"{_verdict(imported, GOALS['import'])}; bare executemany floor {floor:.0f} ms "
              f"({imported / floor:.1f}x: parsing, cleaning, FTS index, one transaction)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
