"""Opening the library database: pragmas, migrations, and moving a damaged file aside."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from reader.storage.errors import DamagedFileError, LibraryError
from reader.storage.schema import migrate

#: How long a write waits for another process's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000

_MAGIC = b"SQLite format 3\x00"
# Result codes meaning "this file is not a usable database" (as opposed to busy or I/O trouble).
_DAMAGED_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with the library's pragmas and schema, or raise :class:`DamagedFileError`.

    The connection is in autocommit mode: writers open their own ``BEGIN IMMEDIATE``.
    """
    _check_header(path)
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        _set_up(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if exc.sqlite_errorcode in _DAMAGED_CODES:
            raise DamagedFileError(str(exc)) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def _set_up(conn: sqlite3.Connection) -> None:
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit survives power loss too, not only a crash of the app.
            conn.execute("PRAGMA synchronous = FULL")
            # Reading the schema touches the first pages: garbage or a cut file fails here.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            migrate(conn)
            return
        except sqlite3.OperationalError as exc:
            # Switching a new file to WAL answers "locked" at once, without waiting, while
            # another process opens it too: wait here instead.
            busy = exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DamagedFileError(f"cannot read the file ({exc.strerror})") from exc
    if head and head != _MAGIC:
        raise DamagedFileError("not an SQLite database")


def move_aside(path: Path) -> Path:
    """Rename ``path`` (with its -wal and -shm files) to ``<name>.damaged-<UTC time>``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm", ""):
        source = Path(f"{path}{suffix}")
        try:
            os.replace(source, f"{target}{suffix}")
        except FileNotFoundError:
            # Another process may have moved it already, or there was no WAL.
            continue
    return target


def open_or_recover(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open the library at ``path``; a damaged file is moved aside and a fresh one started.

    Returns the connection and, after a recovery, the one message to show the user.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"cannot create the folder {path.parent}: {exc.strerror or exc}") from exc
    try:
        return connect(path), None
    except DamagedFileError as exc:
        reason = str(exc)
    except sqlite3.Error as exc:
        raise LibraryError(f"cannot open the library {path}: {exc}") from exc
    aside = move_aside(path)
    notice = (
        f"The bookmarks library was damaged ({reason}); it was moved to {aside} "
        "and a new, empty library was started."
    )
    try:
        return connect(path), notice
    except (DamagedFileError, sqlite3.Error) as exc:
        raise LibraryError(f"cannot create a new library at {path}: {exc}") from exc
