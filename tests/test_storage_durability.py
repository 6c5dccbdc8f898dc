"""Durability with real processes: concurrent writers, SIGKILL mid-write, damaged files, schema."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from test_storage_support import entity, make_article

from reader.storage import Library, LibraryError, NewerSchemaError
from reader.storage.schema import SCHEMA_VERSION

# fork: children start in milliseconds and share the test's imports and env (temp dirs).
FORK = multiprocessing.get_context("fork")
BODY = "\n\n".join(f"Paragraph {n} about harbours, ferries and tides." * 8 for n in range(40))


def _add_many(path: str, prefix: str, count: int, start: threading.Event | None) -> None:
    if start is not None:
        start.wait(10)
    with Library(path) as lib:
        for n in range(count):
            lib.add_bookmark(make_article(f"https://w.example/{prefix}/{n}", f"{prefix} {n}",
                                          entities=(entity("Shared Name"),)))


def _run_adders(path: Path, processes: int, each: int, prefix: str) -> list[int | None]:
    """Start ``processes`` writers together; their exit codes."""
    start = FORK.Event()
    workers = [FORK.Process(target=_add_many, args=(str(path), f"{prefix}{n}", each, start))
               for n in range(processes)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(120)
    return [worker.exitcode for worker in workers]


def test_two_connections_see_each_others_writes(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as first, Library(path) as second:
        saved = first.add_bookmark(make_article())
        assert second.get(saved.id) == saved
        assert second.remove(saved.id) is not None
        assert first.count() == 0


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        start = FORK.Event()
        child = FORK.Process(target=_add_many, args=(str(path), "child", 50, start))
        child.start()
        start.set()
        for n in range(50):
            lib.add_bookmark(make_article(f"https://w.example/parent/{n}"))
        child.join(60)
        assert child.exitcode == 0
        assert lib.count() == 100
        assert len(lib.articles_mentioning("shared name", limit=1000)) == 50


def test_four_processes_adding_100_each_end_with_400(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    assert _run_adders(path, 4, 100, "p") == [0, 0, 0, 0]
    with Library(path) as lib:
        assert lib.count() == 400
        assert len(lib.search("p3", limit=1000)) == 100
        ids = [b.id for b in lib.list_bookmarks()]
        assert len(set(ids)) == 400


def _hold_write_lock(path: str, locked: threading.Event, seconds: float) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    locked.set()
    time.sleep(seconds)
    conn.execute("COMMIT")


def test_a_write_waits_for_another_process_lock(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    locked = FORK.Event()
    holder = FORK.Process(target=_hold_write_lock, args=(str(path), locked, 0.5))
    holder.start()
    assert locked.wait(10)
    with Library(path) as lib:
        began = time.monotonic()
        lib.add_bookmark(make_article())  # blocked until the other transaction ends
        assert time.monotonic() - began >= 0.3
        assert lib.count() == 1
    holder.join(10)
    assert holder.exitcode == 0


def _writer(path: str, round_: int, report: Connection) -> None:
    with Library(path) as lib:
        for n in range(10_000):
            url = f"https://k.example/{round_}/{n}"
            lib.add_bookmark(make_article(url, f"Round {round_} item {n}", BODY),
                             tags=["kill"], note=f"note {n}")
            report.send(url)  # only after COMMIT returned


@pytest.mark.slow
def test_sigkill_mid_write_loses_no_committed_bookmark(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    rng = random.Random(9)
    committed: list[str] = []
    for round_ in range(50):
        receiver, sender = FORK.Pipe(duplex=False)
        child = FORK.Process(target=_writer, args=(str(path), round_, sender))
        child.start()
        sender.close()
        for _ in range(rng.randint(1, 4)):
            committed.append(receiver.recv())
        time.sleep(rng.uniform(0, 0.004))  # land anywhere inside the next transaction
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        while receiver.poll():  # commits reported before the kill landed
            try:
                committed.append(receiver.recv())
            except EOFError:
                break
        receiver.close()
        assert child.exitcode == -signal.SIGKILL
        with Library(path) as lib:
            assert lib.notice is None
            urls = {b.url for b in lib.list_bookmarks()}
            assert set(committed) <= urls
    with Library(path) as lib:
        assert lib.count() >= len(committed) >= 50
        assert len(lib.search("kill", limit=10_000)) == lib.count()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO bookmarks_fts(bookmarks_fts) VALUES ('integrity-check')")
    conn.close()


def _damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".damaged-*"))


@pytest.fixture(scope="module")
def full_library(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a checkpointed library of 300 bookmarks, built once."""
    path = tmp_path_factory.mktemp("full") / "lib.sqlite3"
    with Library(path) as lib:
        for n in range(300):
            lib.add_bookmark(make_article(f"https://d.example/{n}", text=BODY[:2000]))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("damage", ["garbage", "cut-header", "cut-half", "cut-end", "folder"])
