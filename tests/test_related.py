"""Related stories from HTML: one small page per rule, through the real parser and finder."""

from __future__ import annotations

from reader.core.html.parse import parse_html
from reader.core.html.related import find_related
from reader.core.models import Block, Related, Span

PAGE = "https://news.example.com/world/2026/03/04/harbour-strike-enters-second-week"
BODY_TEXT = (
    "Dock workers in the northern harbour walked out again on Monday, extending a strike "
    "that has already stranded dozens of cargo ships along the coast."
)
MORE_TEXT = (
    "Union leaders said talks with the port authority had broken down over pay and the "
    "length of night shifts, and that no new meeting was planned."
)


def _page(middle: str = "", after: str = "", side: str = "", head: str = "", body_links: str = "") -> str:
    return f"""<html><head><title>Harbour strike</title>{head}</head><body>
<header class="site-header"><nav><a href="/">Home</a>
<a href="/world/2026/03/01/menu-teaser-about-the-coastal-elections-results">Menu teaser about the coastal elections results</a></nav></header>
<main><article class="story">
<h1>Harbour strike enters second week</h1>
<div class="story-body">
<p>{BODY_TEXT} {body_links}</p>
{middle}
<p>{MORE_TEXT}</p>
</div>
{after}
</article>
<aside class="sidebar">{side}</aside></main>
<footer class="site-footer"><a href="/about/2026/03/01/our-team-and-values-explained-in-full">Our team and values explained in full</a></footer>
</body></html>"""


def _body(*extra: Block) -> tuple[Block, ...]:
    return (Block("paragraph", (Span(BODY_TEXT),)), *extra, Block("paragraph", (Span(MORE_TEXT),)))


def _related(html: str, url: str | None = PAGE, promos: tuple[Block, ...] = ()) -> tuple[Related, ...]:
    return find_related(parse_html(html), url, _body(), promos=promos)


def _urls(items: tuple[Related, ...], kind: str | None = None) -> list[str | None]:
    return [r.url for r in items if kind is None or r.kind == kind]


def test_labelled_block_after_the_body_is_related() -> None:
    after = """<section><h2>Related stories</h2><ul>
<li><a href="/world/2026/02/27/port-authority-rejects-union-pay-offer">Port authority rejects union pay offer</a></li>
<li><a href="/world/2026/02/20/cargo-ships-queue-outside-northern-harbour">Cargo ships queue outside northern harbour</a></li>
</ul></section>"""
    found = _related(_page(after=after))
    assert [(r.kind, r.title) for r in found] == [
        ("related", "Port authority rejects union pay offer"),
        ("related", "Cargo ships queue outside northern harbour"),
    ]
    assert found[0].url == "https://news.example.com/world/2026/02/27/port-authority-rejects-union-pay-offer"


def test_labels_in_many_languages() -> None:
    for label in ("À lire aussi", "Sur le même thème", "Mehr zum Thema", "Leia também",
                  "Материалы по теме", "관련기사", "Artículos relacionados", "Read more"):
        after = f"""<div><h3>{label}</h3><ul>
<li><a href="/a/2026/02/27/first-story-of-the-block">Premier article du bloc</a></li>
<li><a href="/a/2026/02/26/second-story-of-the-block">Deuxième article du bloc</a></li></ul></div>"""
        assert [r.kind for r in _related(_page(after=after))] == ["related", "related"], label


def test_related_class_marks_a_block_without_label() -> None:
    after = """<div class="related-posts"><a href="/x/2026/01/02/one-older-story-on-the-strike">One older story on the strike</a>
<a href="/x/2026/01/03/another-older-story-on-the-strike">Another older story on the strike</a></div>"""
    assert [r.kind for r in _related(_page(after=after))] == ["related", "related"]


