"""Writing the library out: our lossless JSON, Netscape bookmarks HTML, Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from html import escape
from typing import TextIO

from reader.storage.importers import JSON_FORMAT_NAME
from reader.storage.records import Entry, is_text_key, parse_stamp, utc_now

#: Version of the JSON export layout (not of the database schema).
JSON_VERSION = 1


def write(out: TextIO, format: str, entries: Iterable[Entry]) -> int:
    """Write ``entries`` to ``out`` in ``format``; returns how many were written."""
    writers: dict[str, Callable[[TextIO, Iterable[Entry]], int]] = {
        "json": write_json, "html": write_html, "markdown": write_markdown,
    }
    if format not in writers:
        raise ValueError(f"unknown export format {format!r}")
    return writers[format](out, entries)


def write_json(out: TextIO, entries: Iterable[Entry]) -> int:
    """One object, one bookmark a line; streamed, so a large library needs little memory."""
    out.write(f'{{"format": "{JSON_FORMAT_NAME}", "version": {JSON_VERSION}, '
              f'"exported_at": "{utc_now()}", "bookmarks": [')
    count = 0
    for entry in entries:
        item = {
            "url": entry.url, "title": entry.title, "site": entry.site,
            "byline": entry.byline, "published": entry.published, "saved_at": entry.saved_at,
            "read_at": entry.read_at, "tags": list(entry.tags), "note": entry.note,
            "article": entry.article,
        }
        out.write(("\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _epoch(value: str | None) -> int:
    moment = parse_stamp(value)
    return int(moment.timestamp()) if moment else 0


def write_html(out: TextIO, entries: Iterable[Entry]) -> int:
    """The Netscape bookmark file browsers import; articles without a URL are left out.

    ``TOREAD`` is 1 for unread and 0 for read bookmarks (browsers ignore it).
    """
    out.write(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
        "<!-- This is an automatically generated file. It will be read and overwritten. -->\n"
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n'
        "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n"
    )
    count = 0
    for entry in entries:
        if is_text_key(entry.url):
            continue
        tags = f' TAGS="{escape(",".join(entry.tags))}"' if entry.tags else ""
        out.write(
            f'    <DT><A HREF="{escape(entry.url)}" ADD_DATE="{_epoch(entry.saved_at)}"'
            f'{tags} TOREAD="{0 if entry.read_at else 1}">{escape(entry.title)}</A>\n'
        )
        if entry.note:
            out.write(f"    <DD>{escape(entry.note)}\n")
        count += 1
    out.write("</DL><p>\n")
    return count


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def write_markdown(out: TextIO, entries: Iterable[Entry]) -> int:
    """A list of links, one bookmark an item, its note quoted below it."""
    out.write("# Bookmarks\n\n")
    count = 0
    for entry in entries:
        title = _md(entry.title or entry.url)
        if is_text_key(entry.url):
            head = f"- {title} (saved text, no URL)"
        else:
            target = entry.url.replace("<", "%3C").replace(">", "%3E")
            head = f"- [{title}](<{target}>)"
        details = [_md(entry.site)] if entry.site else []
        saved = parse_stamp(entry.saved_at)
        if saved:
            details.append(f"saved {saved.date().isoformat()}")
        details.append("read" if entry.read_at else "unread")
        if entry.tags:
            details.append(" ".join(f"#{_md(tag)}" for tag in entry.tags))
        out.write(f"{head} — {' · '.join(details)}\n")
        for line in entry.note.splitlines():
            out.write(f"  > {_md(line)}\n" if line else "  >\n")
        count += 1
    return count
