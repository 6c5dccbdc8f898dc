"""The library API on real SQLite files: bookmarks, search, undo, history, "Mentioned in"."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_storage_support import entity, make_article

from reader import paths
from reader.storage import Library, article_key
from reader.storage.entity_index import name_key
from reader.storage.fts import match_expression
from reader.storage.schema import SCHEMA_VERSION


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib  # type: ignore[misc]
    lib.close()


def test_default_path_is_the_data_dir_and_pragmas_are_set() -> None:
    with Library() as lib:
        assert lib.path == paths.database_file()
        assert lib.notice is None
    conn = sqlite3.connect(paths.database_file())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_bookmark_keeps_every_field_and_the_offline_copy(library: Library) -> None:
    article = make_article(
        "https://news.example/a", "Rivers rise", "First part.\n\nSecond part.",
        byline="Jo Doe", published=datetime(2026, 3, 4, 7, 15, tzinfo=UTC), lang="en",
        entities=(entity("Jo Doe", 2),),
    )
    saved = library.add_bookmark(article, tags=["water", "Water", "a, b"], note="line 1\nline 2")
    assert (saved.url, saved.title, saved.site, saved.byline) == (
        "https://news.example/a", "Rivers rise", "example.org", "Jo Doe")
    assert saved.published == "2026-03-04T07:15:00+00:00"
    assert saved.tags == ("water", "a", "b")
    assert saved.note == "line 1\nline 2"
    assert saved.unread and saved.has_copy
    assert library.get(saved.id) == saved
    assert library.article(saved.id) == article
    assert library.find(article) == saved


def test_article_without_url_gets_a_stable_text_key(library: Library) -> None:
    first = make_article(None, "Pasted", "Same words.")
    again = make_article(None, "Pasted", "Same words.")
    other = make_article(None, "Pasted", "Other words.")
    assert article_key(first) == article_key(again) != article_key(other)
    assert article_key(first).startswith("text:")
    saved = library.add_bookmark(first)
    assert saved.web_url is None
    assert library.add_bookmark(again).id == saved.id
    assert library.count() == 1


def test_saving_again_refreshes_the_copy_and_keeps_the_rest(library: Library) -> None:
    old = library.add_bookmark(make_article(text="Old text."), tags=["a"], note="keep me")
    library.mark_read(old.id)
    new = library.add_bookmark(make_article(title="New title", text="New text."), tags=["b"])
    assert new.id == old.id
    assert new.title == "New title" and new.tags == ("a", "b") and new.note == "keep me"
    assert new.saved_at == old.saved_at and not new.unread
    copy = library.article(new.id)
    assert copy is not None and copy.text == "New text."
    assert [b.id for b in library.search("new")] == [new.id]
    assert library.search("old") == []


def test_refresh_copy_keeps_the_key_when_the_page_moved(library: Library) -> None:
    saved = library.add_bookmark(make_article("https://old.example/a", "Old", "Old text."),
                                 tags=["keep"])
    moved = make_article("https://new.example/a", "New", "New text.",
                         entities=(entity("Grace Hopper"),))
    refreshed = library.refresh_copy(saved.id, moved)
    assert refreshed is not None
    assert (refreshed.url, refreshed.title, refreshed.tags) == ("https://old.example/a", "New",
                                                                ("keep",))
    copy = library.article(saved.id)
    assert copy is not None and copy.text == "New text."
    assert [m.bookmark_id for m in library.articles_mentioning("grace hopper")] == [saved.id]
    assert library.refresh_copy(999, moved) is None and library.count() == 1


def test_toggle_saves_then_removes(library: Library) -> None:
    article = make_article()
    assert library.toggle_bookmark(article) is True
    assert library.find(article) is not None
    assert library.toggle_bookmark(article) is False
    assert library.find(article) is None and library.count() == 0


def test_remove_and_restore_give_back_everything(library: Library) -> None:
    first = library.add_bookmark(make_article("https://a.example/1", "One", "Alpha text.",
                                              entities=(entity("Ada Lovelace"),)))
    second = library.add_bookmark(make_article("https://a.example/2", "Two"), tags=["t"],
                                  note="n")
    library.mark_read(second.id)
    removed = library.remove(second.id)
    assert removed is not None and library.get(second.id) is None
    assert library.remove(second.id) is None
    restored = library.restore(removed)
    assert restored == library.get(second.id) == removed.bookmark
    assert library.article(second.id) == make_article("https://a.example/2", "Two")
    assert [b.id for b in library.search("two")] == [second.id]
    # The entity index follows removal and undo too.
    removed_first = library.remove(first.id)
    assert removed_first is not None and library.articles_mentioning("Ada Lovelace") == []
    library.restore(removed_first)
    assert [m.url for m in library.articles_mentioning("ada lovelace")] == [first.url]


def test_restore_after_saving_again_keeps_the_new_bookmark(library: Library) -> None:
    article = make_article()
    removed = library.remove(library.add_bookmark(article).id)
    assert removed is not None
    again = library.add_bookmark(article, note="new")
    assert library.restore(removed) == again
    assert library.count() == 1


def test_ids_are_never_reused(library: Library) -> None:
    first = library.add_bookmark(make_article("https://a.example/1"))
    library.remove(first.id)
    assert library.add_bookmark(make_article("https://a.example/2")).id != first.id


def test_tags_note_and_read_state(library: Library) -> None:
    saved = library.add_bookmark(make_article())
    tagged = library.set_tags(saved.id, [" science ", "Sea", "\x1b[31msea", ""])
    assert tagged is not None and tagged.tags == ("science", "Sea")
    noted = library.set_note(saved.id, "look \u202eup\x07 later")
    assert noted is not None and noted.note == "look up later"
    read = library.mark_read(saved.id)
    assert read is not None and read.read_at is not None and not read.unread
    unread = library.mark_read(saved.id, read=False)
    assert unread is not None and unread.unread
    assert library.set_tags(999, ["x"]) is None and library.mark_read(999) is None
    assert library.tags() == [("science", 1), ("Sea", 1)]
    assert [b.id for b in library.search("scien")] == [saved.id]
    assert [b.id for b in library.search("lat")] == [saved.id]


def _fill(library: Library) -> dict[str, int]:
    ids: dict[str, int] = {}
    rows = [("b", "Banana", "zeta.example", "2026-01-02"), ("a", "apple", None, None),
            ("c", "Cherry", "alpha.example", "2026-05-01")]
    for slug, title, site, published in rows:
        article = make_article(f"https://f.example/{slug}", title, site=site,
                               published=datetime.fromisoformat(published) if published else None)
        ids[slug] = library.add_bookmark(article, tags=["fruit"] if slug != "c" else []).id
    return ids


def test_sorting_filters_and_paging(library: Library) -> None:
    ids = _fill(library)

    def order(**kwargs: object) -> list[int]:
        return [b.id for b in library.list_bookmarks(**kwargs)]  # type: ignore[arg-type]

    assert order() == [ids["c"], ids["a"], ids["b"]]  # newest saved first
    assert order(sort="title") == [ids["a"], ids["b"], ids["c"]]  # case-insensitive
    assert order(sort="title", descending=True) == [ids["c"], ids["b"], ids["a"]]
    assert order(sort="site") == [ids["c"], ids["b"], ids["a"]]  # no site goes last
    assert order(sort="published") == [ids["c"], ids["b"], ids["a"]]
    library.mark_read(ids["c"])
    assert order(unread_first=True) == [ids["a"], ids["b"], ids["c"]]
    assert order(unread_only=True) == [ids["a"], ids["b"]]
    assert order(tag="FRUIT") == [ids["a"], ids["b"]]
    assert order(limit=1, offset=1) == [ids["a"]]
    assert library.count() == 3
    assert library.count(unread_only=True) == 2 and library.count(tag="fruit") == 2
    with pytest.raises(ValueError):
        library.list_bookmarks("colour")  # type: ignore[arg-type]


def test_search_prefixes_ranking_accents_and_fields(library: Library) -> None:
    in_title = library.add_bookmark(make_article("https://s.example/1", "Café culture",
                                                 "Nothing here."))
    in_text = library.add_bookmark(make_article("https://s.example/2", "Other",
                                                "We met at a cafe in Zürich."))
    tagged = library.add_bookmark(make_article("https://s.example/3", "Third"),
                                  tags=["coffee"], note="ask about the café")
    assert {b.id for b in library.search("cafe")} == {in_title.id, in_text.id, tagged.id}
    assert library.search("caf")[0].id == in_title.id  # title hits rank first
    assert [b.id for b in library.search("zuri caf")] == [in_text.id]
    assert [b.id for b in library.search("coff")] == [tagged.id]
    assert library.search("cafe", limit=1)[0].id == in_title.id
    assert len(library.search("   ")) == 3  # no words: the newest bookmarks
    assert library.search("nomatchword") == []


@pytest.mark.parametrize("query", [
    '"', "'", "AND", "OR NOT", "NEAR(a b)", "a*", "*", "^start", "title:x", "(", ")",
    "a - b", "col:", '"unclosed', "\x00", "{title}: x", "+", "a AND (b OR",
])
def test_search_never_reads_user_text_as_fts_syntax(library: Library, query: str) -> None:
    library.add_bookmark(make_article(title="and or not near title start"))
    library.search(query)  # must not raise
    assert match_expression(query) is None or '"' in match_expression(query)  # type: ignore[operator]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_search_accepts_any_text(tmp_path_factory: pytest.TempPathFactory, query: str) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz.sqlite3"
    with Library(path) as lib:
        if lib.count() == 0:
            lib.add_bookmark(make_article(title="fuzz target", text="words to find"))
        assert isinstance(lib.search(query), list)


def test_history_is_kept_apart_with_positions(tmp_path: Path) -> None:
    with Library(tmp_path / "h.sqlite3", history_limit=3) as lib:
        for n in range(5):
            lib.record_visit(make_article(f"https://h.example/{n}", f"Story {n}"), scroll=0.1 * n)
        recent = lib.recent()
        assert [v.url for v in recent] == [f"https://h.example/{n}" for n in (4, 3, 2)]
        assert recent[0].scroll == pytest.approx(0.4) and recent[0].has_copy
        assert lib.count() == 0  # reading is not bookmarking
        assert lib.set_position("https://h.example/3", 2.5, line=120)
        visit = lib.visit("https://h.example/3")
        assert visit is not None and visit.scroll == 1.0 and visit.line == 120
        assert not lib.set_position("https://h.example/0", 0.5)
        copy = lib.offline_copy("https://h.example/2")
        assert copy is not None and copy.title == "Story 2"
        assert lib.forget_visit("https://h.example/2") and lib.offline_copy("https://h.example/2") is None
        assert lib.clear_history() == 2 and lib.recent() == []
        # Coming back to an article resumes where the reader left it.
        article = make_article("https://h.example/back")
        assert lib.record_visit(article).scroll == 0.0
        lib.set_position(article, 0.6, line=40)
        again = lib.record_visit(article)
        assert (again.scroll, again.line) == (0.6, 40)
        assert lib.record_visit(article, scroll=0.1).scroll == 0.1


def test_offline_copy_prefers_the_bookmark(library: Library) -> None:
    library.record_visit(make_article(text="History version."))
    library.add_bookmark(make_article(text="Saved version."))
    copy = library.offline_copy("https://example.org/a")
    assert copy is not None and copy.text == "Saved version."


def test_mentioned_in_covers_saved_and_read_articles(library: Library) -> None:
    macron = entity("Emmanuel Macron", 3, "Macron")
    saved = library.add_bookmark(make_article("https://m.example/1", "Summit", entities=(macron,)))
    library.record_visit(make_article("https://m.example/2", "Budget",
                                      entities=(entity("MACRON", 1), entity("Zürich", 1))))
    library.add_bookmark(make_article("https://m.example/3", "Other", entities=(entity("Ada"),)))
    found = library.articles_mentioning("macron")
    assert [m.url for m in found] == ["https://m.example/2", "https://m.example/1"]
    assert found[1].bookmark_id == saved.id and found[1].count == 3 and found[0].bookmark_id is None
    assert found[0].title == "Budget" and found[1].name == "Emmanuel Macron"
    on_screen = make_article("https://m.example/1")
    assert [m.url for m in library.articles_mentioning(macron, exclude_url=on_screen)] == [
        "https://m.example/2"]
    assert [m.url for m in library.articles_mentioning("ZURICH")] == ["https://m.example/2"]
    assert library.articles_mentioning("") == [] and library.articles_mentioning("nobody") == []
    # Leaving the history drops the mentions of articles that are not saved.
    library.clear_history()
    assert [m.url for m in library.articles_mentioning("Macron")] == ["https://m.example/1"]


def test_name_keys_ignore_case_accents_and_punctuation() -> None:
    assert name_key("Zürich") == name_key("ZURICH") == "zurich"
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("  Jean-Luc   Picard ") == "jean luc picard"
    assert name_key("O’Brien") == name_key("O'Brien")
    assert name_key("...") == ""


def test_library_is_shared_safely_between_threads(library: Library) -> None:
    import threading

    def work(start: int) -> None:
        for n in range(start, start + 25):
            library.add_bookmark(make_article(f"https://t.example/{n}"))
            library.search("title")

    threads = [threading.Thread(target=work, args=(n * 100,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert library.count() == 100