def test_links_in_body_paragraphs_are_inline_and_non_stories_are_not() -> None:
    links = (
        '<a href="https://other.example.org/news/2026/03/02/ports-across-europe-brace-for-walkouts">walkouts</a> '
        '<a href="/tag/strikes">strikes</a> <a href="/author/jane-doe">Jane Doe</a> '
        '<a href="https://en.wikipedia.org/wiki/Dock_worker">dockers</a> '
        '<a href="https://twitter.com/union/status/123456789">said</a> '
        '<a href="/files/2026/report-on-the-port-strike.pdf">report</a> '
        '<a href="/images/2026/03/picture-of-the-harbour-at-night.jpg">photo</a> '
        '<a href="https://shop.example.net/">shop</a>'
    )
    found = _related(_page(body_links=links))
    assert _urls(found) == ["https://other.example.org/news/2026/03/02/ports-across-europe-brace-for-walkouts"]
    assert found[0].kind == "inline" and found[0].title == "walkouts"


def test_off_site_inline_links_need_strong_story_evidence() -> None:
    links = (
        '<a href="https://data.example.org/average-credit-card-debt">debt</a> '
        '<a href="https://paper.example.org/business/banks-raise-fees-again-as-profits-fall">fees</a> '
        '<a href="/world/strike-talks-collapse">collapsed</a>'
    )
    found = _related(_page(body_links=links))
    # A four-word slug elsewhere is no proof; five words are; a short slug on the same site is enough.
    assert _urls(found) == [
        "https://paper.example.org/business/banks-raise-fees-again-as-profits-fall",
        "https://news.example.com/world/strike-talks-collapse",
    ]


def test_promo_lines_become_inline_with_clean_titles() -> None:
    promo = Block("paragraph", (
        Span("Read also: "),
        Span("Night shifts at the port, explained", href="https://news.example.com/explainers/2026/03/night-shifts-at-the-port"),
    ))
    found = _related(_page(), promos=(promo,))
    assert [(r.kind, r.title) for r in found] == [("inline", "Night shifts at the port, explained")]


def test_mid_body_related_card_is_inline() -> None:
    middle = """<div class="related-links-module"><h4>Related</h4>
<a href="/world/2026/02/11/how-the-strike-began-in-february">How the strike began in February</a>
<a href="/world/2026/02/12/what-the-dockers-are-asking-for">What the dockers are asking for</a></div>"""
    assert [r.kind for r in _related(_page(middle=middle))] == ["inline", "inline"]


def test_other_lists_are_more_and_short_titles_are_left_out() -> None:
    side = """<h2>Most read</h2><ol>
<li><a href="/sport/2026/03/03/city-win-the-derby-in-extra-time">City win the derby in extra time</a></li>
<li><a href="/sport/2026/03/03/derby">Derby</a></li></ol>"""
    found = _related(_page(side=side))
    assert [(r.kind, r.title) for r in found] == [("more", "City win the derby in extra time")]


def test_sponsored_widgets_are_never_listed() -> None:
    side = """<div class="OUTBRAIN"><a href="https://ads.example.net/2026/03/03/you-wont-believe-this-trick-doctors-hate">Trick</a></div>
<div class="trc_related_container"><a href="https://click.example.net/2026/03/01/the-one-weird-gadget-everyone-wants-now">Gadget everyone wants right now</a></div>
<div><h3>Around the web</h3><a href="https://partner.example.net/2026/03/02/ten-things-you-did-not-know-about-ports">Ten things you did not know about ports</a>
<a href="https://partner.example.net/2026/03/02/ten-more-things-about-ports-and-ships">Ten more things about ports and ships</a></div>"""
    assert _related(_page(side=side)) == ()


def test_menus_headers_footers_share_and_comments_are_left_out() -> None:
    after = """<div class="share-tools"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a></div>
<section id="comments"><h2>Comments</h2><p><a href="/world/2026/03/02/a-reader-links-another-long-story">A reader links another long story</a></p></section>"""
    assert _related(_page(after=after)) == ()


