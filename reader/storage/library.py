"""The library: bookmarks, reading history and the "Mentioned in" index in one SQLite file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from reader.core.models import Article
from reader.core.sanitize import clean_text
from reader.storage import exporters, importers
from reader.storage.fts import match_expression
from reader.storage.history import HistoryStore
from reader.storage.records import (
    Bookmark,
    Entry,
    ExportFormat,
    ImportFormat,
    ImportResult,
    RemovedBookmark,
    SortKey,
    article_key,
    clean_tags,
    parse_stamp,
    stamp,
    utc_now,
)
from reader.storage.rows import (
    dumps,
    index_mentions,
    insert_entries,
    insert_entry,
    join_copy,
    split_copy,
)

_COLUMNS = "b.id, b.url, b.title, b.site, b.byline, b.published, b.saved_at, b.read_at, " \
    "b.tags, b.note, b.article IS NOT NULL"
# Sort key -> (nulls-last term, SQL expression, greatest first by default). The terms
# match the indexes of the schema, so a screenful is read without sorting every row.
_ORDER: dict[str, tuple[str, str, bool]] = {
    "saved": ("", "b.saved_at", True),
    "title": ("", "b.title COLLATE NOCASE", False),
    "site": ("b.site IS NULL", "b.site COLLATE NOCASE", False),
    "published": ("b.published IS NULL", "b.published", True),
}
# bm25 weights for title, text, tags, note: a hit in the title counts most.
_RANK = "bm25(bookmarks_fts, 10.0, 1.0, 6.0, 4.0)"
#: A query matching more bookmarks than this ranks only the most recently added of them:
#: ranking costs time for every match, and a one-letter filter matches nearly everything.
RANK_WINDOW = 1000


def _bookmark(row: Sequence[Any]) -> Bookmark:
    saved = parse_stamp(row[6])
    assert saved is not None, "saved_at is NOT NULL"
    return Bookmark(
        id=row[0], url=row[1], title=row[2], site=row[3], byline=row[4], published=row[5],
        saved_at=saved, read_at=parse_stamp(row[7]), tags=tuple(json.loads(row[8])),
        note=row[9], has_copy=bool(row[10]),
    )


def _one(conn: sqlite3.Connection, column: str, value: object) -> Bookmark | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM bookmarks b WHERE b.{column} = ?",
                       (value,)).fetchone()
    return _bookmark(row) if row else None


def _refresh(conn: sqlite3.Connection, existing: Bookmark, entry: Entry,
             article: Article) -> None:
    text, stored = split_copy(entry.article or {})
    conn.execute(
        "UPDATE bookmarks SET title = ?, site = ?, byline = ?, published = ?, tags = ?, "
        "note = ?, text = ?, article = ? WHERE id = ?",
        (entry.title, entry.site, entry.byline, entry.published,
         dumps(clean_tags((*existing.tags, *entry.tags))), entry.note or existing.note,
         text, stored, existing.id),
    )
    index_mentions(conn, existing.url, article.entities)


def _entry(article: Article, tags: Iterable[str], note: str) -> Entry:
    return Entry(
        url=article_key(article), title=article.title, site=article.site,
        byline=article.byline,
        published=article.published.isoformat() if article.published else None,
        saved_at=utc_now(), tags=clean_tags(tags), note=clean_text(note, multiline=True),
        article=article.to_dict(),
    )


class Library(HistoryStore):
    """The user's library in one SQLite file: bookmarks, reading history, entity index.

    WAL mode; every write is one ``BEGIN IMMEDIATE`` transaction. Safe to share between
    threads and to open from several processes at once. Every method raises
    :class:`LibraryError` (a one-line message) when the database fails. If the file was
    damaged it is moved aside on opening, a fresh library starts and :attr:`notice`
    holds the one message to show the user. Reading history and "Mentioned in" come
    from :class:`HistoryStore`.
    """

    # -- bookmarks ---------------------------------------------------------------------

    def add_bookmark(self, article: Article, tags: Iterable[str] = (), note: str = "") -> Bookmark:
        """Save ``article`` with its offline copy and entities.

        Saving an article already saved refreshes its copy and metadata, adds ``tags``
        and replaces the note when ``note`` is not empty; saved date and read state stay.
        """
        entry = _entry(article, tags, note)
        with self._write() as conn:
            existing = _one(conn, "url", entry.url)
            if existing is None:
                bookmark_id = insert_entry(conn, entry)
                assert bookmark_id is not None
            else:
                bookmark_id = existing.id
                _refresh(conn, existing, entry, article)
            saved = _one(conn, "id", bookmark_id)
            assert saved is not None
            return saved

    def refresh_copy(self, bookmark_id: int, article: Article) -> Bookmark | None:
        """Replace a bookmark's offline copy with ``article`` fetched again (its key stays,
        even when the page now gives another URL); None when there is no such bookmark."""
        entry = _entry(article, (), "")
        with self._write() as conn:
            existing = _one(conn, "id", bookmark_id)
            if existing is None:
                return None
            _refresh(conn, existing, entry, article)
            return _one(conn, "id", bookmark_id)

    def toggle_bookmark(self, article: Article) -> bool:
        """Save ``article``, or remove it when already saved; True when it is now saved."""
        with self._lock:
            found = self.find(article)
            if found is None:
                self.add_bookmark(article)
                return True
            self.remove(found.id)
            return False

    def find(self, article_or_url: Article | str) -> Bookmark | None:
        """The bookmark of an article (or of a key as :func:`article_key` gives it)."""
        key = article_or_url if isinstance(article_or_url, str) else article_key(article_or_url)
        with self._read() as conn:
            return _one(conn, "url", key)

    def get(self, bookmark_id: int) -> Bookmark | None:
        """The bookmark with this id, or None."""
        with self._read() as conn:
            return _one(conn, "id", bookmark_id)

    def article(self, bookmark_id: int) -> Article | None:
        """The offline copy of a bookmark, or None (no such bookmark, or saved without one)."""
        with self._read() as conn:
            row = conn.execute("SELECT text, article FROM bookmarks WHERE id = ?",
                               (bookmark_id,)).fetchone()
        if row is None or row[1] is None:
            return None
        return Article.from_dict(join_copy(row[0], row[1]))

    def list_bookmarks(self, sort: SortKey = "saved", *, descending: bool | None = None,
                       unread_first: bool = False, unread_only: bool = False,
                       tag: str | None = None, limit: int | None = None,
                       offset: int = 0) -> list[Bookmark]:
        """Bookmarks in order: ``sort`` by saved date, title, site or published date.

        ``descending`` defaults to newest first for dates and A to Z for text; missing
        sites and dates go last. ``tag`` keeps those with that tag (ignoring case).
        """
        order = _order_by(sort, descending, unread_first)
        where, params = _filters(unread_only, tag)
        # The page is chosen from the indexes first; only its rows are then read whole.
        sql = (f"SELECT {_COLUMNS} FROM (SELECT b.id FROM bookmarks b {where} ORDER BY {order} "
               f"LIMIT ? OFFSET ?) AS page JOIN bookmarks b ON b.id = page.id ORDER BY {order}")
        with self._read() as conn:
            rows = conn.execute(sql, (*params, -1 if limit is None else limit, offset))
            return [_bookmark(row) for row in rows]

    def count(self, *, unread_only: bool = False, tag: str | None = None) -> int:
        """How many bookmarks there are (with the same filters as :meth:`list_bookmarks`)."""
        where, params = _filters(unread_only, tag)
        with self._read() as conn:
            return int(conn.execute(f"SELECT count(*) FROM bookmarks b {where}",
                                    params).fetchone()[0])

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of bookmarks, most used first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT t.value, count(*) AS n FROM bookmarks b, json_each(b.tags) t "
                "GROUP BY t.value ORDER BY n DESC, t.value COLLATE NOCASE").fetchall()
        return [(str(tag), int(n)) for tag, n in rows]

    def search(self, query: str, limit: int = 50, *, unread_first: bool = False) -> list[Bookmark]:
        """Bookmarks matching every word of ``query`` as a prefix, best first.

        Title, text, tags and note are searched; a title hit ranks highest. Any text is
        safe: it is never read as FTS5 syntax. When more than :data:`RANK_WINDOW`
        bookmarks match (a one-letter filter), the best of the most recently added ones
        come. A query without words lists the newest bookmarks.
        """
        expression = match_expression(query)
        if expression is None:
            return self.list_bookmarks(unread_first=unread_first, limit=limit)
        first = "b.read_at IS NULL DESC, " if unread_first else ""
        join = "JOIN bookmarks b ON b.id = bookmarks_fts.rowid " if unread_first else ""
        with self._read() as conn:
            row = conn.execute("SELECT rowid FROM bookmarks_fts WHERE bookmarks_fts MATCH ? "
                               "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                               (expression, RANK_WINDOW - 1)).fetchone()
            lowest = row[0] if row else 0
            sql = (f"SELECT {_COLUMNS} FROM (SELECT bookmarks_fts.rowid AS id, {_RANK} AS score "
                   f"FROM bookmarks_fts {join}WHERE bookmarks_fts MATCH ? "
                   f"AND bookmarks_fts.rowid >= ? ORDER BY {first}score LIMIT ?) AS hits "
                   f"JOIN bookmarks b ON b.id = hits.id ORDER BY {first}hits.score")
            return [_bookmark(row) for row in conn.execute(sql, (expression, lowest, limit))]

    def remove(self, bookmark_id: int) -> RemovedBookmark | None:
        """Delete a bookmark; the result gives it back with :meth:`restore` (undo)."""
        with self._write() as conn:
            row = conn.execute(f"SELECT {_COLUMNS}, b.text, b.article FROM bookmarks b "
                               "WHERE b.id = ?", (bookmark_id,)).fetchone()
            if row is None:
                return None
            conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        copy = join_copy(row[11], row[12]) if row[12] is not None else None
        return RemovedBookmark(bookmark=_bookmark(row), article=copy)

    def restore(self, removed: RemovedBookmark) -> Bookmark:
        """Put back a removed bookmark, with its id, dates, tags, note and copy.

        When the same article was saved again in between, that bookmark is kept.
        """
        old = removed.bookmark
        entry = Entry(
            url=old.url, title=old.title, site=old.site, byline=old.byline,
            published=old.published, saved_at=stamp(old.saved_at),
            read_at=stamp(old.read_at) if old.read_at else None,
            tags=old.tags, note=old.note, article=removed.article,
        )
        with self._write() as conn:
            insert_entry(conn, entry, bookmark_id=old.id)
            restored = _one(conn, "url", old.url)
            assert restored is not None
            return restored

    def set_tags(self, bookmark_id: int, tags: Iterable[str]) -> Bookmark | None:
        """Replace the tags of a bookmark; None when there is no such bookmark."""
        return self._update(bookmark_id, "tags = ?", dumps(clean_tags(tags)))

    def set_note(self, bookmark_id: int, note: str) -> Bookmark | None:
        """Replace the note of a bookmark; None when there is no such bookmark."""
        return self._update(bookmark_id, "note = ?", clean_text(note, multiline=True))

    def mark_read(self, bookmark_id: int, read: bool = True) -> Bookmark | None:
        """Mark a bookmark read (now) or unread; None when there is no such bookmark."""
        return self._update(bookmark_id, "read_at = ?", utc_now() if read else None)

    def _update(self, bookmark_id: int, assignment: str, value: Any) -> Bookmark | None:
        with self._write() as conn:
            conn.execute(f"UPDATE bookmarks SET {assignment} WHERE id = ?", (value, bookmark_id))
            return _one(conn, "id", bookmark_id)

    # -- import and export -------------------------------------------------------------

    def import_file(self, path: Path | str, format: ImportFormat | None = None) -> ImportResult:
        """Add the bookmarks of a Pocket or Instapaper CSV, a browser's bookmarks.html or
        our own JSON export, in one transaction; ``format`` is guessed when None.

        Articles already saved are left as they are. Raises :class:`LibraryError` for a
        file that cannot be read as that format.
        """
        entries = importers.read_file(Path(path), format)
        with self._write() as conn:
            return insert_entries(conn, entries)

    def export(self, out: TextIO, format: ExportFormat = "json") -> int:
        """Write every bookmark to ``out`` as JSON (lossless), Netscape HTML or Markdown.

        Returns how many bookmarks were written.
        """
        with self._read() as conn:
            return exporters.write(out, format, self._entries(conn))

    def export_json(self, out: TextIO) -> int:
        """Our own lossless format: :meth:`import_file` reads it back unchanged."""
        return self.export(out, "json")

    def export_html(self, out: TextIO) -> int:
        """A Netscape bookmarks file, as browsers import (articles without URL left out)."""
        return self.export(out, "html")

    def export_markdown(self, out: TextIO) -> int:
        """A Markdown list of links with site, dates, tags and notes."""
        return self.export(out, "markdown")

    def _entries(self, conn: sqlite3.Connection) -> Iterator[Entry]:
        rows = conn.execute("SELECT url, title, site, byline, published, saved_at, read_at, "
                            "tags, note, text, article FROM bookmarks ORDER BY id")
        for row in rows:
            yield Entry(
                url=row[0], title=row[1], site=row[2], byline=row[3], published=row[4],
                saved_at=row[5], read_at=row[6], tags=tuple(json.loads(row[7])), note=row[8],
                article=join_copy(row[9], row[10]) if row[10] is not None else None,
            )


def _order_by(sort: str, descending: bool | None, unread_first: bool) -> str:
    if sort not in _ORDER:
        raise ValueError(f"unknown sort {sort!r}")
    nulls_last, expr, greatest_first = _ORDER[sort]
    direction = "DESC" if (greatest_first if descending is None else descending) else "ASC"
    terms = ["b.read_at IS NULL DESC"] if unread_first else []
    if nulls_last:
        terms.append(nulls_last)
    terms += [f"{expr} {direction}", f"b.id {direction}"]
    return ", ".join(terms)


def _filters(unread_only: bool, tag: str | None) -> tuple[str, tuple[Any, ...]]:
    clauses: list[str] = []
    params: list[Any] = []
    if unread_only:
        clauses.append("b.read_at IS NULL")
    if tag:
        clauses.append("EXISTS (SELECT 1 FROM json_each(b.tags) t "
                       "WHERE t.value = ? COLLATE NOCASE)")
        params.append(tag)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
