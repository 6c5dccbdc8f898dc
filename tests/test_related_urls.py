"""Related links: URL resolving and cleaning, the story test, labels and titles."""

from __future__ import annotations

import pytest

from reader.core.html.related_cues import cues
from reader.core.html.related_titles import clean_title
from reader.core.html.related_urls import (
    HINT,
    NOT_STORY,
    STRONG,
    WEAK,
    SelfFilter,
    facts,
    resolve,
    slug_title,
    story_strength,
)

BASE = "https://www.example.com/news/2026/03/04/page-of-the-story"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/a/b-c-d", "https://www.example.com/a/b-c-d"),
        ("other-story", "https://www.example.com/news/2026/03/04/other-story"),
        ("//cdn.example.org/x/y", "https://cdn.example.org/x/y"),
        ("https://x.example.org/p?utm_source=a&utm_medium=b&id=7#frag", "https://x.example.org/p?id=7"),
        ("https://x.example.org/p?fbclid=1&gclid=2&ref=home&cmpid=9", "https://x.example.org/p"),
        ("https://x.example.org/p?sn-article=slug-of-story&intc_campaign=x", "https://x.example.org/p?sn-article=slug-of-story"),
        ("#comments", None),
        ("javascript:void(0)", None),
        ("mailto:desk@example.com", None),
        ("  ", None),
        ("file:///etc/passwd", None),
    ],
)
def test_resolve(href: str, expected: str | None) -> None:
    assert resolve(href, BASE) == expected


def test_resolve_local_pages_against_a_file_base() -> None:
    assert resolve("next.html", "file:///lib/demo/page.html") == "file:///lib/demo/next.html"
    assert resolve("next.html", None) is None


@pytest.mark.parametrize(
    ("url", "strength"),
    [
        ("https://news.example.com/world/2019/11/08/strike-talks", STRONG),
        ("https://news.example.com/world/2008/aug/07/china.olympics2008", STRONG),
        ("https://news.example.com/story/mourinho-agrees-deal-11865382", STRONG),
        ("https://news.example.com/news/20191114-how-ice-moves", STRONG),
        ("https://news.example.com/politics/senators-go-after-the-biggest-climate-villains", STRONG),
        ("https://news.example.com/news_view.html?idx=8576", STRONG),
        ("https://news.example.com/?sn-article=leafs-call-players-only-meeting", STRONG),
        ("https://news.example.com/blog/perdido-na-floresta/", WEAK),
        ("https://data.example.org/average-credit-card-debt", WEAK),
        ("https://news.example.com/blog/boas-vindas", HINT),
        ("https://news.example.com/", NOT_STORY),
        ("https://news.example.com/news/world/europe", NOT_STORY),
        ("https://news.example.com/2019/11/08/", NOT_STORY),
        ("https://news.example.com/tag/air-pollution-in-delhi-today", NOT_STORY),
        ("https://news.example.com/author/jane-doe-senior-reporter-here", NOT_STORY),
        ("https://news.example.com/tennis/ATP/players/rafael-nadal/184442", NOT_STORY),
        ("https://news.example.com/news/help-17655000", NOT_STORY),
        ("https://news.example.com/files/2019/annual-report-of-the-board.pdf", NOT_STORY),
        ("https://www.physicsforums.example/threads/the-square-kilometre-array.980584/", NOT_STORY),
        ("https://twitter.com/someone/status/1196547744591896576", NOT_STORY),
        ("https://en.wikipedia.org/wiki/Air_pollution_in_Delhi_and_its_causes", NOT_STORY),
        ("https://www.amazon.co.uk/dp/B07XJ8C8F5/the-best-air-purifier-for-homes", NOT_STORY),
        ("https://web.archive.org/web/2019/https://news.example.com/world/2019/11/08/strike", STRONG),
        ("file:///lib/demo/harbour-bridge-closure.html", WEAK),
    ],
)
def test_story_strength(url: str, strength: int) -> None:
    assert story_strength(url) == strength


def test_facts_key_ignores_scheme_www_slash_and_query_order() -> None:
    a = facts("http://www.Example.com/a/b/?y=2&x=1")
    b = facts("https://example.com/a/b?x=1&y=2")
    assert a.key == b.key
    assert facts("https://news.bbc.co.uk/a/b/c").site == "bbc.co.uk"
    assert facts("https://example.com/a/b/c").prefixes == ("example.com/a", "example.com/a/b")


def test_self_filter_matches_the_page_with_or_without_extra_query() -> None:
    is_self = SelfFilter("http://www.example.com/news/view.html?idx=8576&page=1", "https://example.com/s/slug/")
    assert is_self("https://example.com/news/view.html?idx=8576")
    assert not is_self("https://example.com/news/view.html?idx=10285")
    assert is_self("https://www.example.com/s/slug?page=2")
    assert not is_self("https://example.com/s/other-slug")


def test_slug_title() -> None:
    assert slug_title("https://x.example/a/port-authority-rejects-offer-123.html") == "Port authority rejects offer"
    assert slug_title("https://x.example/") == ""


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Related stories", "related"),
        ("More on this story", "related"),
        ("Explore further", "related"),
        ("À lire aussi :", "related"),
        ("Материалы по теме", "related"),
        ("관련기사", "related"),
        ("Most read", "more"),
        ("Latest ATP news", "more"),
        ("More from Sportsnet", "more"),
        ("Around the web", "sponsored"),
        ("Promoted Stories", "sponsored"),
        ("Advertisement", "ad"),
        ("Comments (31)", "drop"),
        ("Related Topics", "drop"),
        ("Harbour strike enters second week", None),
        ("", None),
    ],
)
def test_label_kind(label: str, kind: str | None) -> None:
    assert cues().label_kind(label) == kind


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Read more: Strikers march on city hall", "Strikers march on city hall"),
        ("RELATED Strikers march on city hall", "Strikers march on city hall"),
        (">> Strikers march on city hall <<", "Strikers march on city hall"),
        ("Strikers march on city hall 21 hours ago", "Strikers march on city hall"),
        ("Strikers march on city hallNov 19, 2026", "Strikers march on city hall"),
        ("Strikers march on city hall 2026-11-19", "Strikers march on city hall"),
        ("play_circle Strikers march on city hall", "Strikers march on city hall"),
        ("Strikers march on city hall 42 comments", "Strikers march on city hall"),
        ("Apollo 11 crew lands", "Apollo 11 crew lands"),
        ("Read more", "Read more"),
    ],
)
def test_clean_title(raw: str, clean: str) -> None:
    assert clean_title(raw) == clean