def test_urls_are_resolved_cleaned_merged_and_never_the_page_itself() -> None:
    after = """<div><h2>Related</h2><ul>
<li><a href="../../../2026/02/27/port-authority-rejects-union-pay-offer?utm_source=x&amp;fbclid=abc#top"><img src="a.jpg" alt=""></a>
<a href="/world/2026/02/27/port-authority-rejects-union-pay-offer"><h3>Port authority rejects union pay offer</h3></a></li>
<li><a href="/world/2026/03/04/harbour-strike-enters-second-week?page=2">Harbour strike enters second week</a></li>
<li><a href="https://news.example.com/world/2026/01/05/canonical-address-of-this-same-story">Same story</a></li>
</ul></div>"""
    head = '<link rel="canonical" href="https://news.example.com/world/2026/01/05/canonical-address-of-this-same-story">'
    found = _related(_page(after=after, head=head), url=PAGE)
    assert [(r.url, r.title) for r in found] == [
        ("https://news.example.com/world/2026/02/27/port-authority-rejects-union-pay-offer",
         "Port authority rejects union pay offer"),
    ]


def test_strongest_kind_wins_and_order_is_related_inline_more() -> None:
    url_a = "https://news.example.com/world/2026/02/01/story-a-about-the-harbour"
    url_b = "https://news.example.com/world/2026/02/02/story-b-about-the-harbour"
    url_c = "https://news.example.com/world/2026/02/03/story-c-about-the-harbour"
    links = f'<a href="{url_a}">story a</a> <a href="{url_b}">story b</a>'
    side = f"""<h2>Latest news</h2><ul><li><a href="{url_c}">Story C about the harbour today</a></li>
<li><a href="{url_a}">Story A about the harbour today</a></li></ul>"""
    after = f'<h2>More on this story</h2><ul><li><a href="{url_b}">Story B about the harbour</a></li><li><a href="{url_c}x">Story C2 about the harbour</a></li></ul>'
    found = _related(_page(body_links=links, after=after, side=side))
    assert [(r.kind, r.url) for r in found] == [
        ("related", url_b), ("related", url_c + "x"), ("inline", url_a), ("more", url_c),
    ]
    # The merged entry keeps the better title (the longer headline of the related block).
    assert found[0].title == "Story B about the harbour"


def test_section_pages_that_prefix_other_stories_are_left_out() -> None:
    side = """<h2>Latest</h2><ul>
<li><a href="/blogs/briefing-room-news">Briefing room news and notes daily</a></li>
<li><a href="/blogs/briefing-room-news/2026/03/03/mayor-answers-questions-on-strike">Mayor answers questions on strike</a></li></ul>"""
    found = _related(_page(side=side))
    assert _urls(found) == ["https://news.example.com/blogs/briefing-room-news/2026/03/03/mayor-answers-questions-on-strike"]


def test_lead_media_before_the_body_is_left_out() -> None:
    html = _page().replace(
        '<div class="story-body">',
        '<div class="story-body"><div class="video"><a href="https://video.example.com/v/60543881050">'
        "Watch: the harbour strike in ninety seconds flat</a></div>",
    )
    assert _related(html) == ()


def test_titles_are_cleaned() -> None:
    after = """<div><h2>Related</h2><ul>
<li><a href="/w/2026/02/01/one"><i class="material-icons">play_circle</i> Strikers march on city hall 3 hours ago</a></li>
<li><a href="/w/2026/02/02/two">READ MORE: Ferry services cut as dockers stay out19 November 2026</a></li>
<li><a href="/w/2026/02/03/three">Port reopens for <span class="count">(12)</span> urgent cargo (12)</a></li>
<li><a href="/w/2026/02/04/four">Bad\u202e escape\u200b title\x07 here</a></li>
</ul></div>"""
    titles = [r.title for r in _related(_page(after=after))]
    assert titles == [
        "Strikers march on city hall",
        "Ferry services cut as dockers stay out",
        "Port reopens for urgent cargo",
        "Bad escape title here",
    ]


