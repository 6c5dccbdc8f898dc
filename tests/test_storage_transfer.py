"""Imports (Pocket, Instapaper, browser bookmarks, our JSON) and exports, on real files."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_storage_support import entity, make_article

from reader.storage import Library, LibraryError

IMPORTS = Path(__file__).parent / "fixtures" / "imports"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib  # type: ignore[misc]
    lib.close()


def test_pocket_csv(library: Library) -> None:
    result = library.import_file(IMPORTS / "pocket.csv")
    assert (result.added, result.duplicates, result.invalid) == (4, 1, 1)
    marks = {b.url: b for b in library.list_bookmarks()}
    tides = marks["https://tides.example.org/how-tables-work"]
    assert tides.title == "How tide tables are computed"  # the first of the duplicates
    assert tides.tags == ("science", "sea") and tides.unread and not tides.has_copy
    assert tides.saved_at.timestamp() == 1700000000
    comma = marks["https://www.example.com/comma?x=1&y=2"]
    assert comma.title == "A title, with a comma" and comma.site == "example.com"
    assert not comma.unread
    assert marks["https://example.net/untitled"].title == "https://example.net/untitled"
    assert marks["https://example.com/escape"].title == "Sneaky red title"  # no ESC left
    assert [b.url for b in library.search("tide")] == ["https://tides.example.org/how-tables-work"]
    # Importing again adds nothing.
    again = library.import_file(IMPORTS / "pocket.csv", "pocket")
    assert (again.added, again.duplicates) == (0, 5)


def test_instapaper_csv(library: Library) -> None:
    result = library.import_file(IMPORTS / "instapaper.csv")
    assert (result.added, result.invalid) == (4, 1)
    marks = {b.url: b for b in library.list_bookmarks()}
    slow = marks["https://letters.example.com/on-slowness"]
    assert slow.note == "Read slowly, think twice." and slow.unread and slow.tags == ()
    assert not marks["https://letters.example.com/archive-me"].unread
    assert marks["https://recipes.example.org/bread"].tags == ("Cooking",)
    assert marks["https://letters.example.com/star"].tags == ("starred",)


def test_browser_bookmarks_html(library: Library) -> None:
    result = library.import_file(IMPORTS / "bookmarks.html")
    assert (result.added, result.invalid) == (5, 2)  # bookmarklet and place: skipped
    marks = {b.url: b for b in library.list_bookmarks()}
    rivers = marks["https://news.example.com/world/rivers"]
    assert rivers.title == "Rivers of the world & their deltas"
    assert rivers.tags == ("geography", "water") and rivers.note == "Long read for the weekend"
    assert rivers.saved_at.timestamp() == 1600000000
    soup = marks["https://food.example.org/soup"]
    assert soup.tags == ("Recipes",) and soup.saved_at.timestamp() == 1600000500  # ms scaled
    bread = marks["https://food.example.org/bread"]
    assert bread.tags == ("Recipes", "Baking") and not bread.unread
    unclosed = marks["https://food.example.org/unclosed"]
    assert unclosed.title == "Unclosed link" and unclosed.note == ""
    assert marks["https://docs.example.com/guide"].tags == ()  # the toolbar is no folder of ours


def _saved_library(library: Library) -> None:
    library.import_file(IMPORTS / "broadsheet.json")
    library.add_bookmark(make_article("https://x.example/ünï", "Quotes \"&\" <tags>",
                                      "Line one.\n\nLine two.", entities=(entity("Ada"),)),
                         tags=["a b", "ß"], note="multi\nline <note>")
    library.mark_read(library.list_bookmarks()[0].id)


def test_json_export_is_lossless(library: Library, tmp_path: Path) -> None:
    _saved_library(library)
    first = io.StringIO()
    assert library.export_json(first) == 4
    (tmp_path / "export.json").write_text(first.getvalue(), encoding="utf-8")
    with Library(tmp_path / "other.sqlite3") as other:
        result = other.import_file(tmp_path / "export.json")
        assert (result.added, result.duplicates, result.invalid) == (4, 0, 0)
        second = io.StringIO()
        other.export_json(second)
        for mine, theirs in zip(library.list_bookmarks(), other.list_bookmarks(), strict=True):
            assert (mine.url, mine.saved_at, mine.read_at, mine.tags, mine.note) == (
                theirs.url, theirs.saved_at, theirs.read_at, theirs.tags, theirs.note)
            assert library.article(mine.id) == other.article(theirs.id)
        assert [m.url for m in other.articles_mentioning("Lisboa")] == [
            m.url for m in library.articles_mentioning("Lisboa")]
    mine_json, theirs_json = json.loads(first.getvalue()), json.loads(second.getvalue())
    assert mine_json["bookmarks"] == theirs_json["bookmarks"]


def test_json_fixture_imports_every_field(library: Library) -> None:
    library.import_file(IMPORTS / "broadsheet.json")
    ferries = library.find("https://harbour.example.com/ferries")
    assert ferries is not None
    assert ferries.byline == "By A. Writer" and ferries.published == "2026-11-19T08:30:00+01:00"
    assert ferries.note == "Check the timetable.\nSecond line." and ferries.tags == ("travel", "sea")
    copy = library.article(ferries.id)
    assert copy is not None and copy.body[0].spans[1].strong and copy.related[0].title == "Ports in winter"
    pasted = library.find("text:0123456789abcdef0123456789abcdef01234567")
    assert pasted is not None and not pasted.unread
    assert {m.url for m in library.articles_mentioning("lisboa")} == {ferries.url, pasted.url}
    plain = library.find("https://plain.example.org/no-copy")
    assert plain is not None and not plain.has_copy


def test_json_import_makes_article_copies_safe(library: Library, tmp_path: Path) -> None:
    data = json.loads((IMPORTS / "broadsheet.json").read_text(encoding="utf-8"))
    item = data["bookmarks"][0]
    item["title"] = "Evil \x1b]0;owned\x07title"
    item["article"]["body"][0]["spans"][0]["text"] = "Ferries \x1b[2J\u202eto "
    (tmp_path / "evil.json").write_text(json.dumps(data), encoding="utf-8")
    library.import_file(tmp_path / "evil.json")
    saved = library.find(item["url"])
    assert saved is not None and saved.title == "Evil title"
    copy = library.article(saved.id)
    assert copy is not None and copy.body[0].spans[0].text == "Ferries [2Jto "


def test_netscape_export_is_a_browser_bookmark_file(library: Library, tmp_path: Path) -> None:
    _saved_library(library)
    out = io.StringIO()
    assert library.export_html(out) == 3  # the pasted text has no URL to bookmark
    html = out.getvalue()
    assert html.startswith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")
    links: list[dict[str, str | None]] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "a":
                links.append(dict(attrs))

    Links().feed(html)
    assert {link["href"] for link in links} == {
        "https://harbour.example.com/ferries", "https://plain.example.org/no-copy",
        "https://x.example/ünï"}
    assert all(int(link["add_date"] or 0) > 1_600_000_000 for link in links)
    assert "Quotes &quot;&amp;&quot; &lt;tags&gt;" in html
    # And it comes back: same URLs, titles, tags, notes, read state.
    (tmp_path / "out.html").write_text(html, encoding="utf-8")
    with Library(tmp_path / "other.sqlite3") as other:
        assert other.import_file(tmp_path / "out.html").added == 3
        for url in ("https://harbour.example.com/ferries", "https://x.example/ünï"):
            mine, theirs = library.find(url), other.find(url)
            assert mine is not None and theirs is not None
            assert (mine.title, mine.tags, mine.note, mine.unread) == (
                theirs.title, theirs.tags, theirs.note, theirs.unread)


def test_markdown_export(library: Library) -> None:
    _saved_library(library)
    out = io.StringIO()
    assert library.export_markdown(out) == 4
    text = out.getvalue()
    assert text.startswith("# Bookmarks\n")
    assert "- [Night ferries return to the harbour](<https://harbour.example.com/ferries>)" in text
    assert "Pasted notes on Lisbon (saved text, no URL)" in text
    assert "Quotes \"&\" \\<tags\\>" in text and "#a b #ß" in text
    assert "  > multi\n  > line \\<note\\>\n" in text


def test_bad_files_give_one_clear_error(library: Library, tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="cannot read"):
        library.import_file(tmp_path / "missing.csv")
    (tmp_path / "notes.txt").write_text("just some words\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="cannot tell the format"):
        library.import_file(tmp_path / "notes.txt")
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(LibraryError, match="not a valid json export"):
        library.import_file(tmp_path / "other.json")
    (tmp_path / "broken.json").write_text('{"format": "broadsheet-library", "book', "utf-8")
    with pytest.raises(LibraryError, match="not a valid json export"):
        library.import_file(tmp_path / "broken.json")
    assert library.count() == 0


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["pocket", "instapaper", "netscape", "json"]),
       st.lists(st.sampled_from([*'ab,"<>|[]{}:\n\x1b', "<DT><A HREF=", "http://x", "url",
                                 "title", "{\"format\": \"broadsheet-library\""]),
                max_size=60).map("".join))
def test_imports_of_any_text_add_rows_or_fail_with_one_error(
    tmp_path_factory: pytest.TempPathFactory, format: str, text: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "input").write_text(text, encoding="utf-8")
    with Library(folder / "lib.sqlite3") as lib:
        try:
            result = lib.import_file(folder / "input", format)  # type: ignore[arg-type]
        except LibraryError as exc:
            assert "\n" not in str(exc)
        else:
            assert lib.count() == result.added
            assert all("\x1b" not in b.title for b in lib.list_bookmarks())


def test_deeply_nested_json_is_refused_cleanly(library: Library, tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(LibraryError, match="not a valid json export"):
        library.import_file(tmp_path / "deep.json")
