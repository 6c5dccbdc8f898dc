"""Body extraction from small hand-written pages: structure kept, boilerplate and promos out."""

from __future__ import annotations

from reader.core.html import extract_html
from reader.core.models import Article, Block

PROSE = (
    "The harbour authority said on Tuesday that the new breakwater would be finished before "
    "the winter storms, after two years of delays caused by a shortage of granite blocks. "
)


def para(n: int) -> str:
    """A distinct paragraph of article prose."""
    return f"<p>Paragraph {n}. {PROSE}Officials counted {n * 7} lorries a day at the quarry.</p>"


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><title>Breakwater finished | Coast News</title>"
        f"{head}</head><body><header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<main><article><h1>Breakwater finished</h1>{body}</article></main>"
        "<footer><p>Copyright Coast News. All rights reserved. Contact us for licensing.</p></footer>"
        "</body></html>"
    )


def kinds(article: Article) -> list[str]:
    return [b.kind for b in article.body]


def find(article: Article, kind: str) -> list[Block]:
    return [b for b in article.body if b.kind == kind]


def test_paragraphs_links_and_emphasis_are_kept() -> None:
    html = page(
        para(1)
        + "<p>The <a href='/reports/granite'>granite report</a> was <em>never</em> published, "
        + PROSE + "</p>" + para(2) + para(3)
    )
    article = extract_html(html, "https://coast.example/news/breakwater")
    linked = [s for b in article.body for s in b.spans if s.href]
    assert linked and linked[0].text == "granite report"
    assert linked[0].href == "https://coast.example/reports/granite"
    assert any(s.emphasis and s.text == "never" for b in article.body for s in b.spans)
    assert "Copyright Coast News" not in article.text
    assert "Home" not in article.text.split()


def test_subheadings_lists_and_quotes_keep_their_kind() -> None:
    html = page(
        para(1) + "<h2>What the engineers found</h2>" + para(2)
        + "<ul><li>Granite from the north quarry</li><li>Concrete caissons sunk in March</li>"
        + "<li>A new lighthouse at the tip</li></ul>"
        + "<blockquote><p>We will not let the sea take the old town again, said the mayor "
        + "to a crowd of two hundred people.</p></blockquote>" + para(3) + para(4)
    )
    article = extract_html(html, "https://coast.example/a")
    headings = find(article, "heading")
    assert [h.text for h in headings] == ["What the engineers found"]
    assert headings[0].level == 2
    lists = find(article, "list")
    assert lists and lists[0].items[1][0].text == "Concrete caissons sunk in March"
    assert any("take the old town" in q.text for q in find(article, "quote"))


def test_captions_are_figures_not_text() -> None:
    html = page(
        para(1)
        + "<figure><img src='/img/wall.jpg' alt='The wall'><figcaption>The new wall at dawn. "
        + "Photo: Ana Ruiz</figcaption></figure>"
        + para(2) + para(3)
    )
    article = extract_html(html, "https://coast.example/a")
    figures = find(article, "figure")
    assert figures, kinds(article)
    assert figures[0].src == "https://coast.example/img/wall.jpg"
    assert "new wall at dawn" in figures[0].text
    assert "new wall at dawn" not in article.text
    assert "Ana Ruiz" not in article.text


def test_tables_read_as_rows_of_cells() -> None:
    html = page(
        para(1)
        + "<table><tr><th>Year</th><th>Storms</th></tr><tr><td>2022</td><td>14</td></tr>"
        + "<tr><td>2023</td><td>9</td></tr></table>" + para(2) + para(3)
    )
    article = extract_html(html, "https://coast.example/a")
    tables = find(article, "table")
    assert tables and tables[0].rows[0] == ("Year", "Storms")
    assert ("2023", "9") in tables[0].rows
    assert "2023\t9" in article.text


def test_promo_lines_are_removed_and_handed_over() -> None:
    html = page(
        para(1)
        + "<p><strong>Read also: <a href='/news/lighthouse'>The lighthouse keeper retires</a></strong></p>"
        + para(2)
        + "<p>&gt;&gt; <a href='/news/ferry'>Ferry timetable changes this winter</a> &lt;&lt;</p>"
        + para(3)
        + "<p>MORE: <a href='/news/quarry'>Quarry strike ends after six weeks</a></p>"
        + para(4)
    )
    article = extract_html(html, "https://coast.example/a")
    assert "lighthouse keeper" not in article.text
    assert "Ferry timetable" not in article.text
    assert "Quarry strike" not in article.text
    assert "Paragraph 4." in article.text


def test_promos_in_other_languages_are_removed() -> None:
    body = (
        "<p>Le port a rouvert mardi après deux ans de travaux sur la digue, selon la mairie, "
        "qui promet une fête pour les habitants du vieux quartier des pêcheurs.</p>"
        "<p>À lire aussi : <a href='/x'>Le phare change de gardien</a></p>"
        "<p>Les travaux ont coûté douze millions d'euros, financés par la région et l'État, "
        "et ont employé plus de cent ouvriers venus de toute la côte pendant deux hivers.</p>"
        "<p>Les pêcheurs espèrent que la nouvelle digue protégera enfin leurs bateaux des tempêtes "
        "d'automne, qui avaient détruit une partie du quai l'an dernier.</p>"
    )
    article = extract_html(page(body, lang="fr"), "https://coast.example/fr")
    assert "phare change" not in article.text
    assert "douze millions" in article.text