def test_base_resolved_url_and_missing_inputs() -> None:
    after = """<div><h2>Related</h2><a href="2026/02/01/story-under-the-base-address">Story under the base address</a>
<a href="2026/02/02/second-story-under-the-base-address">Second story under the base address</a></div>"""
    found = _related(_page(after=after), url="https://mirror.example.net/base/")
    assert found[0].url == "https://mirror.example.net/base/2026/02/01/story-under-the-base-address"
    assert find_related(None, PAGE, ()) == ()
    # Without a page URL, relative links cannot be placed anywhere: only absolute ones stay.
    assert _related(_page(after=after), url=None) == ()


def test_local_pages_link_to_local_pages_only() -> None:
    after = """<div><h2>Related</h2><a href="other-local-story.html">Other local story about the port</a>
<a href="file:///etc/passwd-like-local-file-name-here">Local file the web page should not reach</a></div>"""
    local = find_related(parse_html(_page(after=after)), "file:///library/harbour-strike.html", _body())
    assert _urls(local) == ["file:///library/other-local-story.html"]
    web = _related(_page(after=after))
    assert "file:///etc/passwd-like-local-file-name-here" not in _urls(web)


def test_sidebar_block_labelled_related_counts_wherever_it_sits() -> None:
    side = """<div class="widget"><h3>You may also like</h3><ul>
<li><a href="/w/2026/02/01/side-story-one-about-ports">Side story one about ports</a></li>
<li><a href="/w/2026/02/02/side-story-two-about-ports">Side story two about ports</a></li></ul></div>"""
    assert [r.kind for r in _related(_page(side=side))] == ["related", "related"]


def test_ad_label_hides_its_slot_only() -> None:
    after = """<div class="ad-slot"><span>Advertisement</span><a href="https://ads.example.net/2026/03/03/buy-now-the-best-harbour-cruises">Buy now the best harbour cruises</a></div>
<div><h2>Related</h2><a href="/w/2026/02/01/still-listed-story-about-ports">Still listed story about ports</a>
<a href="/w/2026/02/02/also-listed-story-about-ports">Also listed story about ports</a></div>"""
    assert [r.title for r in _related(_page(after=after))] == [
        "Still listed story about ports", "Also listed story about ports",
    ]


def test_in_body_links_to_a_name_page_are_left_out() -> None:
    links = (
        '<a href="/brands/skoda-1337376">Skoda</a> '
        '<a href="/news/2026/03/02/skoda-recalls-older-cars-1337999">recalls older cars</a>'
    )
    found = _related(_page(body_links=links))
    assert _urls(found) == ["https://news.example.com/news/2026/03/02/skoda-recalls-older-cars-1337999"]


def test_url_anchor_text_gives_way_to_the_slug() -> None:
    links = '<a href="https://blog.example.org/2026/01/21/why-the-harbour-matters">blog.example.org/2026/01/21/why-the-harbour-matters</a>'
    assert [r.title for r in _related(_page(body_links=links))] == ["Why the harbour matters"]


def test_dates_are_no_headlines_in_other_lists() -> None:
    side = """<h2>Latest</h2><ul>
<li><a href="/sport/2026/03/03/derby-report-from-the-city-ground">Wczoraj, 10 maja (11:03)</a></li></ul>"""
    assert _related(_page(side=side)) == ()


def test_parts_of_the_page_itself_are_left_out() -> None:
    links = f'<a href="{PAGE}/comments-page-two-of-the-discussion">discussion</a>'
    assert _related(_page(body_links=links)) == ()


def test_kicker_headings_lose_to_the_headline() -> None:
    after = """<div><h2>Related stories</h2><ul>
<li><a href="/w/2026/02/01/union-vote-set-for-friday"><h6>News Cloud</h6></a>
<a href="/w/2026/02/01/union-vote-set-for-friday"><p>Union vote set for Friday after talks fail</p></a></li>
<li><a href="/w/2026/02/02/ferries-added"><h6>News</h6></a><a href="/w/2026/02/02/ferries-added"><p>Ferries added for stranded travellers</p></a></li>
</ul></div>"""
    assert [r.title for r in _related(_page(after=after))] == [
        "Union vote set for Friday after talks fail", "Ferries added for stranded travellers",
    ]


