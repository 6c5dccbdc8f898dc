"""Storage: the SQLite library of bookmarks, reading history and the entity index.

Open it with ``Library()`` (the file at ``reader.paths.database_file()``) or
``Library(path)``; see :class:`Library` for the whole API.
"""

from __future__ import annotations

from reader.storage.errors import LibraryError, NewerSchemaError
from reader.storage.library import Library
from reader.storage.records import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    SORT_KEYS,
    Bookmark,
    ExportFormat,
    ImportFormat,
    ImportResult,
    Mention,
    RemovedBookmark,
    SortKey,
    Visit,
    article_key,
)

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "SORT_KEYS",
    "Bookmark",
    "ExportFormat",
    "ImportFormat",
    "ImportResult",
    "Library",
    "LibraryError",
    "Mention",
    "NewerSchemaError",
    "RemovedBookmark",
    "SortKey",
    "Visit",
    "article_key",
]
