"""The library schema as ordered migrations; ``PRAGMA user_version`` counts those applied."""

from __future__ import annotations

import sqlite3

from reader.storage.errors import NewerSchemaError

# Each migration is a list of statements run in one transaction. Append new ones; never edit
# a migration that has shipped, since libraries on disk have already applied it.
_V1 = [
    # Bookmarks. ``text`` is the article's plain text (for full-text search); ``article`` is
    # Article.to_dict() without "text", so the body is stored once.
    # AUTOINCREMENT: an id is never reused, so a stale id (undo, CLI) cannot hit another bookmark.
    """CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site TEXT,
        byline TEXT,
        published TEXT,
        saved_at TEXT NOT NULL,
        read_at TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        article TEXT
    )""",
    # One index per sort of the list (the expressions match library._ORDER), so the first
    # screenful is read from an index without touching the large text and article columns.
    # Unread first is indexed for the saved date only (the home screen's order): the other
    # sorts then sort the index entries, ~40 ms at 10,000 bookmarks, not worth the writes.
    "CREATE INDEX bookmarks_saved ON bookmarks(saved_at)",
    "CREATE INDEX bookmarks_title ON bookmarks(title COLLATE NOCASE)",
    "CREATE INDEX bookmarks_site ON bookmarks(site IS NULL, site COLLATE NOCASE)",
    "CREATE INDEX bookmarks_published ON bookmarks(published IS NULL, published)",
    "CREATE INDEX bookmarks_unread ON bookmarks(read_at IS NULL, saved_at)",
    # External-content FTS: only the index is stored; triggers keep it in step.
    """CREATE VIRTUAL TABLE bookmarks_fts USING fts5(
        title, text, tags, note,
        content='bookmarks', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    )""",
    """CREATE TRIGGER bookmarks_fts_insert AFTER INSERT ON bookmarks BEGIN
        INSERT INTO bookmarks_fts(rowid, title, text, tags, note)
        VALUES (new.id, new.title, new.text, new.tags, new.note);
    END""",
    """CREATE TRIGGER bookmarks_fts_delete AFTER DELETE ON bookmarks BEGIN
        INSERT INTO bookmarks_fts(bookmarks_fts, rowid, title, text, tags, note)
        VALUES ('delete', old.id, old.title, old.text, old.tags, old.note);
    END""",
    """CREATE TRIGGER bookmarks_fts_update AFTER UPDATE OF title, text, tags, note ON bookmarks
    BEGIN
        INSERT INTO bookmarks_fts(bookmarks_fts, rowid, title, text, tags, note)
        VALUES ('delete', old.id, old.title, old.text, old.tags, old.note);
        INSERT INTO bookmarks_fts(rowid, title, text, tags, note)
        VALUES (new.id, new.title, new.text, new.tags, new.note);
    END""",
    # Reading history, apart from bookmarks: one row per URL, the latest visit.
    """CREATE TABLE history (
        url TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        site TEXT,
        read_at TEXT NOT NULL,
        scroll REAL NOT NULL DEFAULT 0 CHECK (scroll BETWEEN 0 AND 1),
        line INTEGER,
        article TEXT
    )""",
    "CREATE INDEX history_read ON history(read_at)",
    # "Mentioned in": normalised entity name -> the saved or recently read articles (by key).
    """CREATE TABLE mentions (
        name_key TEXT NOT NULL,
        url TEXT NOT NULL,
        name TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (name_key, url)
    ) WITHOUT ROWID""",
    "CREATE INDEX mentions_url ON mentions(url)",
    # An article's mentions go when it is neither saved nor in the history any more.
    """CREATE TRIGGER mentions_gc_bookmark AFTER DELETE ON bookmarks
    WHEN NOT EXISTS (SELECT 1 FROM history WHERE url = old.url) BEGIN
        DELETE FROM mentions WHERE url = old.url;
    END""",
    """CREATE TRIGGER mentions_gc_history AFTER DELETE ON history
    WHEN NOT EXISTS (SELECT 1 FROM bookmarks WHERE url = old.url) BEGIN
        DELETE FROM mentions WHERE url = old.url;
    END""",
]

MIGRATIONS: list[list[str]] = [_V1]

#: The schema version this code writes.
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The ``user_version`` of the open database."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations ``conn`` lacks, each in its own write transaction.

    Safe when several processes open the library at once: the version is read again
    under the write lock. Returns the number of migrations applied.
    """
    applied = 0
    while True:
        if schema_version(conn) >= SCHEMA_VERSION:
            break
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(conn)
            if version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                # PRAGMA cannot take parameters; the value is our own integer.
                conn.execute(f"PRAGMA user_version = {version + 1}")
                applied += 1
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the library was written by a newer Broadsheet (schema {version}, this one "
            f"knows {SCHEMA_VERSION}); update Broadsheet to open it"
        )
    return applied
