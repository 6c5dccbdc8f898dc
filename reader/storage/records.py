"""The records the library hands out: bookmarks, history visits, mentions, import results."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from reader.core.models import Article
from reader.core.sanitize import clean_text

SortKey = Literal["saved", "title", "site", "published"]
SORT_KEYS: tuple[SortKey, ...] = ("saved", "title", "site", "published")
ExportFormat = Literal["json", "html", "markdown"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "html", "markdown")
ImportFormat = Literal["pocket", "instapaper", "netscape", "json"]
IMPORT_FORMATS: tuple[ImportFormat, ...] = ("pocket", "instapaper", "netscape", "json")

#: Prefix of the key of an article that has no URL (read from stdin or a text dump).
TEXT_KEY_PREFIX = "text:"


def article_key(article: Article) -> str:
    """The library key of ``article``: its URL, or ``text:<sha1>`` of its title and text."""
    if article.url:
        return article.url
    digest = hashlib.sha1(f"{article.title}\n{article.text}".encode(), usedforsecurity=False)
    return TEXT_KEY_PREFIX + digest.hexdigest()


def is_text_key(key: str) -> bool:
    """True for the key of an article without URL (it cannot be fetched again)."""
    return key.startswith(TEXT_KEY_PREFIX)


def utc_now() -> str:
    """The current time as stored: ISO 8601 in UTC with microseconds."""
    return stamp(datetime.now(UTC))


def stamp(moment: datetime) -> str:
    """``moment`` as stored: UTC, microseconds, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_stamp(value: Any) -> datetime | None:
    """Inverse of :func:`stamp`; None for anything unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One saved article, without its offline copy (ask :meth:`Library.article` for it)."""

    id: int
    #: The unique key: the article URL, or ``text:<sha1>`` for articles without one.
    url: str
    title: str
    site: str | None
    byline: str | None
    #: As the page gave it (ISO 8601), or None.
    published: str | None
    saved_at: datetime
    #: When it was marked read; None while unread.
    read_at: datetime | None
    tags: tuple[str, ...]
    note: str
    #: True when the cleaned article is stored (readable offline).
    has_copy: bool

    @property
    def unread(self) -> bool:
        """True until the bookmark is marked read."""
        return self.read_at is None

    @property
    def web_url(self) -> str | None:
        """The URL to fetch again, or None for articles that came without one."""
        return None if is_text_key(self.url) else self.url


@dataclass(frozen=True, slots=True)
class RemovedBookmark:
    """Everything needed to undo :meth:`Library.remove` with :meth:`Library.restore`."""

    bookmark: Bookmark
    #: ``Article.to_dict()`` of the offline copy, or None.
    article: dict[str, Any] | None = field(repr=False, default=None)


@dataclass(frozen=True, slots=True)
class Visit:
    """One entry of the reading history (one per URL, the latest visit)."""

    url: str
    title: str
    site: str | None
    read_at: datetime
    #: Where the reader was: 0.0 (top) to 1.0 (end).
    scroll: float
    #: The first visible line, when the UI knows it.
    line: int | None
    has_copy: bool

    @property
    def web_url(self) -> str | None:
        """The URL to fetch again, or None for articles that came without one."""
        return None if is_text_key(self.url) else self.url


@dataclass(frozen=True, slots=True)
class Mention:
    """A saved or recently read article that mentions an entity ("Mentioned in")."""

    url: str
    title: str
    site: str | None
    #: The bookmark id when the article is saved, else None (it is in the history).
    bookmark_id: int | None
    #: Saved or last read, whichever is later.
    seen_at: datetime
    #: How often the article mentions the entity.
    count: int
    #: The entity's name as that article spells it.
    name: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: rows added, rows already saved, rows without a usable URL."""

    added: int = 0
    duplicates: int = 0
    invalid: int = 0

    def __str__(self) -> str:
        return f"{self.added} added, {self.duplicates} already saved, {self.invalid} skipped"


@dataclass(frozen=True, slots=True)
class Entry:
    """A bookmark as it travels through imports and exports (no id; clean strings)."""

    url: str
    title: str
    site: str | None = None
    byline: str | None = None
    published: str | None = None
    #: ISO 8601 UTC, as :func:`stamp` writes it.
    saved_at: str = ""
    read_at: str | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    #: ``Article.to_dict()`` of the offline copy, or None.
    article: dict[str, Any] | None = field(default=None, repr=False)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags made safe and tidy: one line each, split at commas, no repeats (ignoring case)."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in tags:
        for part in clean_text(raw).split(","):
            tag = part.strip()
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append(tag)
    return tuple(out)
