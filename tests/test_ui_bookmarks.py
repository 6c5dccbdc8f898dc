"""Pilot tests of bookmarks and reading history in the app, against a real SQLite library."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reader import paths
from reader.config import Config
from reader.core.models import Article, Block, Entity, Span
from reader.storage import Library
from reader.ui.app import BroadsheetApp, create_app
from reader.ui.screens.bookmark_edit import BookmarkEditDialog
from reader.ui.screens.bookmarks import PAGE, BookmarksScreen
from reader.ui.screens.home import HomeScreen, StoryList
from reader.ui.widgets.sidebar import MentionList

SIZE = (120, 40)


def _page(title: str, word: str, paragraphs: int = 60) -> str:
    body = "".join(
        f"<p>Paragraph {i}: the {word} committee met Maria Lopez in Port Alder to argue "
        "about the harbour budget, and the argument went on for a long while.</p>"
        for i in range(paragraphs)
    )
    return (f'<!doctype html><html lang="en"><head><title>{title}</title></head><body>'
            f"<article><h1>{title}</h1>{body}</article></body></html>")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A long page on disk whose body has the word "quillwort"."""
    path = tmp_path / "story.html"
    path.write_text(_page("Harbour budget row", "quillwort"), encoding="utf-8")
    return path


def _article(n: int, *, entity: str = "Maria Lopez", title: str | None = None) -> Article:
    text = f"Story {n} says {entity} spoke at length about the tide tables."
    return Article(
        url=f"https://news.example/story/{n}", title=title or f"Saved story {n}",
        site="news.example", text=text, body=(Block("paragraph", (Span(text),)),),
        entities=(Entity(entity, "PER", 1, mentions=((len(f"Story {n} says "),
                                                       len(f"Story {n} says ") + len(entity)),)),),
    )


