"""Reading other read-later exports: Pocket and Instapaper CSV, browser bookmarks, our JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.core.models import Article
from reader.core.sanitize import clean_text, clean_url
from reader.storage.errors import LibraryError
from reader.storage.records import (
    IMPORT_FORMATS,
    TEXT_KEY_PREFIX,
    Entry,
    ImportFormat,
    clean_tags,
    parse_stamp,
    stamp,
    utc_now,
)

#: The ``format`` field of our own JSON export.
JSON_FORMAT_NAME = "broadsheet-library"
_TEXT_KEY = re.compile(re.escape(TEXT_KEY_PREFIX) + r"[0-9a-f]{40}")
_URL_SCHEMES = ("http", "https", "file")
# Controls (but tab and newline) and bidi overrides: what makes text unsafe in a terminal.
# The article copy keeps its spacing (spans rely on it), so clean_text cannot be used there.
_UNSAFE = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def read_file(path: Path, format: ImportFormat | None = None) -> list[Entry | None]:
    """The entries of an export file (None for each row without a usable URL)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LibraryError(f"cannot read {path}: {exc.strerror or exc}") from exc
    text = raw.decode("utf-8-sig", errors="replace")
    chosen = format or guess_format(path, text)
    if chosen not in IMPORT_FORMATS:
        raise LibraryError(f"unknown import format {chosen!r}")
    readers: dict[str, Callable[[str], Iterable[Entry | None]]] = {
        "pocket": read_pocket, "instapaper": read_instapaper,
        "netscape": read_netscape, "json": read_json,
    }
    try:
        return list(readers[chosen](text))
    except (csv.Error, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise LibraryError(f"{path} is not a valid {chosen} export: {exc}") from exc


def guess_format(path: Path, text: str) -> ImportFormat:
    """The format of an export, from its content (its name only breaks ties)."""
    head = text.lstrip()[:2000]
    if head.startswith(("{", "[")):
        return "json"
    lowered = head.lower()
    if "netscape-bookmark-file" in lowered or "<dl" in lowered or "<a " in lowered:
        return "netscape"
    first_line = lowered.split("\n", 1)[0]
    if "time_added" in first_line:
        return "pocket"
    if "selection" in first_line or "folder" in first_line:
        return "instapaper"
    if path.suffix.lower() in (".html", ".htm"):
        return "netscape"
    raise LibraryError(f"cannot tell the format of {path}; give --format")


def _entry(url: str | None, title: str | None, *, added: str | None = None,
           tags: Iterable[str] = (), read: bool = False, note: str = "") -> Entry | None:
    clean, site = _checked_url(url)
    if clean is None:
        return None
    saved = _epoch(added) or utc_now()
    return Entry(
        url=clean, title=clean_text(title) or clean, site=site, saved_at=saved,
        read_at=saved if read else None, tags=clean_tags(tags),
        note=clean_text(note, multiline=True) if note else "",
    )


def _checked_url(url: str | None) -> tuple[str | None, str | None]:
    """(the cleaned URL, its host without ``www.``), or (None, None) when not usable."""
    if url and _TEXT_KEY.fullmatch(url.strip()):
        return url.strip(), None
    clean = clean_url(url)
    if clean is None:
        return None, None
    parts = urlsplit(clean)
    if parts.scheme.lower() not in _URL_SCHEMES:
        return None, None
    host = parts.hostname
    return clean, host.removeprefix("www.") if host else None


def import_url(url: str | None) -> str | None:
    """``url`` cleaned, when it is a web or file URL (or one of our text keys)."""
    return _checked_url(url)[0]


def _epoch(value: str | None) -> str | None:
    """A Unix time (seconds; milli- or microseconds are scaled) as a stored stamp."""
    try:
        seconds = float(str(value).strip())
    except ValueError:
        return None
    while seconds > 1e11:  # browsers write milli- or microseconds
        seconds /= 1000
    if seconds <= 0:
        return None
    return stamp(datetime.fromtimestamp(seconds, UTC))


def _rows(text: str) -> Iterator[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        yield {(key or "").strip().lower(): (value or "") for key, value in row.items()
               if isinstance(value, str)}


def _split_tags(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("["):
        try:
            return [str(tag) for tag in json.loads(value)]
        except ValueError:
            pass
    return re.split(r"[|,]", value)


def read_pocket(text: str) -> Iterator[Entry | None]:
    """Pocket's CSV export: ``title,url,time_added,tags,status`` (tags split by ``|``)."""
    for row in _rows(text):
        yield _entry(row.get("url"), row.get("title"), added=row.get("time_added"),
                     tags=_split_tags(row.get("tags", "")),
                     read=row.get("status", "").strip().lower() in ("archive", "read"))


def read_instapaper(text: str) -> Iterator[Entry | None]:
    """Instapaper's CSV export: ``URL,Title,Selection,Folder,Timestamp``.

    "Archive" means read; "Starred" and the user's own folders become tags; the
    selection becomes the note.
    """
    for row in _rows(text):
        folder = clean_text(row.get("folder"))
        tags = _split_tags(row.get("tags", ""))
        if folder and folder.lower() not in ("unread", "archive"):
            tags.append(folder.lower() if folder == "Starred" else folder)
        yield _entry(row.get("url"), row.get("title"), added=row.get("timestamp"), tags=tags,
                     read=folder.lower() == "archive", note=row.get("selection", ""))


class _NetscapeParser(HTMLParser):
    """Collects ``<A>`` links, their ``<DD>`` descriptions and the folders around them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, Any]] = []
        self._folders: list[str | None] = []  # one per open <DL>
        self._pending_folder: str | None = None
        self._heading: dict[str, str | None] | None = None
        self._link: dict[str, Any] | None = None
        self._described: dict[str, Any] | None = None  # the link a <DD> here would describe
        self._text: list[str] = []
        self._in_dd = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("dt", "dl", "dd", "h3", "a"):
            self._end_description()
            self._end_link()  # files with unclosed <A> exist
        if tag == "dl":
            self._folders.append(self._pending_folder)
            self._pending_folder = None
        elif tag == "h3":
            self._heading = dict(attrs)
            self._text = []
        elif tag == "a":
            self._link = {"attrs": dict(attrs), "folders": [f for f in self._folders if f]}
            self._text = []
        elif tag == "dd" and self._described is not None:
            self._in_dd = True
            self._text = []
        if tag != "dd":
            self._described = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._end_link()
        elif tag == "h3" and self._heading is not None:
            # The browser's own roots (toolbar, "other bookmarks") are not the user's folders.
            roots = ("personal_toolbar_folder", "unfiled_bookmarks_folder")
            is_root = any(key in self._heading for key in roots)
            self._pending_folder = None if is_root else "".join(self._text)
            self._heading = None
        elif tag == "dl":
            self._end_description()
            if self._folders:
                self._folders.pop()

    def handle_data(self, data: str) -> None:
        if self._link is not None or self._heading is not None or self._in_dd:
            self._text.append(data)

    def _end_link(self) -> None:
        if self._link is not None:
            self._link["title"] = "".join(self._text)
            self.links.append(self._link)
            self._described = self._link
            self._link = None

    def _end_description(self) -> None:
        if self._in_dd and self._described is not None:
            self._described["note"] = "".join(self._text)
        self._in_dd = False

    def close(self) -> None:
        super().close()
        self._end_link()
        self._end_description()


def read_netscape(text: str) -> Iterator[Entry | None]:
    """A browser's ``bookmarks.html`` (Netscape format): folders become tags.

    ``TOREAD="0"`` (as we export read bookmarks) marks a link read; others are unread.
    """
    parser = _NetscapeParser()
    parser.feed(text)
    parser.close()
    for link in parser.links:
        attrs = link["attrs"]
        tags = [*link["folders"], *(attrs.get("tags") or "").split(",")]
        yield _entry(attrs.get("href"), link["title"], added=attrs.get("add_date"), tags=tags,
                     read=(attrs.get("toread") or "").strip() == "0", note=link.get("note", ""))


def _defang(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_UNSAFE)
    if isinstance(value, list):
        return [_defang(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _defang(item) for key, item in value.items()}
    return value


def _optional(value: Any) -> str | None:
    return (clean_text(str(value)) or None) if value is not None else None


def read_json(text: str) -> Iterator[Entry | None]:
    """Our own export (:mod:`reader.storage.exporters`): every field comes back as it was."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != JSON_FORMAT_NAME:
        raise ValueError(f'expected an object with "format": "{JSON_FORMAT_NAME}"')
    for item in data.get("bookmarks") or ():
        if not isinstance(item, dict):
            yield None
            continue
        url = import_url(item.get("url"))
        saved = parse_stamp(item.get("saved_at"))
        if url is None or saved is None:
            yield None
            continue
        read = parse_stamp(item.get("read_at"))
        article = item.get("article")
        copy: dict[str, Any] | None = None
        if isinstance(article, dict):
            try:
                copy = Article.from_dict(_defang(article)).to_dict()
            except (KeyError, TypeError, ValueError):
                copy = None
        yield Entry(
            url=url, title=clean_text(item.get("title")), site=_optional(item.get("site")),
            byline=_optional(item.get("byline")), published=_optional(item.get("published")),
            saved_at=stamp(saved), read_at=stamp(read) if read else None,
            tags=clean_tags(str(tag) for tag in item.get("tags") or ()),
            note=clean_text(item.get("note"), multiline=True), article=copy,
        )