def test_located_body_elements_replace_text_matching() -> None:
    after = """<div><h2>Related</h2><a href="/w/2026/02/01/first-related-story-on-ports">First related story on ports</a>
<a href="/w/2026/02/02/second-related-story-on-ports">Second related story on ports</a></div>"""
    root = parse_html(_page(after=after, body_links='<a href="/w/2026/01/09/inline-story-about-ports">ports</a>'))
    paragraphs = [p for p in root.iter("p")][:2]
    # No body blocks at all: the elements alone place the body.
    found = find_related(root, PAGE, (), located=paragraphs)
    assert [r.kind for r in found] == ["related", "related", "inline"]
    # Elements of another tree are ignored (and the text is matched instead).
    other = parse_html("<p>elsewhere</p>")
    assert [r.kind for r in find_related(root, PAGE, _body(), located=list(other.iter("p")))] == [
        "related", "related", "inline",
    ]


def test_the_page_is_left_unchanged() -> None:
    root = parse_html(_page(after='<h2>Related</h2><a href="/w/2026/02/01/a-b-c-d">A b c d e</a>'))
    from lxml import etree

    before = etree.tostring(root)
    _ = find_related(root, PAGE, _body())
    assert etree.tostring(root) == before


def test_teasers_give_section_and_date() -> None:
    after = """<section><h2>Related stories</h2><ul>
<li><a href="/w/2026/02/01/ferries-added-for-stranded-travellers"><span class="kicker">Transport</span>
<span class="title">Ferries added for stranded travellers</span></a> <time datetime="2026-02-01T08:30:00+01:00">1 Feb</time></li>
<li><a href="/w/2026/02/02/union-vote-set-for-friday">Union vote set for Friday</a> <time datetime="last week">last week</time></li>
</ul></section>"""
    found = _related(_page(after=after))
    assert [(r.title, r.section, r.published) for r in found] == [
        ("Ferries added for stranded travellers", "Transport", "2026-02-01T08:30:00+01:00"),
        ("Union vote set for Friday", None, None),
    ]


def test_query_views_of_a_linked_page_fold_into_it() -> None:
    base = "https://photos.example.org/gallery/2026/03/04/harbour-strike-in-pictures"
    links = f'<a href="{base}">View all</a> ' + " ".join(
        f'<a href="{base}?id=i-2150113{n}">Photo {n} of the harbour strike</a>' for n in range(3)
    )
    found = _related(_page(body_links=links))
    assert [(r.url, r.kind) for r in found] == [(base, "inline")]


def test_related_list_kept_as_body_after_the_last_paragraph_stays_related() -> None:
    after = """<h3>Read more</h3><ul>
<li><a href="/w/2026/02/01/first-story-in-the-trailing-list">First story in the trailing list today</a></li>
<li><a href="/w/2026/02/02/second-story-in-the-trailing-list">Second story in the trailing list today</a></li></ul>"""
    html = _page().replace(f"<p>{MORE_TEXT}</p>", f"<p>{MORE_TEXT}</p>{after}")
    items = (
        (Span("First story in the trailing list today"),),
        (Span("Second story in the trailing list today"),),
    )
    body = (*_body(), Block("list", items=items))
    found = find_related(parse_html(html), PAGE, body)
    assert [r.kind for r in found] == ["related", "related"]


def test_comment_counts_and_user_pages_are_not_stories() -> None:
    side = """<h2>Latest</h2><ul>
<li><a href="/w/2026/02/01/lawsuit-over-the-harbour-name-filed">Lawsuit over the harbour name filed today</a>
<a href="/w/2026/02/02/other-story-with-comments-here">Comments (5 posted)</a></li>
<li><a href="/@harbour_reporter">Harbour reporter writing about ports</a></li></ul>"""
    found = _related(_page(side=side))
    assert [r.title for r in found] == ["Lawsuit over the harbour name filed today"]