async def wait_for(pilot: Pilot[None], check: Callable[[], object], timeout: float = 8.0) -> None:
    """Let the app run until ``check()`` is true."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not check():
        if loop.time() > end:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


def messages(app: BroadsheetApp) -> list[str]:
    return [note.message for note in app._notifications]


async def open_story(pilot: Pilot[None], app: BroadsheetApp, source: Path | str) -> None:
    await wait_for(pilot, lambda: app.reader.page is not None
                   and app.reader.page.source == str(source))
    await pilot.pause()


async def bookmarks_screen(pilot: Pilot[None], app: BroadsheetApp,
                           count: int) -> BookmarksScreen:
    await pilot.press("B")
    await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen))
    screen = app.screen
    assert isinstance(screen, BookmarksScreen)
    await wait_for(pilot, lambda: len(screen.bookmark_list.bookmarks) == count)
    return screen


async def test_s_saves_with_offline_copy_and_entities_then_removes(story: Path) -> None:
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        await pilot.press("s")
        await wait_for(pilot, lambda: any("Saved: Harbour budget row" in m
                                          for m in messages(app)))
        with Library() as library:
            (saved,) = library.list_bookmarks()
            assert saved.has_copy and saved.unread
            copy = library.offline_copy(saved.url)
            assert copy is not None and "quillwort" in copy.text
            assert copy.entities and library.articles_mentioning(copy.entities[0])
        await pilot.press("s")
        await wait_for(pilot, lambda: any(m.startswith("Removed:") for m in messages(app)))
        with Library() as library:
            assert library.count() == 0


async def test_bookmarks_screen_lists_filters_by_body_word_and_sorts(story: Path) -> None:
    with Library() as library:
        library.add_bookmark(_article(1, title="Zebra crossing"))
        library.add_bookmark(_article(2, title="Apple harvest"))
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        await pilot.press("s")
        await wait_for(pilot, lambda: any(m.startswith("Saved:") for m in messages(app)))
        screen = await bookmarks_screen(pilot, app, 3)
        listing = screen.bookmark_list
        assert listing.bookmarks[0].title == "Harbour budget row"  # newest saved first
        label = str(listing.get_option_at_index(0).prompt)
        assert "●" in label and "saved" in label
        await pilot.press("S")  # by title
        await wait_for(pilot, lambda: listing.bookmarks[0].title == "Apple harvest")
        await pilot.press("slash", *"quillw")
        await wait_for(pilot, lambda: [b.title for b in listing.bookmarks]
                       == ["Harbour budget row"])
        assert "1 matching" in str(screen.query_one("#bookmarks-head").render())
        await pilot.press("down")
        assert app.focused is listing
        screen.query_one("#bookmarks-filter", Input).value = "nosuchwordanywhere"
        await wait_for(pilot, lambda: not listing.bookmarks)
        assert "No bookmark has all of" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("escape")  # clears the filter
        await wait_for(pilot, lambda: len(listing.bookmarks) == 3)
        await pilot.press("escape")  # closes the screen
        assert not isinstance(app.screen, BookmarksScreen)


async def test_delete_then_undo_brings_the_bookmark_back_whole() -> None:
    with Library() as library:
        first = library.add_bookmark(_article(1), tags=["tides"], note="read twice")
        library.add_bookmark(_article(2))
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await bookmarks_screen(pilot, app, 2)
        listing = screen.bookmark_list
        await pilot.press("j")
        assert listing.selected is not None and listing.selected.id == first.id
        await pilot.press("d")
        await wait_for(pilot, lambda: len(listing.bookmarks) == 1)
        assert any("u brings it back" in m for m in messages(app))
        with Library() as library:
            assert library.get(first.id) is None
        await pilot.press("u")
        await wait_for(pilot, lambda: len(listing.bookmarks) == 2)
        assert listing.selected is not None and listing.selected.id == first.id
        with Library() as library:
            back = library.get(first.id)
            assert back is not None and back.tags == ("tides",) and back.note == "read twice"
            assert back.has_copy


async def test_edit_tags_and_note_and_mark_read_persist() -> None:
    with Library() as library:
        saved = library.add_bookmark(_article(1))
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await bookmarks_screen(pilot, app, 1)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarkEditDialog))
        app.screen.query_one("#edit-tags", Input).value = "tides, [bold]x[/bold], Tides"
        app.screen.query_one("#edit-note", TextArea).text = "Ask the harbour master"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.bookmark_list.bookmarks[0].note != "")
        label = str(screen.bookmark_list.get_option_at_index(0).prompt)
        assert "#[bold]x[/bold]" in label  # shown literally, never as markup
        await pilot.press("m")
        await wait_for(pilot, lambda: not screen.bookmark_list.bookmarks[0].unread)
        assert "0 unread" in str(screen.query_one("#bookmarks-head").render())
    with Library() as library:
        again = library.get(saved.id)
        assert again is not None
        assert again.tags == ("tides", "[bold]x[/bold]")
        assert again.note == "Ask the harbour master"
        assert not again.unread
        assert [b.id for b in library.search("harbour master")] == [saved.id]


async def test_open_uses_the_offline_copy_when_the_source_is_gone(story: Path) -> None:
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        await pilot.press("s")
        await wait_for(pilot, lambda: any(m.startswith("Saved:") for m in messages(app)))
    story.unlink()
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await bookmarks_screen(pilot, app, 1)
        await pilot.press("enter")
        await open_story(pilot, app, story)
        page = app.reader.page
        assert page is not None and page.article.title == "Harbour budget row"
        assert "quillwort" in page.article.text
        assert not any("no such file" in m for m in messages(app))


async def test_home_lists_unread_bookmarks_first() -> None:
    with Library() as library:
        read = library.add_bookmark(_article(1, title="Already read"))
        library.add_bookmark(_article(2, title="Still unread"))
        library.mark_read(read.id)
        library.add_bookmark(_article(3, title="Newest, read"))
        library.mark_read(library.list_bookmarks(limit=1)[0].id)
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        marks = home.query_one("#bookmarks", StoryList)
        await wait_for(pilot, lambda: len(marks.entries) == 3)
        assert [e.title for e in marks.entries] == ["Still unread", "Newest, read", "Already read"]
        assert marks.entries[0].unread and not marks.entries[1].unread
        assert str(marks.get_option_at_index(0).prompt).startswith("●")


async def test_recent_reopens_at_the_last_reading_position(story: Path) -> None:
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        # The reading position is followed once the visit is recorded (after entities).
        await wait_for(pilot, lambda: [e.source for e in app.shelf.recent[:1]] == [str(story)])
        view = app.reader.article_view
        view.scroll_to(y=30, animate=False, immediate=True)
        await pilot.pause(1.2)  # the position is written once scrolling stops
        await pilot.press("h")
        with Library() as library:
            (visit,) = library.recent()
            assert visit.line == 30 and 0 < visit.scroll < 1
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        recent = app.screen.query_one("#recent", StoryList)
        await wait_for(pilot, lambda: recent.entries)
        recent.focus()
        await pilot.press("enter")
        await open_story(pilot, app, story)
        await wait_for(pilot, lambda: app.reader.article_view.scroll_y == 30)


async def test_a_corrupt_library_gives_one_notice_and_the_app_works(story: Path) -> None:
    paths.ensure_dir(paths.data_dir())
    paths.database_file().write_bytes(b"this is not a database at all " * 100)
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        await pilot.press("s")
        await wait_for(pilot, lambda: any(m.startswith("Saved:") for m in messages(app)))
        notices = [m for m in messages(app) if "damaged" in m]
        assert len(notices) == 1 and "moved to" in notices[0]
    assert list(paths.data_dir().glob("library.sqlite3.damaged-*"))
    with Library() as library:
        assert library.notice is None and library.count() == 1


async def test_mentioned_in_lists_other_saved_articles_and_opens_them(story: Path) -> None:
    with Library() as library:
        library.add_bookmark(_article(7, title="Tide tables and the mayor"))
        library.add_bookmark(_article(8, entity="Someone Else", title="Unrelated"))
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        reader = app.reader
        names = [e.name for e in reader.entity_list.items]
        assert "Maria Lopez" in names
        mentions = reader.query_one(MentionList)
        assert not mentions.display
        await pilot.press("tab")
        assert app.focused is reader.entity_list
        reader.entity_list.highlighted = names.index("Maria Lopez")
        await wait_for(pilot, lambda: mentions.display and mentions.items)
        assert [m.title for m in mentions.items] == ["Tide tables and the mayor"]
        assert "★" in str(mentions.get_option_at_index(0).prompt)
        await pilot.press("tab")
        assert app.focused is mentions
        await pilot.press("enter")
        await wait_for(pilot, lambda: reader.page is not None
                       and reader.page.article.title == "Tide tables and the mayor")
        # The story itself was recorded in the history: from the saved one, it is listed.
        reader.entity_list.focus()
        reader.entity_list.highlighted = 0
        await wait_for(pilot, lambda: [m.title for m in mentions.items]
                       == ["Harbour budget row"])


async def test_palette_and_keymap_reach_the_bookmarks_screen() -> None:
    with Library() as library:
        library.add_bookmark(_article(1, title="Zebra crossing"))
        library.add_bookmark(_article(2, title="Apple harvest"))
        library.add_bookmark(_article(3, title="Middle road"))
    app = create_app(config=Config(keymap={"bookmarks_mark": "x"}))
    async with app.run_test(size=SIZE) as pilot:
        screen = await bookmarks_screen(pilot, app, 3)
        listing = screen.bookmark_list
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"next sort")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: [b.title for b in listing.bookmarks]
                       == ["Apple harvest", "Middle road", "Zebra crossing"])
        assert "by title" in str(screen.query_one("#bookmarks-head").render())
        # The cursor stayed on the bookmark it was on (the newest) through the sort.
        assert listing.selected is not None and listing.selected.title == "Middle road"
        await pilot.press("x")  # "m" remapped in the config
        await wait_for(pilot, lambda: not listing.bookmarks[1].unread)


async def test_fetch_again_updates_the_saved_copy(story: Path) -> None:
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        await pilot.press("s")
        await wait_for(pilot, lambda: any(m.startswith("Saved:") for m in messages(app)))
        story.write_text(_page("Harbour budget row, updated", "quillwort"), encoding="utf-8")
        await bookmarks_screen(pilot, app, 1)
        await pilot.press("R")
        await wait_for(pilot, lambda: app.reader.page is not None
                       and app.reader.page.article.title == "Harbour budget row, updated")
        await wait_for(pilot, lambda: "Saved copy updated" in messages(app))
    with Library() as library:
        (saved,) = library.list_bookmarks()
        copy = library.offline_copy(saved.url)
        assert copy is not None and copy.title == "Harbour budget row, updated"


async def test_an_unusable_data_folder_is_reported_and_reading_goes_on(story: Path) -> None:
    paths.data_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.data_dir().write_text("a file where the data folder should be", encoding="utf-8")
    app = create_app(source=str(story), config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await open_story(pilot, app, story)
        await wait_for(pilot, lambda: any("Bookmarks and history are off" in m
                                          for m in messages(app)))
        await pilot.press("s")
        await wait_for(pilot, lambda: any(m.startswith("Bookmarks are unavailable")
                                          for m in messages(app)))
        assert sum("are off" in m for m in messages(app)) == 1
        assert app.reader.page is not None and "quillwort" in app.reader.page.article.text


async def test_the_next_page_loads_as_the_cursor_nears_the_end() -> None:
    with Library() as library:
        for n in range(PAGE + 12):
            library.add_bookmark(_article(n))
    app = create_app(config=Config())
    async with app.run_test(size=SIZE) as pilot:
        screen = await bookmarks_screen(pilot, app, PAGE)
        listing = screen.bookmark_list
        assert f"{PAGE + 12} saved" in str(screen.query_one("#bookmarks-head").render())
        await pilot.press("end")
        await wait_for(pilot, lambda: len(listing.bookmarks) == PAGE + 12)
        assert len({b.id for b in listing.bookmarks}) == PAGE + 12
        assert listing.bookmarks[-1].title == "Saved story 0"  # the oldest, last
