"""Bylines and headlines of small hand-written HTML pages: names only, the headline as shown."""

from __future__ import annotations

import pytest

from reader.core.html.authors import byline_names
from reader.core.html.metadata import Metadata, extract_metadata
from reader.core.html.parse import parse_html

BODY = "".join(
    f"<p>Paragraph {n}. The harbour board met on Tuesday to agree a timetable for dredging the "
    f"channel, which pilots say has silted up faster than the charts show since the storm.</p>"
    for n in range(4)
)


def meta_of(head: str, body: str = "", url: str | None = None) -> Metadata:
    root = parse_html(f"<html lang='en'><head>{head}</head><body>{body}{BODY}</body></html>")
    assert root is not None
    return extract_metadata(root, url)


@pytest.mark.parametrize(
    ("shown", "written", "authors"),
    [
        ("By Ana Ruiz", "Ana Ruiz", ("Ana Ruiz",)),
        ("Von Lena Vogt und Paul Kern", "Lena Vogt und Paul Kern", ("Lena Vogt", "Paul Kern")),
        ("Par Claire Morel, 12 mars 2024", "Claire Morel", ("Claire Morel",)),
        ("Ana Ruiz - https://ana.example.org", "Ana Ruiz", ("Ana Ruiz",)),
        ("Autor: jdoe", "jdoe", ("jdoe",)),
        ("By Ana Ruiz C.", "Ana Ruiz C.", ("Ana Ruiz C.",)),
        ("Analysis by Ana Ruiz", "Ana Ruiz", ("Ana Ruiz",)),
        ("Текст: Лида Орлова", "Лида Орлова", ("Лида Орлова",)),
        ("Von Lena.Vogt am Samstag, 19. Oktober 2019", "Lena.Vogt", ("Lena.Vogt",)),
        ("By ANA RUIZ and TOM BELL Associated Press", "Ana Ruiz and Tom Bell", ("Ana Ruiz", "Tom Bell")),
        ("By Ana Ruiz, HNN Business", "Ana Ruiz", ("Ana Ruiz",)),
        ("By ANA RUIZ, TOM BELL", "Ana Ruiz, Tom Bell", ("Ana Ruiz", "Tom Bell")),
    ],
)
def test_byline_names_drop_cues_dates_and_links(shown: str, written: str, authors: tuple[str, ...]) -> None:
    got = byline_names(shown)
    assert got is not None
    assert (got.text, got.authors) == (written, authors)


@pytest.mark.parametrize(
    "shown",
    [
        "Last Updated: January 7, 2025",  # a date line in a byline box
        "Von Anfang an war der Hafen zu klein für die neuen Schiffe der Reederei",  # a sentence
        "All posts",
        "Von Helsingborg nach Göteborg",  # a route, not a name
        "By Course or Type",  # a menu
    ],
)
def test_texts_that_name_nobody(shown: str) -> None:
    assert byline_names(shown) is None


def test_a_name_after_the_date_and_a_cue() -> None:
    got = byline_names("Veröffentlicht am 8. Februar 2022 von Lena Vogt")
    assert got is not None and got.authors == ("Lena Vogt",)


def test_a_visible_byline_drops_its_cue() -> None:
    m = meta_of("<title>Dredging</title>", "<h1>Dredging</h1><p class='byline'>By Ana Ruiz</p>")
    assert (m.byline, m.authors) == ("Ana Ruiz", ("Ana Ruiz",))


def test_a_byline_box_naming_nobody_gives_way_to_the_next() -> None:
    body = ("<h1>Dredging</h1><div class='author-meta'>Updated 4 May 2024</div>"
            "<div class='author'>Paul Kern</div>")
    assert meta_of("<title>Dredging</title>", body).byline == "Paul Kern"


def test_a_lone_cue_before_the_author_link() -> None:
    body = "<h1>Dredging</h1><address>By <a href='/staff/ana'>Ana Ruiz</a></address>"
    assert meta_of("<title>Dredging</title>", body).byline == "Ana Ruiz"


def test_a_label_element_then_the_name() -> None:
    body = "<h1>Dredging</h1><p><b>Autor:</b> Lena Vogt/dpa</p>"
    assert meta_of("<title>Dredging</title>", body).byline == "Lena Vogt"


def test_an_authors_class_in_another_language() -> None:
    body = "<h1>Dredging</h1><div class='dates_auteurs'>par <span>Claire Morel</span>, 21 juin 2018</div>"
    assert meta_of("<title>Dredging</title>", body).byline == "Claire Morel"


def test_a_byline_in_the_story_header_counts_but_not_in_the_page_header() -> None:
    page_header = "<div class='header'><p class='author'>Site Owner</p></div>"
    story = "<div class='story'><div class='header'><address>By <a href='/a'>Ana Ruiz</a></address></div></div>"
    assert meta_of("<title>Dredging</title>", page_header + "<h1>Dredging</h1>" + story).byline == "Ana Ruiz"


def test_an_author_referenced_by_id_in_the_graph() -> None:
    head = ("<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@graph\": ["
            "{\"@type\": \"Article\", \"headline\": \"Dredging\", \"author\": {\"@id\": \"#/person/1\"}},"
            "{\"@type\": \"Person\", \"@id\": \"#/person/1\", \"name\": \"Lena Vogt\"}]}</script>")
    m = meta_of(head, "<h1>Dredging</h1>")
    assert (m.byline, m.authors) == ("Lena Vogt", ("Lena Vogt",))


