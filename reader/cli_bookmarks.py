"""`broadsheet bookmarks ...`: list, add, remove, search, export and import saved articles."""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from reader.storage import Bookmark, ExportFormat, Library

_SORTS = ("saved", "title", "site", "published")
_EXPORTS = ("json", "html", "markdown")
_IMPORTS = ("pocket", "instapaper", "netscape", "json")


class _CommandError(Exception):
    """A failure to report as one line on stderr."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``bookmarks`` command and its actions to the ``broadsheet`` parser."""
    parser = subparsers.add_parser(
        "bookmarks", help="list, add, search, export or import saved articles",
        description="Manage the read-later library (without an action: list).",
    )
    actions = parser.add_subparsers(dest="bookmarks_action", metavar="ACTION")

    list_ = actions.add_parser("list", help="list bookmarks (unread marked with *)")
    list_.add_argument("--sort", choices=_SORTS, default="saved")
    list_.add_argument("--unread", action="store_true", help="only unread bookmarks")
    list_.add_argument("--unread-first", action="store_true", help="unread bookmarks first")
    list_.add_argument("--tag", help="only bookmarks with this tag")
    list_.add_argument("--limit", type=int, help="at most this many")

    add = actions.add_parser("add", help="save a page (a file, an http(s) URL, or - for stdin)")
    add.add_argument("source", metavar="SOURCE")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--note", default="", help="a note to keep with it")
    add.add_argument("--url", help="the page's address, when reading a file or stdin")

    remove = actions.add_parser("remove", help="delete bookmarks by id")
    remove.add_argument("ids", metavar="ID", type=int, nargs="+")

    search = actions.add_parser("search", help="full-text search of titles, text, tags, notes")
    search.add_argument("query", metavar="QUERY", nargs="+")
    search.add_argument("--limit", type=int, default=50)

    export = actions.add_parser("export", help="write every bookmark (to stdout by default)")
    export.add_argument("--format", "-f", choices=_EXPORTS, default="json")
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead")

    import_ = actions.add_parser("import", help="add bookmarks from an export file")
    import_.add_argument("file", metavar="FILE")
    import_.add_argument("--format", "-f", choices=_IMPORTS,
                         help="the file's format (guessed when left out)")


def run(args: argparse.Namespace) -> int:
    """Run one ``bookmarks`` action; errors print one line on stderr (status 1)."""
    from reader.storage import Library, LibraryError

    action = getattr(args, "bookmarks_action", None) or "list"
    try:
        with Library() as library:
            if library.notice:
                _error(library.notice)
            return _ACTIONS[action](library, args)
    except (LibraryError, _CommandError) as exc:
        _error(str(exc))
        return 1
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error of ours.
        _silence_stdout()
        return 0
    except OSError as exc:
        _error(f"{exc.filename or 'error'}: {exc.strerror or exc}")
        return 1


def _error(message: str) -> None:
    from reader.core.sanitize import clean_text

    print(f"broadsheet: {clean_text(message)}", file=sys.stderr)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _line(bookmark: Bookmark) -> str:
    mark = "*" if bookmark.unread else " "
    site = f"  ({bookmark.site})" if bookmark.site else ""
    tags = "  " + " ".join(f"#{tag}" for tag in bookmark.tags) if bookmark.tags else ""
    title = bookmark.title or bookmark.url
    return f"{bookmark.id:>5} {mark} {bookmark.saved_at.date().isoformat()}  {title}{site}{tags}"


def _print_all(bookmarks: Iterable[Bookmark]) -> None:
    out = sys.stdout
    for bookmark in bookmarks:
        out.write(_line(bookmark) + "\n")
    out.flush()


def _list(library: Library, args: argparse.Namespace) -> int:
    _print_all(library.list_bookmarks(
        getattr(args, "sort", "saved"), unread_only=getattr(args, "unread", False),
        unread_first=getattr(args, "unread_first", False), tag=getattr(args, "tag", None),
        limit=getattr(args, "limit", None),
    ))
    return 0


def _add(library: Library, args: argparse.Namespace) -> int:
    from reader.config import load_config
    from reader.core.errors import ExtractionError
    from reader.core.extract import extract
    from reader.sources import SourceError, load_source

    config, _problems = load_config()
    try:
        loaded = load_source(args.source, config=config.net)
        article = extract(loaded.content, url=args.url or loaded.url, charset=loaded.charset)
    except (SourceError, ExtractionError) as exc:
        raise _CommandError(str(exc)) from None
    if article.is_empty:
        raise _CommandError(f"{args.source}: no article text found")
    bookmark = library.add_bookmark(article, tags=args.tag, note=args.note)
    print(f"saved {bookmark.id}: {bookmark.title or bookmark.url}")
    return 0


def _remove(library: Library, args: argparse.Namespace) -> int:
    status = 0
    for bookmark_id in args.ids:
        removed = library.remove(bookmark_id)
        if removed is None:
            _error(f"no bookmark with id {bookmark_id}")
            status = 1
        else:
            print(f"removed {bookmark_id}: {removed.bookmark.title or removed.bookmark.url}")
    return status


def _search(library: Library, args: argparse.Namespace) -> int:
    _print_all(library.search(" ".join(args.query), limit=args.limit))
    return 0


def _export(library: Library, args: argparse.Namespace) -> int:
    if not args.output:
        # UTF-8 whatever the locale: the JSON export must come back byte for byte.
        sys.stdout.flush()
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
        try:
            count = library.export(out, args.format)
            out.flush()
        finally:
            out.detach()
    else:
        count = _export_to_file(library, Path(args.output), args.format)
    print(f"exported {count} bookmarks", file=sys.stderr)
    return 0


def _export_to_file(library: Library, target: Path, format: str) -> int:
    """Write beside the target, then rename: an interrupted export leaves no half file."""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as exc:
        raise _CommandError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        stream: TextIO
        with open(handle, "w", encoding="utf-8", newline="\n") as stream:
            count = library.export(stream, cast("ExportFormat", format))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count


def _import(library: Library, args: argparse.Namespace) -> int:
    result = library.import_file(Path(args.file), args.format)
    print(f"imported {args.file}: {result}")
    return 0


_ACTIONS = {
    "list": _list, "add": _add, "remove": _remove, "search": _search,
    "export": _export, "import": _import,
}
