"""Writing bookmark rows: one entry in, its article copy split for search, its mentions indexed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from reader.core.models import Entity
from reader.storage.entity_index import mention_rows
from reader.storage.records import Entry, ImportResult


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def split_copy(data: dict[str, Any]) -> tuple[str, str]:
    """(plain text, JSON of the rest): the text is stored once, in the searchable column."""
    rest = dict(data)
    text = str(rest.pop("text", "") or "")
    return text, dumps(rest)


def join_copy(text: str, stored: str) -> dict[str, Any]:
    """Inverse of :func:`split_copy`: the ``Article.to_dict()`` that was saved."""
    data: dict[str, Any] = json.loads(stored)
    data["text"] = text
    return data


def index_mentions(conn: sqlite3.Connection, url: str, entities: Iterable[Entity]) -> None:
    """Replace the entity names indexed for ``url`` with those of ``entities``."""
    conn.execute("DELETE FROM mentions WHERE url = ?", (url,))
    conn.executemany("INSERT INTO mentions (name_key, url, name, count) VALUES (?, ?, ?, ?)",
                     mention_rows(url, tuple(entities)))


def insert_entry(conn: sqlite3.Connection, entry: Entry,
                 bookmark_id: int | None = None) -> int | None:
    """Insert one bookmark (inside the caller's transaction); None when its URL is saved."""
    text, stored = split_copy(entry.article) if entry.article is not None else ("", None)
    cursor = conn.execute(
        "INSERT OR IGNORE INTO bookmarks (id, url, title, site, byline, published, saved_at, "
        "read_at, tags, note, text, article) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (bookmark_id, entry.url, entry.title, entry.site, entry.byline, entry.published,
         entry.saved_at, entry.read_at, dumps(list(entry.tags)), entry.note, text, stored),
    )
    if cursor.rowcount == 0:
        return None
    if entry.article is not None:
        entities = (Entity.from_dict(e) for e in entry.article.get("entities") or ())
        index_mentions(conn, entry.url, entities)
    return cursor.lastrowid


def insert_entries(conn: sqlite3.Connection, entries: Iterable[Entry | None]) -> ImportResult:
    """Insert many entries (None stands for an unusable row) and count what happened."""
    added = duplicates = invalid = 0
    for entry in entries:
        if entry is None:
            invalid += 1
        elif insert_entry(conn, entry) is None:
            duplicates += 1
        else:
            added += 1
    return ImportResult(added=added, duplicates=duplicates, invalid=invalid)
