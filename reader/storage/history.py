"""Reading history (recent articles with their position) and the "Mentioned in" lookup."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from reader.core.models import Article, Entity
from reader.storage.entity_index import entity_keys, name_key
from reader.storage.records import Mention, Visit, article_key, parse_stamp, utc_now
from reader.storage.rows import dumps, index_mentions, join_copy
from reader.storage.store import Store

_VISIT_COLUMNS = "url, title, site, read_at, scroll, line, article IS NOT NULL"


def _visit(row: Sequence[Any]) -> Visit:
    read = parse_stamp(row[3])
    assert read is not None, "read_at is NOT NULL"
    return Visit(url=row[0], title=row[1], site=row[2], read_at=read, scroll=row[4],
                 line=row[5], has_copy=bool(row[6]))


class HistoryStore(Store):
    """The reading history, kept apart from bookmarks, and the entity index over both."""

    # -- reading history ---------------------------------------------------------------

    def record_visit(self, article: Article, scroll: float | None = None,
                     line: int | None = None) -> Visit:
        """Remember that ``article`` is being read, with its copy (to reopen it offline).

        Without ``scroll`` a returning article keeps its last position: the result says
        where to resume. Only the latest :attr:`history_limit` visits are kept. To save
        the position alone as the reader scrolls, :meth:`set_position` is cheaper.
        """
        key = article_key(article)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO history (url, title, site, read_at, scroll, line, article) "
                "VALUES (?, ?, ?, ?, coalesce(?, 0), ?, ?) ON CONFLICT (url) DO UPDATE SET "
                "title = excluded.title, site = excluded.site, read_at = excluded.read_at, "
                "scroll = coalesce(?, scroll), line = coalesce(?, line), "
                "article = excluded.article",
                (key, article.title, article.site, utc_now(), _fraction(scroll), line,
                 dumps(article.to_dict()), _fraction(scroll), line),
            )
            index_mentions(conn, key, article.entities)
            conn.execute(
                "DELETE FROM history WHERE url IN (SELECT url FROM history "
                "ORDER BY read_at DESC LIMIT -1 OFFSET ?)", (self.history_limit,))
            row = conn.execute(f"SELECT {_VISIT_COLUMNS} FROM history WHERE url = ?",
                               (key,)).fetchone()
            return _visit(row)

    def set_position(self, article: Article | str, scroll: float,
                     line: int | None = None) -> bool:
        """Save where the reader is in a visited article (or article key); False when it
        is not in the history."""
        with self._write() as conn:
            return conn.execute("UPDATE history SET scroll = ?, line = ? WHERE url = ?",
                                (_fraction(scroll), line, _key(article))).rowcount > 0

    def recent(self, limit: int = 20) -> list[Visit]:
        """The most recently read articles, latest first."""
        with self._read() as conn:
            rows = conn.execute(f"SELECT {_VISIT_COLUMNS} FROM history "
                                "ORDER BY read_at DESC LIMIT ?", (limit,))
            return [_visit(row) for row in rows]

    def visit(self, article: Article | str) -> Visit | None:
        """The history entry of an article (or article key), to resume at its position."""
        with self._read() as conn:
            row = conn.execute(f"SELECT {_VISIT_COLUMNS} FROM history WHERE url = ?",
                               (_key(article),)).fetchone()
        return _visit(row) if row else None

    def forget_visit(self, article: Article | str) -> bool:
        """Remove one article (or article key) from the history; False when it was not there."""
        with self._write() as conn:
            return conn.execute("DELETE FROM history WHERE url = ?",
                                (_key(article),)).rowcount > 0

    def clear_history(self) -> int:
        """Empty the reading history; returns how many entries went."""
        with self._write() as conn:
            return conn.execute("DELETE FROM history").rowcount

    def offline_copy(self, article: Article | str) -> Article | None:
        """The stored copy of an article (or article key, or a Mention's url): the
        bookmark's copy first, else the history's."""
        url = _key(article)
        with self._read() as conn:
            row = conn.execute("SELECT text, article FROM bookmarks WHERE url = ? "
                               "AND article IS NOT NULL", (url,)).fetchone()
            if row is not None:
                return Article.from_dict(join_copy(row[0], row[1]))
            row = conn.execute("SELECT article FROM history WHERE url = ? "
                               "AND article IS NOT NULL", (url,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def articles_mentioning(self, entity: str | Entity,
                            exclude_url: Article | str | None = None,
                            limit: int = 20) -> list[Mention]:
        """Saved and recently read articles that mention ``entity``, latest first.

        Names compare without case, accents or punctuation; an :class:`Entity` is also
        looked up by its aliases. ``exclude_url`` (the article on screen, or its key) is
        left out. Open a result with :meth:`offline_copy` of its ``url``.
        """
        exclude = _key(exclude_url) if exclude_url is not None else None
        keys = entity_keys(entity) if isinstance(entity, Entity) else [name_key(entity)]
        keys = [key for key in keys if key]
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        sql = (
            "SELECT m.url, m.name, max(m.count), b.id, coalesce(b.title, h.title), "
            "coalesce(b.site, h.site), max(coalesce(b.saved_at, ''), coalesce(h.read_at, '')) "
            "AS seen FROM mentions m LEFT JOIN bookmarks b ON b.url = m.url "
            "LEFT JOIN history h ON h.url = m.url "
            f"WHERE m.name_key IN ({marks}) AND m.url IS NOT ? "
            "GROUP BY m.url ORDER BY seen DESC LIMIT ?"
        )
        with self._read() as conn:
            rows = conn.execute(sql, (*keys, exclude, limit)).fetchall()
        out: list[Mention] = []
        for url, name, count, bookmark_id, title, site, seen in rows:
            seen_at = parse_stamp(seen)
            if seen_at is None:  # an index row whose article has gone; never shown
                continue
            out.append(Mention(url=url, title=title or "", site=site, bookmark_id=bookmark_id,
                               seen_at=seen_at, count=count, name=name))
        return out


def _fraction(scroll: float | None) -> float | None:
    if scroll is None:
        return None
    if math.isnan(scroll):
        return 0.0
    return min(1.0, max(0.0, float(scroll)))


def _key(article_or_key: Article | str) -> str:
    return article_or_key if isinstance(article_or_key, str) else article_key(article_or_key)
