"""Metadata from small hand-written pages: sources, their precedence, byline and date forms."""

from __future__ import annotations

from datetime import datetime

import pytest

from reader.core.dates import parse_date, url_date, written_date
from reader.core.html import extract_html
from reader.core.html.authors import byline_names
from reader.core.html.metadata import extract_metadata
from reader.core.html.parse import parse_html
from reader.core.html.title import strip_site

BODY = "".join(
    f"<p>Paragraph {n}. The council voted late on Monday to close the old bridge for repairs, "
    f"which engineers say will take until the spring, with ferries added in the meantime.</p>"
    for n in range(4)
)


def meta_of(head: str, body: str = "", url: str | None = None, lang: str | None = "en") -> object:
    lang_attr = f" lang='{lang}'" if lang else ""
    html = f"<html{lang_attr}><head>{head}</head><body>{body}{BODY}</body></html>"
    root = parse_html(html)
    assert root is not None
    return extract_metadata(root, url)


def test_json_ld_beats_opengraph_and_meta() -> None:
    head = (
        "<title>Page title | Daily Bridge</title>"
        "<meta property='og:title' content='OG headline'>"
        "<meta name='author' content='Meta Author'>"
        "<meta property='article:published_time' content='2021-01-01T08:00:00Z'>"
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": "
        "\"Bridge to close for repairs\", \"author\": [{\"@type\": \"Person\", \"name\": "
        "\"Ana Ruiz\"}, {\"name\": \"Tom Bell\"}], \"datePublished\": \"2024-03-05T10:30:00+01:00\","
        " \"publisher\": {\"name\": \"Daily Bridge\"}}</script>"
    )
    m = meta_of(head)
    assert m.title == "Bridge to close for repairs"
    assert m.authors == ("Ana Ruiz", "Tom Bell")
    assert m.byline == "Ana Ruiz, Tom Bell"
    assert m.published == datetime.fromisoformat("2024-03-05T10:30:00+01:00")
    assert m.site == "Daily Bridge"


def test_json_ld_in_cdata_and_graph_is_read() -> None:
    head = (
        "<script type='application/ld+json'>//<![CDATA[\n{\"@graph\": [{\"@type\": \"WebSite\", "
        "\"name\": \"Bridge Weekly\"}, {\"@type\": \"Article\", \"headline\": \"Graph headline\", "
        "\"datePublished\": \"2023-07-01\"}]}\n//]]></script>"
    )
    m = meta_of(head)
    assert m.title == "Graph headline"
    assert m.published is not None and m.published.date().isoformat() == "2023-07-01"


def test_opengraph_then_title_element() -> None:
    assert meta_of("<title>T</title><meta property='og:title' content='From OG'>").title == "From OG"
    m = meta_of("<title>Bridge to close | Daily Bridge</title><meta property='og:site_name' "
                "content='Daily Bridge'>", body="<h1>Bridge to close</h1>")
    assert m.title == "Bridge to close"
    assert m.site == "Daily Bridge"


def test_site_name_is_stripped_only_where_the_headline_confirms_it() -> None:
    confirmed = meta_of("<meta property='og:title' content='Bridge to close | Daily Bridge'>"
                        "<meta property='og:site_name' content='Daily Bridge'>",
                        body="<h1>Bridge to close</h1>")
    assert confirmed.title == "Bridge to close"
    assert strip_site("Bridge to close - Daily Bridge", ["dailybridge"]) == "Bridge to close"
    assert strip_site("Bridge to close: what next", ["dailybridge"]) == "Bridge to close: what next"


def test_visible_byline_when_structured_data_lacks_it() -> None:
    m = meta_of("<title>x</title>", body="<div class='byline'>By <a rel='author' href='/a'>Ana Ruiz</a></div>")
    assert m.byline == "Ana Ruiz"
    assert m.authors == ("Ana Ruiz",)


def test_itemprop_name_inside_an_author_block() -> None:
    body = ("<div class='article-author'><span itemprop='name'>Tom Bell</span>"
            "<button>Follow</button></div>")
    m = meta_of("<title>x</title>", body=body)
    assert m.byline == "Tom Bell"


