"""The errors the storage layer raises."""

from __future__ import annotations


class LibraryError(Exception):
    """A library operation failed; the message is one line meant for the user."""


class NewerSchemaError(LibraryError):
    """The library was written by a newer Broadsheet; it is left untouched."""


class DamagedFileError(Exception):
    """The file is not a readable SQLite database (the reason is the message)."""
