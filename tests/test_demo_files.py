"""Consistency checks for the built-in demo library (reader/demo), with lxml only."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from reader import paths

DEMO = paths.demo_dir()
LIBRARY_KEYS = {"file", "title", "site", "section", "lang", "published", "summary", "words"}
RELATED_LABELS = ("Related stories", "Sur le même thème", "Mehr zum Thema")
PROMO_LABELS = ("Read also:", "À lire aussi :", "Lesen Sie auch:")
BYLINE = re.compile(r"^(By|Par|Von)\s+[A-ZÀ-Ýa-zß][\w.'’-]+(\s|$)")
# Where each of the three page structures keeps its article body.
BODY_XPATH = (
    "//*[@itemprop='articleBody']"
    " | //div[contains(concat(' ', normalize-space(@class), ' '), ' story-body ')]"
    " | //div[contains(concat(' ', normalize-space(@class), ' '), ' corps-article ')]"
)
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# C0/C1 controls (tab, LF, CR allowed), DEL, bidi overrides and invisible marks.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
LONG_FILE = "port-alder-blackout-inquiry.html"
DUMPS = ("harbour-bridge-closure.txt", "tramway-gratuit-valmont.txt")
CUTOFF = datetime.fromisoformat("2026-11-27T00:00:00+00:00")


@cache
def library() -> list[dict[str, Any]]:
    data = json.loads((DEMO / "library.json").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def html_files() -> list[str]:
    return sorted(p.name for p in DEMO.glob("*.html"))


@cache
def page(name: str) -> Any:
    return lxml_html.document_fromstring((DEMO / name).read_bytes())


def norm(text: str) -> str:
    return " ".join(text.split())


def is_local(href: str) -> bool:
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and not href.startswith(("/", "#"))


def resolves(name: str, href: str) -> bool:
    target = (DEMO / name).parent / urlsplit(href).path
    return target.resolve().is_file() and target.resolve().is_relative_to(DEMO.resolve())


def body(doc: Any) -> Any:
    found = doc.xpath(BODY_XPATH)
    assert len(found) == 1, "exactly one article body container"
    return found[0]


def promo_nodes(container: Any) -> list[Any]:
    return [
        el for el in container.iter("p", "div") if norm(el.text_content()).startswith(PROMO_LABELS)
    ]


def body_words(doc: Any) -> int:
    """Words of the article body, without figures, ads and promo lines."""
    container = body(doc)
    skip = set(promo_nodes(container))
    skip |= set(
        container.xpath(".//figure | .//*[contains(@class, 'ad-') or contains(@class, 'pub')]")
    )
    count = 0
    for el in container.iterchildren():
        if el in skip:
            continue
        text = el.text_content()
        for inner in el.xpath(".//figure"):
            text = text.replace(inner.text_content(), " ")
        count += len(WORD.findall(text))
    return count


def related_links(doc: Any) -> list[str]:
    for label in RELATED_LABELS:
        heads = doc.xpath("//*[normalize-space(text()) = $label]", label=label)
        if heads:
            return [str(h) for h in heads[0].getparent().xpath(".//a/@href")]
    return []


# ---------------------------------------------------------------- the index


def test_library_lists_exactly_the_html_files() -> None:
    listed = [item["file"] for item in library()]
    assert len(listed) == len(set(listed)), "no file listed twice"
    assert sorted(listed) == html_files()
    assert len(listed) >= 10


def test_library_entries_are_complete() -> None:
    for item in library():
        assert set(item) == LIBRARY_KEYS, item["file"]
        for key in LIBRARY_KEYS - {"words"}:
            assert isinstance(item[key], str) and item[key].strip(), (item["file"], key)
        published = datetime.fromisoformat(item["published"])
        assert published.tzinfo is not None, item["file"]
        assert published.year == 2026 and published < CUTOFF, item["file"]
        assert item["summary"].endswith((".", "!", "?")), item["file"]
        assert isinstance(item["words"], int) and item["words"] > 0


def test_library_matches_pages() -> None:
    for item in library():
        doc = page(item["file"])
        assert norm(doc.xpath("string(//h1)")) == item["title"]
        assert doc.xpath("string(/html/@lang)").split("-")[0] == item["lang"]
        assert doc.xpath("string(//meta[@property='og:site_name']/@content)") == item["site"]
        assert (
            doc.xpath("string(//meta[@property='article:published_time']/@content)")
            == item["published"]
        )
        # The index's count and an independent lxml count agree within a few percent.
        measured = body_words(doc)
        assert abs(measured - item["words"]) <= max(15, item["words"] * 0.03), item["file"]


def test_language_mix() -> None:
    langs = Counter(item["lang"] for item in library())
    assert langs["fr"] >= 3
    assert langs["de"] + langs["es"] >= 2
    assert set(langs) <= {"en", "fr", "de", "es"}
    assert langs["en"] == len(library()) - sum(v for k, v in langs.items() if k != "en")
    assert langs["en"] >= 4


def test_several_sites() -> None:
    sites = {item["site"] for item in library()}
    assert 2 <= len(sites) <= 4


# ---------------------------------------------------------------- each page


@pytest.mark.parametrize("name", html_files())
def test_page_head(name: str) -> None:
    doc = page(name)
    meta = {
        key: doc.xpath(f"string(//meta[@property='{key}']/@content)")
        for key in ("og:title", "og:site_name", "og:type", "article:published_time")
    }
    assert doc.xpath("string(/html/@lang)")
    assert meta["og:type"] == "article"
    title = norm(doc.xpath("string(//title)"))
    assert title == f"{meta['og:title']} | {meta['og:site_name']}"
    assert doc.xpath("string(//meta[@name='description']/@content)")
    datetime.fromisoformat(meta["article:published_time"])


@pytest.mark.parametrize("name", html_files())
def test_page_article_parts(name: str) -> None:
    doc = page(name)
    assert len(doc.xpath("//h1")) == 1
    texts = [norm(el.text_content()) for el in doc.iter("p", "div", "span")]
    assert any(BYLINE.match(t) and len(t) < 160 for t in texts), "visible byline"
    dated = doc.xpath("//time | //*[contains(@class, 'timestamp') or contains(@class, 'date')]")
    assert any("2026" in el.text_content() for el in dated), "visible date"
    figures = doc.xpath("//figure[.//img[@alt != ''] and figcaption]")
    assert figures, "figure with alt text and caption"
    assert all(norm(f.xpath("string(figcaption)")) for f in figures)
    article = body(doc)
    assert len(article.xpath("./h2")) >= 2
    assert len(article.xpath("./p")) >= 5
    assert article.xpath(".//a[starts-with(@href, 'http')]"), "an external link in the body"
    assert doc.xpath("//*[contains(@class, 'cookie') or contains(@class, 'consent')]")
    assert doc.xpath("//nav | //*[contains(@class, 'menu')]")
    assert doc.xpath("//footer | //*[contains(@class, 'footer') or contains(@class, 'pied')]")
    page_text = norm(doc.text_content())
    assert re.search(r"\d+ (comments|commentaires|Kommentare) — ", page_text)
    assert re.search(r"Advertisement|Publicité|Anzeige", page_text)


@pytest.mark.parametrize("name", html_files())
def test_related_block_resolves(name: str) -> None:
    links = related_links(page(name))
    assert 3 <= len(links) <= 5
    for href in links:
        assert is_local(href) and resolves(name, href), href
        assert Path(href).name != name, "a page is not related to itself"


@pytest.mark.parametrize("name", html_files())
def test_promo_links_resolve(name: str) -> None:
    promos = promo_nodes(body(page(name)))
    assert 1 <= len(promos) <= 3
    for node in promos:
        hrefs = node.xpath(".//a/@href")
        assert len(hrefs) == 1
        assert is_local(hrefs[0]) and resolves(name, hrefs[0]), hrefs[0]


@pytest.mark.parametrize("name", html_files())
def test_all_relative_links_resolve(name: str) -> None:
    for href in page(name).xpath("//a/@href"):
        if is_local(href) and not href.startswith(("mailto:", "#")):
            assert resolves(name, href), href


def test_json_ld_on_most_pages() -> None:
    with_ld = 0
    for name in html_files():
        blocks = page(name).xpath("//script[@type='application/ld+json']/text()")
        for raw in blocks:
            data = json.loads(raw)
            assert data["@type"] == "NewsArticle"
            assert data["headline"] == norm(page(name).xpath("string(//h1)"))
            assert data["publisher"]["name"] and data["articleSection"] and data["keywords"]
            assert data["author"]
            with_ld += 1
    assert with_ld > len(html_files()) / 2


def test_special_content_is_present() -> None:
    everything = "".join(norm(page(n).text_content()) for n in html_files())
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", everything), "CJK characters"
    assert re.search(r"[\U0001F300-\U0001FAFF]", everything), "an emoji"
    assert any(page(n).xpath("//table//th") for n in html_files())
    assert any(body(page(n)).xpath(".//blockquote") for n in html_files())
    assert any(body(page(n)).xpath(".//ul | .//ol") for n in html_files())
    assert any(len(page(n).xpath("//*[@rel='author']")) >= 2 for n in html_files())


def test_body_paragraphs_link_to_other_demo_pages() -> None:
    linking = 0
    for name in html_files():
        container = body(page(name))
        promos = set(promo_nodes(container))
        paragraphs = [p for p in container.xpath("./p") if p not in promos]
        hrefs = [str(h) for p in paragraphs for h in p.xpath(".//a/@href")]
        local = [h for h in hrefs if is_local(h) and h.endswith(".html")]
        assert all(resolves(name, h) for h in local)
        linking += bool(local)
    assert linking >= 3


# ---------------------------------------------------------------- lengths


def test_long_article_is_long() -> None:
    assert body_words(page(LONG_FILE)) > 15_000
    assert len(body(page(LONG_FILE)).xpath("./h2")) >= 15


def test_short_articles_have_newspaper_length() -> None:
    for name in html_files():
        if name != LONG_FILE:
            assert 300 <= body_words(page(name)) <= 1500, name


# ---------------------------------------------------------------- text dumps


@pytest.mark.parametrize("name", DUMPS)
def test_text_dump_shape(name: str) -> None:
    text = (DEMO / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(WORD.findall(text)) > 400
    titles = {item["title"] for item in library()}
    assert lines[1] in titles, "the dump's title is a demo page's title"
    assert re.match(r"^(Published|Publié le) .*2026", lines[2])
    assert re.match(r"^(By|Par) ", lines[3])
    assert "play_circle" in text
    assert re.search(r"^(Advertisement|La suite après la publicité)$", text, re.M)
    assert re.search(r"^(Tags|Mots clés)$", text, re.M)
    assert re.search(r"^(Related|Sur le même thème)$", text, re.M)
    assert re.search(r"^(>> .+ <<|Read also: .+)$", text, re.M)
    assert "<" not in text.replace(">> ", "").replace(" <<", ""), "no markup"


def test_dumps_in_two_languages() -> None:
    firsts = [(DEMO / name).read_text(encoding="utf-8").splitlines()[2] for name in DUMPS]
    assert {line.split()[0] for line in firsts} == {"Published", "Publié"}


# ---------------------------------------------------------------- hygiene


def test_no_control_characters_anywhere() -> None:
    files = [p for p in DEMO.iterdir() if p.suffix in {".html", ".txt", ".json", ".md"}]
    assert len(files) >= len(html_files()) + 3
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not FORBIDDEN.search(text), path.name


def test_readme_says_fiction() -> None:
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "original fiction" in readme