def test_by_line_in_plain_text_is_found() -> None:
    m = meta_of("<title>x</title>", body="<p>Von Anna Schmidt und Jonas Weber</p>", lang="de")
    assert m.authors == ("Anna Schmidt", "Jonas Weber")


def test_bylines_in_comments_are_ignored() -> None:
    body = "<div class='comments'><span class='comment-author'>troll99</span></div>"
    m = meta_of("<title>x</title>", body=body)
    assert m.byline is None


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ana Ruiz and Tom Bell", ("Ana Ruiz", "Tom Bell")),
        ("Par Marie Dubois", ("Marie Dubois",)),
        ("Por Juan Pérez y Lucía Gómez", ("Juan Pérez", "Lucía Gómez")),
        ("By Kelli Miller | March 25, 2015", ("Kelli Miller",)),
        ("Ana Ruiz, Tom Bell", ("Ana Ruiz", "Tom Bell")),
    ],
)
def test_author_names_from_a_byline(byline: str, names: tuple[str, ...]) -> None:
    found = byline_names(byline)
    assert found is not None and found.authors == names


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-03-05T10:30:00Z", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:30:00 +0000", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("5 mars 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("05.03.2024", "2024-03-05"),
    ],
)
def test_date_forms(text: str, day: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.date().isoformat() == day


def test_dates_that_are_not_dates() -> None:
    assert parse_date("") is None
    assert parse_date("yesterday") is None
    assert parse_date("1850-01-01") is None
    assert written_date("no digits here") is None
    assert url_date("https://x.example/2019/11/14/story") == datetime(2019, 11, 14)
    assert url_date("https://x.example/story-123") is None


def test_visible_date_then_url_date() -> None:
    m = meta_of("<title>x</title>", body="<span class='post-date'>Published 12 March 2022</span>")
    assert m.published is not None and m.published.date().isoformat() == "2022-03-12"
    m = meta_of("<title>x</title>", url="https://x.example/2020/02/03/bridge")
    assert m.published is not None and m.published.date().isoformat() == "2020-02-03"


def test_language_sources() -> None:
    assert meta_of("<title>x</title>", lang="pt-BR").lang == "pt"
    assert meta_of("<meta http-equiv='content-language' content='nl'>", lang=None).lang == "nl"
    assert meta_of("<meta property='og:locale' content='de_DE'>", lang=None).lang == "de"


def test_language_guessed_from_text_when_undeclared() -> None:
    body = "".join(
        f"<p>Absatz {n}. Der Gemeinderat hat am Montag beschlossen, die alte Brücke für die "
        "Reparatur zu schließen, und die Arbeiten werden nach Angaben der Ingenieure bis zum "
        "Frühjahr dauern, weil noch nicht alle Teile geliefert worden sind.</p>"
        for n in range(4)
    )
    html = f"<html><head><title>Brücke</title></head><body><article>{body}</article></body></html>"
    assert extract_html(html).lang == "de"


def test_byline_without_its_publication_stamp() -> None:
    body = "<div class='byline'>By Ana Ruiz and Tom Bell Published 7:07 PM EST Nov 19, 2019</div>"
    m = meta_of("<title>x</title>", body=body)
    assert m.byline == "Ana Ruiz and Tom Bell"
    assert m.authors == ("Ana Ruiz", "Tom Bell")


def test_a_date_line_in_an_author_box_is_no_byline() -> None:
    body = ("<div class='article-dateline'>Last updated: January 7, 2025</div>"
            "<p class='author'>By Tom Bell</p>")
    assert meta_of("<title>x</title>", body=body).byline == "Tom Bell"


def test_site_name_given_as_an_address_becomes_its_host() -> None:
    m = meta_of("<meta property='og:site_name' content='https://www.bridge.example'>")
    assert m.site == "bridge.example"


def test_date_written_next_to_the_headline() -> None:
    m = meta_of("<title>x</title>", body="<h1>Brücke gesperrt</h1><div><span>03.11.2021</span> | Verkehr</div>",
                lang="de")
    assert m.published is not None and m.published.date().isoformat() == "2021-11-03"