def test_an_author_element_holding_a_lower_case_word_names_nobody() -> None:
    body = "<h1>Dredging</h1><span class='author'>publisher</span>"
    assert meta_of("<title>Dredging</title>", body).byline is None


def test_a_site_declared_as_author_gives_way_to_a_person_shown() -> None:
    head = "<title>Dredging</title><meta name='author' content='Harbour News'><meta property='og:site_name' content='Harbour News'>"
    assert meta_of(head, "<h1>Dredging</h1><p class='byline'>By Ana Ruiz</p>").byline == "Ana Ruiz"
    assert meta_of(head, "<h1>Dredging</h1>").byline == "Harbour News"


def test_a_declared_author_loses_its_link() -> None:
    m = meta_of("<title>Dredging</title><meta name='author' content='Paul Kern - http://kern.example'>")
    assert m.byline == "Paul Kern"


# Headlines


def test_the_headline_as_shown_when_only_punctuation_differs() -> None:
    head = "<meta property='og:title' content='Why I say \"dredge\" - Harbour News'><meta property='og:site_name' content='Harbour News'>"
    m = meta_of(head, "<h1>Why I say „dredge“</h1>")
    assert m.title == "Why I say „dredge“"


def test_a_truncated_declared_headline_is_completed_by_the_h1() -> None:
    head = "<meta property='og:title' content='The harbour board agrees a timetable for dredging the...'>"
    m = meta_of(head, "<h1>The harbour board agrees a timetable for dredging the channel</h1>")
    assert m.title == "The harbour board agrees a timetable for dredging the channel"


def test_the_longer_shown_headline_wins() -> None:
    head = "<meta property='og:title' content='Harbour dredging to start'>"
    m = meta_of(head, "<h1>Harbour dredging to start in spring</h1>")
    assert m.title == "Harbour dredging to start in spring"


@pytest.mark.parametrize("declared", ["Pressemitteilung: Harbour dredging to start", "08.11.2021 | Harbour dredging to start"])
def test_a_kicker_or_date_in_the_declared_title_is_dropped(declared: str) -> None:
    m = meta_of(f"<meta property='og:title' content='{declared}'>", "<h1>Harbour dredging to start</h1>")
    assert m.title == "Harbour dredging to start"


def test_a_kicker_in_the_h1_stays_out() -> None:
    head = ("<meta property='og:title' content='Dredging: the channel is silting up - Harbour News'>"
            "<meta property='og:site_name' content='Harbour News'>")
    body = "<h1><span>Port works</span> Dredging: the channel is silting up</h1>"
    assert meta_of(head, body).title == "Dredging: the channel is silting up"


def test_title_and_h1_agreeing_on_other_words_than_the_declared_title() -> None:
    head = ("<title>Long hair: these foods make it grow faster</title>"
            "<meta property='og:title' content='These foods make your hair grow faster'>")
    m = meta_of(head, "<h1>Long hair: these foods make it grow faster</h1>")
    assert m.title == "Long hair: these foods make it grow faster"


def test_an_unrelated_h1_does_not_replace_the_declared_title() -> None:
    head = "<title>Blog</title><meta property='og:title' content='Harbour dredging to start'>"
    assert meta_of(head, "<h1>Blog</h1>").title == "Harbour dredging to start"


def test_an_h1_linking_home_is_the_site_name() -> None:
    head = "<title>Beef stew with apples | Cooking at home</title>"
    body = "<h1><a href='http://cook.example.org/'>Cooking at home</a></h1>"
    assert meta_of(head, body, "http://cook.example.org/stew.html").title == "Beef stew with apples"


def test_a_title_naming_only_the_site_gives_way_to_the_h1() -> None:
    m = meta_of("<title>Harbour Works</title>", "<h1>Welcome!</h1>", "https://harbourworks.example/")
    assert m.title == "Welcome!"


def test_inline_parts_of_the_h1_join_as_shown() -> None:
    head = "<title>The Story of Metroid, a Universe</title>"
    body = "<h1><a href='/s'>The Story of <em>Metroid</em>, a Universe</a></h1>"
    assert meta_of(head, body).title == "The Story of Metroid, a Universe"


def test_the_site_name_an_h1_shows_leaves_the_title() -> None:
    head = "<title>Cross-body lead - Dance figures - Salsa in Town</title>"
    body = "<h1><a href='/'>Dance figures - Salsa in Town</a></h1>"
    assert meta_of(head, body).title == "Cross-body lead"


def test_the_storys_own_aside_may_hold_the_byline_but_not_a_sidebar() -> None:
    sidebar = "<aside><p class='author'>Paul Kern</p></aside>"
    story = "<article><h1>Dredging</h1><aside class='meta'><p class='authors'>Von: <a>Lena Vogt</a></p></aside></article>"
    assert meta_of("<title>Dredging</title>", sidebar + story).byline == "Lena Vogt"
    assert meta_of("<title>Dredging</title>", sidebar + "<h1>Dredging</h1>").byline is None