def test_share_bar_newsletter_and_author_bio_stay_out() -> None:
    html = page(
        "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>"
        + para(1) + para(2)
        + "<div class='newsletter-signup'><p>Get the morning briefing in your inbox every day, "
        + "sign up now for our free newsletter and never miss a story again.</p></div>"
        + para(3) + para(4)
        + "<div class='author-bio'><p>Jo Marsh has covered the coast for Coast News since 2009, "
        + "after ten years at a regional daily where she wrote about fishing.</p></div>"
    )
    article = extract_html(html, "https://coast.example/a")
    assert "Share on Facebook" not in article.text
    assert "morning briefing" not in article.text
    assert "covered the coast" not in article.text
    assert "Paragraph 4." in article.text


def test_subscription_pitch_closing_the_body_is_cut() -> None:
    html = page(
        para(1) + para(2) + para(3)
        + "<p>Subscribe now to our digital edition for the full story.</p>"
        + "<p>Download our apps for iOS and Android today.</p>"
    )
    article = extract_html(html, "https://coast.example/a")
    assert "Subscribe now" not in article.text
    assert "Paragraph 3." in article.text


def test_prose_about_an_app_closing_the_body_is_kept() -> None:
    closing = ("<p>The harbour master said the new tide app, which you can use to plan a visit, "
               "was built by pupils of the town's school.</p>")
    article = extract_html(page(para(1) + para(2) + para(3) + closing), "https://coast.example/a")
    assert "new tide app" in article.text


def test_standfirst_under_the_headline_opens_the_body() -> None:
    lead = (
        "After two years of delays the harbour finally has its new breakwater, and the "
        "fishermen say the winter will tell whether it was worth the wait."
    )
    html = (
        "<html lang='en'><head><title>Breakwater finished</title>"
        f"<meta name='description' content='{lead}'></head><body><article>"
        f"<header><h1>Breakwater finished</h1><p class='standfirst'>{lead}</p></header>"
        f"<div class='story'>{para(1)}{para(2)}{para(3)}</div></article></body></html>"
    )
    article = extract_html(html, "https://coast.example/a")
    assert article.text.startswith("After two years of delays")
    assert article.lead == lead


def test_title_repeated_at_the_top_of_the_body_is_dropped() -> None:
    html = page("<h2>Breakwater finished</h2>" + para(1) + para(2) + para(3))
    article = extract_html(html, "https://coast.example/a")
    assert not article.text.startswith("Breakwater finished")
    assert article.title == "Breakwater finished"


def test_hover_cards_inside_paragraphs_are_dropped() -> None:
    html = page(
        "<p>Mayor <a href='/p/ana'>Ana Ruiz</a><span class='rollover-people'><a href='/x'>"
        "Ana Ruiz: the harbour vote | Ana Ruiz: the budget row | Ana Ruiz: ferry plans</a></span>"
        " opened the breakwater, " + PROSE + "</p>" + para(1) + para(2)
    )
    article = extract_html(html, "https://coast.example/a")
    assert "the budget row" not in article.text
    assert "opened the breakwater" in article.text


def test_an_article_split_in_chunks_around_ads_is_read_whole() -> None:
    chunk = "<div class='article-body body-chunk'>{}</div>"
    html = page(
        chunk.format(para(1) + para(2) + para(3))
        + "<div class='ad-slot'><p>Advertisement</p></div>"
        + chunk.format(para(4) + para(5))
    )
    article = extract_html(html, "https://coast.example/a")
    for n in (1, 2, 3, 4, 5):
        assert f"Paragraph {n}." in article.text
    assert "Advertisement" not in article.text


def test_broken_and_empty_pages_do_not_raise() -> None:
    assert extract_html("").is_empty
    assert extract_html("<html><body></body></html>").is_empty
    article = extract_html("<p>Just one line of text in a fragment</p>")
    assert isinstance(article, Article)


def test_related_list_and_author_bio_after_the_article_are_left_out() -> None:
    html = page(
        para(1) + para(2) + para(3) + para(4)
        + "<h3>Related stories</h3><ul><li><a href='/n/1'>Ferry fares rise again</a></li>"
        + "<li><a href='/n/2'>New quay opens in the north</a></li></ul>"
        + "<h3>About the author</h3><p>Jo Marsh has written about the coast since 2009 and lives "
        + "in the old town with two dogs and a boat that never leaves the harbour.</p>"
    )
    article = extract_html(html, "https://coast.example/a")
    assert "Ferry fares" not in article.text
    assert "Jo Marsh" not in article.text
    assert "Paragraph 4." in article.text


def test_promo_lines_become_related_entries() -> None:
    story = "/news/2024/03/05/"
    html = page(
        para(1)
        + f"<p><strong>Read also: <a href='{story}lighthouse-keeper-retires-after-forty-years'>"
        + "The lighthouse keeper retires</a></strong></p>"
        + para(2) + para(3)
    )
    article = extract_html(html, "https://coast.example/news/2024/03/06/breakwater-finished")
    assert "lighthouse keeper" not in article.text
    titles = [r.title for r in article.related]
    assert "The lighthouse keeper retires" in titles
