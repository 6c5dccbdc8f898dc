"""Text dumps: how the body region is chosen and trimmed (fixtures written for these tests)."""

from __future__ import annotations

from reader.core.text import extract_text_page

GLUED = [
    "The storm reached the coast early on Tuesday morning, bringing winds of more than a hundred kilometres an hour.",
    "Schools in the region stayed closed for the day, and the ferry services to the islands were cancelled until noon.",
    "Forecasters said that the wind would weaken in the evening, but that heavy rain would continue through Wednesday.",
    "Farmers were asked to bring their animals inside and to keep away from the rivers, which are expected to rise.",
]

SIDEBAR = [
    "Our weekly newsletter brings you the best stories of the week, chosen by the editors for you.",
    "We are a small independent team of reporters who have been covering the coast since nineteen ninety.",
]


def test_body_of_glued_lines_on_a_page_that_marks_paragraphs_elsewhere() -> None:
    # The article sits in <div>s (lines glued), the sidebar in <p>s (lines alone):
    # the glued prose must not be trimmed away as teasers.
    dump = "\n".join([
        "Home", "Weather", "Storm closes schools along the coast", "Published 4 March 2024",
        *GLUED,
        "Share", "Print", "Most read", "Ferry timetable for the winter", "Ten walks along the cliffs", "",
        SIDEBAR[0], "", SIDEBAR[1], "",
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(GLUED)


STEPS = [
    "Mix the flour, the sugar and the butter in a large bowl until the dough is smooth and soft.",
    "Roll the dough out on a floured table, cut out the biscuits and lay them on a baking tray.",
    "Bake them for fifteen minutes in the middle of the oven, until they are golden brown on top.",
]


def test_list_items_between_paragraphs_stay_in_the_body() -> None:
    dump = "\n".join([
        "Recipes", "Almond biscuits for the winter", "By Jane Carter", "",
        STEPS[0], "",
        "You will need:",
        "300 g of flour",
        "200 g of sugar",
        "1 pinch of salt",
        "2 eggs from the farm",
        "",
        STEPS[1], "",
        STEPS[2], "",
        "About us", "Contact",
    ])
    art = extract_text_page(dump)
    assert art.text.startswith(STEPS[0])
    assert art.text.endswith(STEPS[2])


COMMENT = (
    "I read this with great interest, and I must say that I have seen the very same thing happen in my own "
    "town many years ago, when the council decided to close the old market without asking anyone who lived "
    "there what they thought about it, and nobody has forgotten it since then, not even the children."
)


def test_a_long_comment_does_not_beat_a_short_article_above_it() -> None:
    dump = "\n".join([
        "Notes from the harbour",
        "Boats come back to the old harbour",
        "Published on 5 January 2024 by Jane Carter",
        "",
        "After ten years of work, the old harbour has been dredged and the first fishing boats are back.",
        "",
        "The harbour master said that twenty boats had already asked for a place for the summer.",
        "",
        "3 comments",
        "Tom says:",
        "6 January 2024 at 12:49",
        "",
        COMMENT,
        "",
        "Leave a comment",
        "",
        "Your email address will not be published. Required fields are marked with a star.",
        "",
        "Notes from the harbour is a blog about the boats, the people and the water of a small town by the sea.",
        "",
    ])
    art = extract_text_page(dump)
    assert art.text.startswith("After ten years of work")
    assert "never" not in art.text and "council" not in art.text
    assert "blog about the boats" not in art.text


STORY = [
    "The ferry company announced on Monday that two new boats will join the island line next spring.",
    "Both boats run on batteries that are charged in the harbour during the twenty minutes of each stop.",
    "The company said that the crossing will take as long as before, but that the ticket price will not change.",
    "Islanders welcomed the plan, though some asked for more crossings in the evening during the summer months.",
]


def test_a_subscription_box_and_an_app_line_closing_the_body_are_cut() -> None:
    dump = "\n".join([
        "Electric ferries for the island line",
        "By Jane Carter",
        "",
        *[x for p in STORY for x in (p, "")],
        "Subscribe now to our print edition for the full story.",
        "",
        "For the latest stories and breaking news download the Example News apps for your phone.",
        "",
        "Leave a comment",
    ])
    art = extract_text_page(dump)
    assert art.text.endswith(STORY[-1])


def test_a_newsletter_box_opening_the_body_is_dropped() -> None:
    dump = "\n".join([
        "Elektrische Fähren für die Insellinie",
        "",
        "Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.",
        "",
        "Die Reederei hat am Montag angekündigt, dass im nächsten Frühjahr zwei neue Schiffe auf der Linie fahren.",
        "",
        "Beide Schiffe fahren mit Batterien, die während der zwanzig Minuten im Hafen geladen werden können.",
        "",
        "Die Überfahrt dauert so lange wie bisher, und der Preis der Fahrkarten soll sich nicht ändern.",
        "",
    ])
    art = extract_text_page(dump)
    assert art.lang == "de"
    assert art.text.startswith("Die Reederei")


def test_cue_lines_of_several_languages_leave_the_body() -> None:
    es = [
        "La compañía anunció el lunes que dos nuevos barcos se sumarán a la línea de la isla la próxima primavera.",
        "Ambos barcos funcionan con baterías que se cargan en el puerto durante los veinte minutos de cada parada.",
    ]
    art = extract_text_page("\n".join([
        "Barcos eléctricos para la isla", "", es[0], "",
        "Le puede interesar: Los puertos que ya cambiaron sus barcos", "", es[1], "",
        "Otras noticias", "La lluvia vuelve este fin de semana a toda la región",
    ]))
    assert art.text == "\n\n".join(es)
    assert [(r.kind, r.title) for r in art.related] == [
        ("inline", "Los puertos que ya cambiaron sus barcos"),
        ("more", "La lluvia vuelve este fin de semana a toda la región"),
    ]


def test_glued_paragraphs_beat_a_sidebar_of_marked_paragraphs() -> None:
    # The article's paragraphs are <div>s (glued), the sidebar's are <p>s (alone): as a
    # run, the glued prose is the body.
    dump = "\n".join([
        "Storm closes schools along the coast",
        *GLUED,
        "Most read", "Ten walks along the cliffs", "Ferry timetable for the winter",
        "About us", "Contact", "Jobs", "Advertise", "Archive", "Imprint", "",
        "We are a small independent team of reporters who have covered the coast since the year nineteen ninety.",
        "",
        "Send us your photos of the coast and we will print the best of them in our Sunday edition every week.",
        "",
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(GLUED)


def test_an_archive_list_full_of_numbers_is_not_prose() -> None:
    archive = " ".join(f"{m} 2023 ({n})" for m, n in (("March", 4), ("February", 2), ("January", 7)) * 6)
    dump = "\n".join([
        "Boats come back to the old harbour",
        "Published on 5 January 2024",
        "After ten years of work the old harbour has been dredged",
        "and the first fishing boats are back in it.",
        "Archive",
        archive,
        "",
    ])
    art = extract_text_page(dump)
    assert "2023 (4)" not in art.text


def test_a_sentence_announced_by_a_colon_closes_the_body() -> None:
    dump = "\n".join([
        "Ten years of the harbour market",
        "By Jane Carter",
        "",
        *[x for p in STORY[:3] for x in (p, "")],
        "What remains after ten years is a certainty:",
        "Markets like this one are contagious, and so is a slower way of life!",
        "Category: News",
        "Previous article",
    ])
    art = extract_text_page(dump)
    assert art.text.endswith("so is a slower way of life!")


UNMARKED = [
    "The first stage of the tour follows the coast road for sixty kilometres, with a stop at the old fishing village.",
    "The second stage turns inland through the forest, where the road is narrow and the camp sites are small.",
    "The last stage ends in the capital, where the vans can park for the night at the harbour for a small fee.",
]


def test_caption_after_a_slash_credit_and_a_table_of_contents_leave_an_unmarked_body() -> None:
    dump = "\n".join([
        "By van along the coast",
        "In this article:",
        "The coast road",
        "Into the forest",
        "The coast road",
        UNMARKED[0],
        "Jane Doe/Example Images",
        "The fishing village seen from the coast road at night.",
        "Into the forest",
        UNMARKED[1],
        UNMARKED[2],
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(UNMARKED)
    figures = [b for b in art.body if b.kind == "figure"]
    assert [(f.text, f.credit) for f in figures] == [
        ("The fishing village seen from the coast road at night.", "Jane Doe/Example Images")
    ]


def test_a_paywall_pitch_ends_the_body() -> None:
    dump = "\n".join([
        "Electric ferries for the island line",
        "By Jane Carter",
        "",
        *[x for p in STORY[:2] for x in (p, "")],
        "To read the full story, please subscribe to Example News for one dollar a week.",
        "",
        "When you join our family of readers, you get unlimited access to all of our reporting from the islands.",
        "",
        "If you are seeing this message but you are already a subscriber, you can log in to read the story.",
        "",
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(STORY[:2])


def test_list_headings_with_a_site_name_and_next_previous_links_end_the_body() -> None:
    dump = "\n".join([
        "Electric ferries for the island line",
        "By Jane Carter",
        "",
        *[x for p in STORY for x in (p, "")],
        "More on this topic at Example News",
        "Ferry timetable changes for the winter season",
        "Previous",
        "The harbour market closes after ten years",
        "Next",
        "",
        "Example News is the daily paper of the islands, published every morning since the year eighteen ninety.",
        "",
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(STORY)
    assert [r.title for r in art.related] == ["Ferry timetable changes for the winter season"]


def test_glued_subheading_and_list_between_paragraphs_stay() -> None:
    dump = "\n".join([
        "Ten habits for a calmer life",
        "By Jane Carter",
        "",
        "In her new book the author describes the ten habits that she learned from the fishermen of the islands.",
        "",
        "Be curious",
        "Walk every day",
        "Thank the people around you",
        "",
        "She says that none of them is hard, but that keeping all of them for a whole year takes some patience.",
        "In short",
        "",
        "The book is a pleasant read for a winter evening, and its advice is as simple as it is kind to the reader.",
        "",
    ])
    art = extract_text_page(dump)
    kinds = [b.kind for b in art.body]
    assert kinds == ["paragraph", "list", "paragraph", "heading", "paragraph"]
    assert [i[0].text for i in art.body[1].items] == ["Be curious", "Walk every day", "Thank the people around you"]
    assert art.body[3].text == "In short"


def test_teasers_each_followed_by_the_same_link_are_not_the_body() -> None:
    teaser = (
        "A long teaser of another story on the site, written like a paragraph of its own, with enough words "
        "in it to outweigh the short article above it when all of them are counted together, number {}."
    )
    dump = "\n".join([
        "Boats come back to the old harbour",
        "By Jane Carter",
        "",
        STORY[0],
        "",
        STORY[1],
        "",
        "Share / Tweet / 12 comments",
        *[x for n in range(4) for x in (f"Another story title number {n} on the site", teaser.format(n), "Continue reading")],
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(STORY[:2])


def test_a_quote_introduced_by_says_stays_in_the_body() -> None:
    dump = "\n".join([
        "Electric ferries for the island line",
        "By Jane Carter",
        "",
        STORY[0],
        "",
        "The harbour master says:",
        "",
        "\u201cWe have waited a long time for boats that do not smoke, and the islanders deserve them.\u201d",
        "",
        *[x for p in STORY[1:] for x in (p, "")],
    ])
    art = extract_text_page(dump)
    assert art.text.startswith(STORY[0])
    assert art.text.endswith(STORY[-1])
    assert "The harbour master says:" in art.text


def test_teasers_swallowed_above_the_byline_leave_the_body() -> None:
    dump = "\n".join([
        "Justice",
        "Information based on facts and checked first hand by the reporter or by sources he trusts.",
        "Ferry company fined for late boats",
        "The company must pay ten thousand for the delays of last winter, the court decided on Monday afternoon.",
        "Harbour market to close after ten years",
        "Islanders ask for more evening crossings",
        "By Jane Carter",
        "7 May 2022 20:06",
        *STORY,
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(STORY)
    assert art.title == "Ferry company fined for late boats"


def test_author_boxes_inside_the_body_are_dropped() -> None:
    de = [
        "Die Reederei hat am Montag angekündigt, dass im nächsten Frühjahr zwei neue Schiffe auf der Linie fahren.",
        "Beide Schiffe fahren mit Batterien, die während der zwanzig Minuten im Hafen geladen werden können.",
    ]
    dump = "\n".join([
        "Elektrische Fähren für die Insellinie", "",
        de[0], "",
        "Anna Schmidt", "",
        "Redakteurin in der Wirtschaft.", "",
        de[1], "",
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(de)


def test_body_continues_after_two_related_boxes_in_a_row() -> None:
    more = [
        "Tickets for the new line go on sale on Friday, and the first crossing is planned for the middle of April.",
        "The company also plans a night boat in the summer, if enough islanders buy a season ticket before May.",
    ]
    dump = "\n".join([
        "Electric ferries for the island line",
        "By Jane Carter",
        "",
        *[x for p in STORY for x in (p, "")],
        "Related",
        "Ferry timetable changes for the winter season",
        "Related",
        "Harbour market to close after ten years",
        "Islanders ask for more evening crossings",
        "",
        *[x for p in more for x in (p, "")],
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join([*STORY, *more])
    assert [(r.kind, r.title) for r in art.related] == [
        ("inline", "Ferry timetable changes for the winter season"),
        ("inline", "Harbour market to close after ten years"),
        ("inline", "Islanders ask for more evening crossings"),
    ]


def test_a_read_more_link_over_a_paragraph_does_not_cut_the_body() -> None:
    dump = "\n".join([
        "Electric ferries for the island line",
        "By Jane Carter",
        *STORY[:2],
        "Read More",
        *STORY[2:],
        "Politics", "Economy", "Science", "Health", "Opinion", "Podcasts", "Events", "Shop", "Games", "Puzzles",
        "Copyright 2024 Example News. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed in any form without the written permission of the publisher, which is "
        "rarely given to anyone who asks for it by mail or by telephone.",
    ])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(STORY)


def test_a_long_first_paragraph_with_one_boilerplate_word_stays() -> None:
    first = (
        "The new app for the ferry line, which the company built with a small team from the university, shows "
        "the boats on a map, sells tickets for every crossing and keeps no data about its users beyond what the "
        "privacy law of the islands asks for."
    )
    dump = "\n".join([
        "An app for the island line",
        "7 May 2022",
        "", first, "",
        *[x for p in STORY for x in (p, "")],
    ])
    art = extract_text_page(dump)
    assert art.text.startswith(first)


def test_lists_announced_by_a_colon_next_to_the_body_are_taken_in() -> None:
    steps = [
        "Mix the flour, the sugar and the butter in a large bowl until the dough is smooth and soft to the touch.",
        "Roll the dough out on a floured table, cut out the biscuits and lay them on a baking tray.",
        "Bake them for fifteen minutes in the middle of the oven, until they are golden brown on top.",
    ]
    dump = "\n".join([
        "Almond biscuits",
        "Leave a comment",
        "Ingredients:",
        "300 g flour",
        "200 g sugar",
        "1 pinch of salt",
        "Almond flakes",
        "",
        "Method:",
        "",
        *[x for p in steps for x in (p, "")],
        "About these ads",
    ])
    art = extract_text_page(dump)
    assert "200 g sugar" in art.text
    assert "Almond flakes" in art.text
    assert art.text.endswith(steps[-1])


def test_a_lone_site_name_and_a_date_label_leave_the_body_but_a_product_name_stays() -> None:
    dump = "\n".join([
        "Electric ferries for the island line",
        "By Jane Carter",
        "",
        *[x for p in STORY for x in (p, "")],
        "Node.js", "",
        "EXAMPLENEWS.COM", "",
        "Release Date:",
        "Thursday, 28 April 2022",
        "",
        *[x for p in GLUED for x in (p, "")],
    ])
    art = extract_text_page(dump)
    assert art.text.startswith(STORY[0]) and art.text.endswith(GLUED[-1])
    assert "EXAMPLENEWS.COM" not in art.text
    assert "Release Date" not in art.text
    assert "Node.js" in art.text


NOTICE = [
    "We are not willing or obliged to take part in dispute settlement proceedings before a consumer arbitration board.",
    "As a provider we are responsible for our own content on these pages under the general laws of the land we work in.",
    "Obligations to remove or block the use of information under the general laws remain unaffected by this, as always.",
]
SECTION = [
    "Our offer contains links to external websites of third parties over whose content we have no influence at all. "
    "For that reason we cannot accept any liability for this content of others.",
    "A permanent check of the content of the linked pages is not reasonable without concrete evidence of a breach of "
    "the law, but we will remove such links as soon as we learn of any breach.",
]


def test_closing_section_of_glued_paragraphs_under_a_sub_heading_is_kept() -> None:
    # Paragraphs in <p>s, then a last section whose paragraphs sit in <div>s (glued):
    # under a sub-heading, two long glued paragraphs are body, not teasers at its edge.
    dump = "\n".join([
        "Home", "Services", "Contact", "Imprint", "",
        "Dispute settlement", "",
        NOTICE[0], "",
        "Liability for content", "",
        NOTICE[1], "",
        NOTICE[2], "",
        "Liability for links", "",
        *SECTION, "",
        "Contact", "", "Phone 0123 456", "",
    ])
    art = extract_text_page(dump)
    assert art.text.endswith(SECTION[1])
    assert NOTICE[1] in art.text


def test_teasers_under_a_list_heading_still_end_the_body() -> None:
    # The same glued paragraphs under a list heading ("Most read") are teasers.
    dump = "\n".join([
        "Home", "News", "",
        NOTICE[0], "",
        NOTICE[1], "",
        NOTICE[2], "",
        "Most read",
        *SECTION, "",
    ])
    art = extract_text_page(dump)
    assert art.text.endswith(NOTICE[2])


EVENT = [
    "The third round of the floating ramp contest comes to the lake this summer, with riders from all over the country.",
    "The beach by the lake has a grassy slope and platforms on the water, which makes it a fine place for the crowd.",
]


def test_labelled_details_under_the_body_are_taken_up_to_the_list_heading() -> None:
    # A timetable and an address under their labels close the body; the heading of a
    # story list ends it.
    dump = "\n".join([
        "Home", "News", "Ramp contest on the lake", "By Jane Carter", "3 August 2024", "",
        EVENT[0], "", EVENT[1], "",
        "See the event page", "",
        "This is the timetable:",
        "Warm up 11:00",
        "Contest 12:00",
        "Prize giving 18:30",
        "Getting there:",
        "Lake beach 257",
        "12345 Riverside",
        "", "Be there!", "",
        "Related articles",
        "Shop news: the board store turns thirty",
        "Rail battle tour in the city",
    ])
    art = extract_text_page(dump)
    assert "Contest 12:00" in art.text
    assert "12345 Riverside" in art.text
    assert "board store" not in art.text


def test_unlabelled_links_under_the_body_are_not_taken() -> None:
    # Short lines without labels between the body and a list heading: links, not details.
    dump = "\n".join([
        "Home", "News", "Ramp contest on the lake", "By Jane Carter", "3 August 2024", "",
        EVENT[0], "", EVENT[1], "",
        "Press release",
        "Volunteers are the heroes of the everyday",
        "Opening speech of the minister",
        "Review of last year's forum",
        "",
        "Related articles",
        "Rail battle tour in the city",
    ])
    art = extract_text_page(dump)
    assert art.text.endswith(EVENT[1])


PHOTO = (
    "Not in the dust this time, but with bright star spikes and deep blue nebulae around the cluster, "
    "taken from a hill far from the city lights."
)


def test_photo_details_become_a_list_in_the_body() -> None:
    dump = "\n".join([
        "Home", "Pictures", "The Pleiades", "17 September 2024 Jane Carter", "",
        PHOTO, "",
        "Details",
        "Category: First attempts",
        "Optics: Telephoto lens",
        "Focal length in mm: 180",
        "Camera: Canon 60D",
        "Place: Hill in the north",
        "Back",
        "Next",
        "Leave a comment",
        "Your email address will not be published.",
    ])
    art = extract_text_page(dump)
    lists = [b for b in art.body if b.kind == "list"]
    assert lists, art.body
    items = [item[0].text for item in lists[0].items]
    assert items[0] == "Category: First attempts"
    assert "Place: Hill in the north" in items
    assert "Back" not in art.text


def test_an_address_with_few_labels_under_the_body_is_not_taken() -> None:
    # The club's address and bank details, less than most of them labelled: the site's
    # own box, not details of the story.
    dump = "\n".join([
        "Home", "News", "No fireworks this year, please", "By Jane Carter", "3 August 2024", "",
        EVENT[0], "", EVENT[1], "",
        "Animal Welfare Club of the City",
        "Animal Shelter",
        "Father's Way 39",
        "12345 City",
        "Phone 030 76 888 0",
        "Bank account:",
        "Bank for Social Economy",
        "Account 103 79 00",
        "IBAN: DE68 1002 0500 0001 0379 00",
        "BIC: BFSWDE33BER",
        "Related articles",
        "Rail battle tour in the city",
    ])
    art = extract_text_page(dump)
    assert art.text.endswith(EVENT[1])


TOOLS = [
    "Tubeless valve", "Rim tape", "Sealant bottle", "Tyre levers", "Valve core remover", "Floor pump",
    "Syringe", "Clean rag", "Soapy water", "Spare valve", "Track pump", "Work stand",
]
REPAIR = (
    "Most modern mountain bike tyres are ready for tubeless use, and the makers mark them on the sidewall so "
    "that you can tell them apart from the others."
)
FIT = [
    "Fitting only works well with a compressor or a pressure tank, since the tyre has to jump into its seat "
    "in one go before the air escapes again.",
    "If the tyre does not seat at the first try, wet the edges with soapy water and pump again, holding the "
    "wheel upright and turning it slowly.",
]


def test_a_long_list_announced_by_a_colon_does_not_split_the_body() -> None:
    # Twelve short items would outweigh the paragraph above them; announced by a
    # colon, they are part of the text, and the body runs on past them.
    dump = "\n".join([
        "Home", "Workshop", "Fitting tubeless tyres", "By Jane Carter", "27 February 2024", "",
        REPAIR, "",
        "For the conversion you need:",
        *TOOLS,
        "", FIT[0], "", FIT[1], "",
        "Comments",
    ])
    art = extract_text_page(dump)
    assert art.text.startswith(REPAIR)
    assert art.text.endswith(FIT[1])
    assert "Work stand" in art.text


FIGURES = {
    "Basic turn": "She turns under his right arm.",
    "Hand change": "He takes her other hand now.",
    "Behind the back": "He leads her behind his back.",
    "Little basket": "Both hands stay low and crossed.",
    "Switch partners": "Everyone moves on to the next.",
}


def test_headings_listed_in_a_table_of_contents_do_not_break_the_body() -> None:
    # Each heading comes twice (the contents, then the section): said twice, it would
    # count as menu text and cut the short sections apart.
    dump = "\n".join([
        "Home", "Figures", "Members", "Table of contents",
        *FIGURES,
        *(line for head, text in FIGURES.items() for line in (head, text)),
        "Edit page", "Page source", "Watchers", "Backlinks", "Rename page", "Parent page",
        "Click here to edit the sections of this page one by one, if the page allows it and you are logged in.",
        "Terms of service",
    ])
    art = extract_text_page(dump)
    for text in FIGURES.values():
        assert text in art.text
    assert "Click here" not in art.text


def test_a_menu_repeated_in_the_footer_is_not_a_table_of_contents() -> None:
    from reader.core.text import lines, region
    from reader.core.text.cues import cues

    c = cues()
    menu = ["Basic turn", "Hand change", "Behind the back", "Little basket"]
    toc = lines.split("\n".join(["Contents", *menu, *(x for m in menu for x in (m, "Some text."))]), c, frozenset())
    assert region.toc_headings(toc) == [5, 7, 9, 11]
    footer = lines.split("\n".join([*menu, "Some text.", "More text.", *menu]), c, frozenset())
    assert region.toc_headings(footer) == []


TOUR = [
    "The band will go on the road again next summer for a long tour of the country, with a former singer back on stage.",
    "Tickets go on sale to the public on Friday morning, and members of the fan club can buy them a day before that.",
]
DATES = [
    "June 9 – Palm Beach, FL @ Coral Sky Amphitheatre",
    "June 10 – Tampa, FL @ Credit Union Amphitheatre",
    "June 14 – Alpharetta, GA @ Bank Amphitheatre (formerly Park Amphitheatre)",
    "June 17 – Nashville, TN @ Bridge Arena",
    "June 19 – Charlotte, NC @ Music Pavilion",
    "June 20 – Raleigh, NC @ Music Park at Walnut Creek",
]


def test_a_table_of_rows_under_the_body_is_taken() -> None:
    # Rows of one shape with numbers (tour dates) under a heading close the body;
    # the credit and tags under them stay out.
    dump = "\n".join([
        "Home", "Music", "Band announces a summer tour", "By Jane Carter", "18 November 2024", "",
        TOUR[0], "", TOUR[1], "",
        "Tour Dates", "",
        *DATES,
        "",
        "Additional reporting by John Roe", "",
        "In This Article: tour, band", "",
        "Trending",
        "Ten bands that should reunite next",
    ])
    art = extract_text_page(dump)
    assert DATES[0] in art.text
    assert art.text.endswith(DATES[-1])


def test_headlines_under_the_body_are_not_a_table() -> None:
    # Story titles without numbers are not rows of a table, whatever their punctuation.
    titles = [
        "Band: the long road back to the stage",
        "Singer: why I left and why I came back",
        "Review: the new album track by track",
        "Festival: the acts and what to expect",
        "Interview: the drummer on forty years",
    ]
    dump = "\n".join([
        "Home", "Music", "Band announces a summer tour", "By Jane Carter", "18 November 2024", "",
        TOUR[0], "", TOUR[1], "",
        "Band history", "",
        *titles,
    ])
    art = extract_text_page(dump)
    assert art.text.endswith(TOUR[1])


def test_a_short_body_takes_its_lines_up_to_the_header_and_the_items_under_it() -> None:
    # An agenda: a few lines between the date and the one long line, more under it.
    dump = "\n".join([
        "Home", "Events", "Blog", "April meeting",
        "Published on 11/04/2024 by the organisers", "",
        "Host: Example Company, Harbour Street 29, Hamburg", "",
        "Moderator: Jane Carter", "",
        "Agenda",
        "Two or three short lightning talks (30 mins)",
        "Knowledge and experience exchange (1 hour)",
        "Three stories from the field about what worked in teams and what did not, told by those who were there.",
        "Small groups (30 mins)",
        "Discussion about the next meeting, when and where? (30 mins)",
        "Spread the word",
        "Print", "Twitter", "Facebook",
        "Leave a comment",
    ])
    art = extract_text_page(dump)
    assert art.text.startswith("Host: Example Company")
    assert "Moderator: Jane Carter" in art.text
    # The label over the share buttons stays out.
    assert art.text.endswith("Discussion about the next meeting, when and where? (30 mins)")


def test_a_short_body_does_not_grow_over_menu_lines() -> None:
    # Lines said twice on the page (a menu) between the header and the body stay out.
    dump = "\n".join([
        "Events", "Blog", "Contact",
        "Published on 11/04/2024 by the organisers",
        "Events", "Blog", "Contact", "",
        "Three stories from the field about what worked in teams and what did not, told by those who were there.",
        "",
        "Leave a comment",
    ])
    art = extract_text_page(dump)
    assert art.text.startswith("Three stories")


NEON = [
    "In the summer of 1898 a Scottish chemist found a gas that would give the century its light. He called it neon, "
    "from the Greek word for new, and he saw it glow red in a glass tube in his laboratory in London.",
    "A philosopher has now written a short book on the lamp, which sees in its glow the spirit of a whole age: "
    "loud, bright, restless and always selling something to someone passing by in the street.",
    "In the years before the war the lamps came to Paris, at the very time and place where the new art was born, "
    "and the cafes and theatres of the city were the first to put their names up in coloured light.",
    "Amid this boom an engineer showed his lamps at the motor show of 1910, and within a few years the signs were "
    "in every large city of the world, from the boulevards of Paris to the main streets of small towns.",
    "Later the lamps were phased out for cheaper ones, and many of the old signs were taken down and lost, "
    "while a few were kept by collectors and museums who saw in them a piece of the history of cities.",
]


def test_two_big_halves_of_a_body_are_joined_across_a_box_of_related_stories() -> None:
    # A "Recommended" box of three stories (title, author, date) splits the body: ten
    # lines, more than a small box, but both halves are long paragraphs.
    box = [
        "Recommended",
        "Remembering the city's most famous sign", "Mark Roe", "Jul 17, 2014",
        "An ode to the dead shopping mall", "Tina Moe", "Mar 9, 2018",
        "The twists and turns of making a sign", "Linda Poe", "Aug 23, 2017",
    ]
    dump = "\n".join([
        "Design", "Why neon is the symbol of the century", "Sarah Archer", "1:39 PM ET", "",
        NEON[0], "", NEON[1], "", NEON[2], "",
        *box, "",
        NEON[3], "", NEON[4], "",
        "About the Author",
    ])
    art = extract_text_page(dump)
    assert art.text.startswith(NEON[0])
    assert art.text.endswith(NEON[4])
    assert "Linda Poe" not in art.text


def test_a_line_introducing_a_quote_with_a_comment_word_does_not_split_the_body() -> None:
    # "... replies:" over a quoted paragraph, with no date near it, is text, not the
    # heading of the readers' comments.
    first = [NEON[0], NEON[1], NEON[2], NEON[3]]
    dump = "\n".join([
        "Design", "Why neon is the symbol of the century", "Sarah Archer", "Oct 15, 2015", "",
        *(x for p in first for x in (p, "")),
        "To which she replies:", "",
        NEON[4], "",
        "193 claps",
    ])
    art = extract_text_page(dump)
    assert art.text.endswith(NEON[4])
    assert "To which she replies:" in art.text