def test_a_damaged_file_is_moved_aside_and_a_fresh_library_starts(
    tmp_path: Path, damage: str, full_library: bytes
) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(full_library)
    with Library(path) as lib:
        assert lib.count() == 300 and lib.notice is None
    size = path.stat().st_size
    if damage == "garbage":
        path.write_bytes(random.Random(1).randbytes(size))
    elif damage == "folder":
        path.unlink()
        path.mkdir()
    else:
        keep = {"cut-header": 50, "cut-half": size // 2, "cut-end": size - 4096}[damage]
        with path.open("r+b") as handle:
            handle.truncate(keep)
    original = None if damage == "folder" else path.read_bytes()

    with Library(path) as lib:
        assert lib.notice is not None
        assert "damaged" in lib.notice and "new, empty library" in lib.notice
        assert "\n" not in lib.notice
        assert lib.count() == 0
        lib.add_bookmark(make_article())
    aside = _damaged_copies(path)
    assert len(aside) == 1 and str(aside[0]) in (lib.notice or "")
    if original is not None:
        assert aside[0].read_bytes() == original  # kept as it was, for rescue
    with Library(path) as again:  # the message is shown once: the new file is fine
        assert again.notice is None and again.count() == 1


def test_an_empty_file_is_a_new_library_not_a_damaged_one(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"")
    with Library(path) as lib:
        assert lib.notice is None and lib.count() == 0
    assert _damaged_copies(path) == []


def test_schema_version_and_a_newer_library_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer Broadsheet"):
        Library(path)
    assert path.read_bytes() == before and _damaged_copies(path) == []


def test_processes_opening_a_new_library_at_once_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    assert _run_adders(path, 3, 1, "m") == [0, 0, 0]
    with Library(path) as lib:
        assert lib.count() == 3


def test_an_unusable_data_folder_is_one_library_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    with pytest.raises(LibraryError, match="cannot create the folder"):
        Library(blocker / "lib.sqlite3")
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def _import(path: str, source: str, started: threading.Event) -> None:
    with Library(path) as lib:
        started.set()
        lib.import_file(source, "pocket")


def _wait_for_write_lock(path: Path, child: multiprocessing.process.BaseProcess) -> None:
    """Return as soon as another process holds the write lock (its transaction is open)."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        while child.is_alive():
            try:
                probe.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                return
            probe.execute("ROLLBACK")
            time.sleep(0.0005)
        raise AssertionError("the import ended before its transaction was seen")
    finally:
        probe.close()


def test_an_import_killed_inside_its_transaction_adds_nothing(tmp_path: Path) -> None:
    source = tmp_path / "pocket.csv"
    rows = "".join(f"Item {n},https://i.example/{n},1700000000,tag,unread\n" for n in range(5000))
    source.write_text("title,url,time_added,tags,status\n" + rows, encoding="utf-8")
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        lib.add_bookmark(make_article())
    for _ in range(3):
        started = FORK.Event()
        child = FORK.Process(target=_import, args=(str(path), str(source), started))
        child.start()
        assert started.wait(10)
        _wait_for_write_lock(path, child)
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        with Library(path) as lib:
            assert lib.notice is None
            assert lib.count() == 1 and lib.search("item") == []
