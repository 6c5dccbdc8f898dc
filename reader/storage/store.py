"""The connection every part of the library shares: opening, locking, transactions."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from reader import paths
from reader.storage.db import open_or_recover
from reader.storage.errors import LibraryError


class Store:
    """One SQLite connection to the library file, shared by threads under one lock."""

    def __init__(self, path: Path | str | None = None, *, history_limit: int = 500) -> None:
        #: The database file (by default ``reader.paths.database_file()``).
        self.path = Path(path) if path is not None else paths.database_file()
        #: How many visits the reading history keeps (the oldest go first).
        self.history_limit = history_limit
        self._lock = threading.RLock()
        conn, notice = open_or_recover(self.path)
        self._conn: sqlite3.Connection = conn
        #: Set when a damaged library was moved aside on opening: show it to the user once.
        self.notice: str | None = notice

    def close(self) -> None:
        """Close the database; the object is unusable afterwards."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise LibraryError(f"library error: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: all of the block is saved, or none of it."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise LibraryError(f"cannot write to the library: {exc}") from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise LibraryError(f"library error: {exc}") from exc
                raise
