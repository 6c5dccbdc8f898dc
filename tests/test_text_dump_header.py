"""Text dumps: title, lead and captions above the body (fixtures written for these tests)."""

from __future__ import annotations

from reader.core.text import extract_text_page

BODY = [
    "The new lighthouse on the northern cape was switched on last night after three years of building work.",
    "Its lamp can be seen from forty kilometres away, and the keepers say that the old tower will become a museum.",
    "The lighthouse was paid for by the harbour board and by a collection among the fishing families of the cape.",
]


def _paras(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += [line, ""]
    return out


def test_title_far_above_the_body_is_found_by_the_words_it_shares_with_it() -> None:
    chrome = ["Score 87", "Key facts", "Height 40 m", "Range 40 km", "Built 2024", "Buy tickets now"]
    dump = "\n".join([
        "Home", "Coast",
        "New lighthouse switched on at the northern cape",
        "By Jane Carter",
        "4 March 2024",
        "Share", "Tweet", "Save",
        *chrome,
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "New lighthouse switched on at the northern cape"


def test_title_before_its_subtitle() -> None:
    dump = "\n".join([
        "Jane Carter", "About", "4 March 2024", "Coast",
        "New lighthouse switched on at the northern cape",
        "Keepers plan a museum in the old tower",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "New lighthouse switched on at the northern cape"


def test_a_line_ending_with_a_bracketed_credit_is_a_caption_not_the_lead() -> None:
    caption = "The new lamp, seen from the harbour wall on Monday evening, March 4, 2024. (Jane Carter/Example Agency)"
    dump = "\n".join([
        "New lighthouse switched on at the northern cape",
        "",
        caption,
        "",
        "By Jane Carter",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.lead is None
    assert "seen from the harbour wall" not in art.text
    figures = [b for b in art.body if b.kind == "figure"]
    assert figures and figures[0].credit == "Jane Carter/Example Agency"


def test_lead_is_not_taken_from_a_list_of_story_titles() -> None:
    dump = "\n".join([
        "New lighthouse switched on at the northern cape",
        "Watch more",
        "Ferry timetable changes for the winter season",
        "Keeper: 'I have waited thirty years for this night'",
        "Ten walks along the cliffs of the northern cape",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.lead is None
    assert art.title == "New lighthouse switched on at the northern cape"


def test_standfirst_without_a_full_stop_under_the_title_is_the_lead() -> None:
    standfirst = "After three years of building work the new lamp on the cape can be seen from forty kilometres away"
    dump = "\n".join([
        "Coast",
        "New lighthouse switched on at the northern cape",
        "4 March 2024",
        standfirst,
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "New lighthouse switched on at the northern cape"
    assert art.lead == standfirst
    assert art.text.startswith(BODY[0])


def test_breadcrumbs_glued_to_the_title_are_not_the_title() -> None:
    dump = "\n".join([
        "HomeCoastNew lighthouse switched on at the northern cape",
        "New lighthouse switched on at the northern cape",
        "4 March 2024",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "New lighthouse switched on at the northern cape"


def test_an_advertising_disclosure_is_not_the_lead() -> None:
    dump = "\n".join([
        "New lighthouse switched on at the northern cape",
        "By Jane Carter",
        "This post contains references to products from one or more of our advertisers.",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.lead is None
    assert "advertisers" not in art.text


def test_a_long_sentence_under_the_headline_is_the_lead_not_the_title() -> None:
    standfirst = "After three years of building work, the new lamp on the cape can now be seen from forty kilometres away."
    dump = "\n".join([
        "Coast",
        "A light for the cape",
        standfirst,
        "Jane Carter",
        "4 March 2024",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "A light for the cape"
    assert art.lead == standfirst


def test_a_teaser_for_another_story_inside_the_body_does_not_make_its_headline_the_title() -> None:
    teaser = "Weekend offers: garden chairs, reading lamps, wool blankets and more"
    dump = "\n".join([
        "Coast News",
        "New lighthouse switched on at the northern cape",
        "More from the coast",
        "Ferry timetable changes for the winter season",
        "Harbour festival returns in June",
        "Deals of the week",
        teaser,
        "Buy now",
        "",
        *_paras(BODY[:2]),
        teaser[:48] + "...",
        "",
        *_paras(BODY[2:]),
    ])
    art = extract_text_page(dump)
    assert art.title == "New lighthouse switched on at the northern cape"


def test_a_post_written_as_a_bulleted_list_is_the_body_whole_and_its_heading_the_title() -> None:
    items = [f"+ Added {thing}" for thing in (
        "night mode to the lighthouse lamp controller", "a second fog horn", "a visitor counter at the gate",
        "solar panels on the keeper's house", "a webcam facing the harbour", "signs in three languages",
    )]
    fixes = [
        "* The lighthouse lamp now turns at the speed the harbour board asked for after the storms of last winter.",
        "* The stairs were repainted after many complaints from visitors about the flaking paint in the autumn.",
        "- Removed the old diesel generator",
    ]
    dump = "\n".join([
        "Lighthouse Log", "Powered by Example Blog",
        "Lighthouse 2.0 - The Winter Update", "",
        *items, *fixes, "",
        "Newer", "Older", "Contact us",
    ])
    art = extract_text_page(dump)
    assert art.title == "Lighthouse 2.0 - The Winter Update"
    assert items[0] in art.text and fixes[-1] in art.text


def test_hashtags_between_title_and_body_are_not_the_title() -> None:
    dump = "\n".join([
        "Coast",
        "A light for the cape",
        "By Jane Carter",
        "4 March 2024",
        "Share",
        "#Lighthouse", "#Harbour", "#Northern-cape-lighthouse-keepers-museum",
        "Advertisement",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "A light for the cape"


def test_links_to_the_previous_and_next_post_are_not_the_title_the_line_over_a_long_dateline_is() -> None:
    dump = "\n".join([
        "Keeper's notebook",
        "← The new lighthouse lamp of the northern cape (4)",
        "Winter storms →",
        "Lighthouse (3)",
        "Published: 4 March 2024 | Author: jane | Filed under: Lamps, Harbour, Cape | Tags: light, night, sea",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "Lighthouse (3)"


def test_program_warnings_printed_above_the_body_are_not_the_title() -> None:
    warning = (
        "Warning: Non-static method Gallery::lamp_image() should not be called statically"
        " in /var/www/site/plugins/gallery/lamp.php on line 97"
    )
    dump = "\n".join([
        "Keeper's notebook",
        *[warning] * 3,
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title != warning


def test_a_kicker_glued_to_its_headline_with_a_spaced_colon_loses_the_space_outside_french() -> None:
    dump = "\n".join([
        "Coast",
        "Northern cape : New lighthouse switched on after three years",
        "By Jane Carter",
        "",
        *_paras(BODY),
    ])
    assert extract_text_page(dump).title == "Northern cape: New lighthouse switched on after three years"
    french = [
        "Le nouveau phare du cap nord a été allumé hier soir après trois années de travaux sur la falaise.",
        "Sa lampe se voit à quarante kilomètres, et les gardiens disent que la vieille tour deviendra un musée.",
        "Le phare a été payé par le port et par une collecte parmi les familles de pêcheurs du cap.",
    ]
    dump = "\n".join([
        "Côte",
        "Cap nord : le nouveau phare est allumé",
        "Par Jeanne Martin",
        "",
        *_paras(french),
    ])
    assert extract_text_page(dump).title == "Cap nord : le nouveau phare est allumé"


def test_rows_of_a_fact_box_are_not_the_title() -> None:
    dump = "\n".join([
        "Keeper's notebook",
        "[Visit] The new lighthouse",
        "Height: 40 m",
        "Builder: Harbour board",
        "Opened: 4 March 2024",
        "Lamp: Northern cape lighthouse lamp",
        "Keepers: two families of the cape",
        "Museum: the old tower",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "[Visit] The new lighthouse"


def test_a_kicker_and_headline_repeated_with_breadcrumbs_glued_on_is_no_fact_box() -> None:
    dump = "\n".join([
        "Home", "Coast",
        "HomeCOASTBREAKING NEWS: New lighthouse switched on at the northern cape",
        "BREAKING NEWS: New lighthouse switched on at the northern cape",
        "4 March 2024",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "BREAKING NEWS: New lighthouse switched on at the northern cape"


def test_a_title_under_a_photo_caption_at_the_top_of_the_body_is_found() -> None:
    dump = "\n".join([
        "Home", "Coast", "Weather", "Sport", "Culture", "Contact",
        "",
        "The lamp room of the old tower, seen from the cliff path during the winter storms of last year, when"
        " the keepers still climbed the hundred steps twice every night to wind the clockwork. © Jane Carter",
        "",
        "Northern cape: the new light",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "Northern cape: the new light"
    assert not art.text.startswith("Northern cape")


def test_a_title_ending_with_an_exclamation_mark_under_breadcrumbs_is_found() -> None:
    title = "The lighthouse on the northern cape shines again after three long years!"
    dump = "\n".join([
        "Home", "Coast", "Weather", "Sport", "Culture", "Contact",
        "",
        f"Example News > Coast > Lighthouses > {title}",
        "",
        "Photo: Jane Carter",
        title,
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == title


def test_a_list_of_categories_over_the_date_is_not_the_title() -> None:
    for categories in ("Lamps, news", "Coast, Lighthouses, Harbour"):
        dump = "\n".join([
            "Keeper's notebook", "Menu",
            categories,
            "Published on 4 March 2024",
            "The lighthouse lamp is back…",
            "by the keepers",
            "",
            "…and the cape can see it from forty kilometres away again.",
            "",
            *_paras(BODY),
        ])
        assert extract_text_page(dump).title == "The lighthouse lamp is back…", categories


def test_a_name_and_what_it_is_parted_by_a_comma_may_be_the_title() -> None:
    dump = "\n".join([
        "Sky notebook", "Menu",
        "Pleiades, M45",
        "",
        *_paras(BODY),
    ])
    assert extract_text_page(dump).title == "Pleiades, M45"


def test_the_line_that_ends_the_breadcrumbs_is_the_title_rather_than_the_standfirst() -> None:
    title = "A light again on the cape"
    dump = "\n".join([
        "Home", "Coast",
        "",
        f"Home » News » {title}",
        "Published: 4 March 2024",
        title,
        "Visitors may climb the old tower of the cape before it becomes a museum",
        "",
        *_paras(BODY),
    ])
    assert extract_text_page(dump).title == title


def test_a_kicker_glued_before_the_headline_is_cut_off_where_the_breadcrumbs_end() -> None:
    title = "Lighthouse lamp: the northern cape sees forty kilometres again!"
    dump = "\n".join([
        "Home", "Coast",
        "",
        f"Home / Coast / Lighthouses / {title}",
        "Coast - 4 March 2024",
        f"Harbour and sea {title}",
        "Related topics:",
        "Harbour life and coast",
        "",
        *_paras(BODY),
    ])
    assert extract_text_page(dump).title == title


def test_a_headline_written_after_its_date_is_the_title_without_the_date() -> None:
    dump = "\n".join([
        "Home", "Coast",
        "HomeNews & more24.03.2024 - New lamp on the northern cape",
        "24.03.2024 - New lamp on the northern cape",
        "Visitors may climb the old tower of the cape before it becomes a museum",
        "Share with friends",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == "New lamp on the northern cape"
    assert art.published is not None and art.published.day == 24 and art.published.month == 3


def test_a_thank_you_message_of_a_sign_up_box_is_not_the_title() -> None:
    dump = "\n".join([
        "Home", "Coast", "Contact",
        "A light for the cape",
        "Jane Carter",
        "Share",
        "Thanks for subscribing to news of the lighthouse keepers on the northern cape",
        "",
        *_paras(BODY),
    ])
    assert extract_text_page(dump).title == "A light for the cape"


def test_a_kicker_ending_with_a_colon_on_the_line_above_the_headline_is_part_of_the_title() -> None:
    dump = "\n".join([
        "Home", "Coast", "Contact",
        "On the northern cape:",
        "The new lighthouse lamp is lit",
        "By Jane Carter",
        "",
        *_paras(BODY),
    ])
    assert extract_text_page(dump).title == "On the northern cape: The new lighthouse lamp is lit"
    labelled = dump.replace("On the northern cape:", "Related topics:")
    assert extract_text_page(labelled).title == "The new lighthouse lamp is lit"


def test_a_first_line_with_a_full_stop_over_the_date_line_is_the_title() -> None:
    title = "New Lamp Lit on Northern Cape after Three Years of Work."
    dump = "\n".join([
        "Home", "Coast", "Weather", "Sport",
        "",
        title,
        "",
        "Written: 2024-03-04 15:03:30 / Updated: 2024-03-04 15:30:46",
        "Share", "Print",
        "",
        *_paras(BODY),
    ])
    art = extract_text_page(dump)
    assert art.title == title
    assert not art.text.startswith("New Lamp")


def test_a_headline_in_quotes_over_the_date_line_is_the_title() -> None:
    title = "»Keep the lighthouse of the cape lit!«"
    dump = "\n".join([
        "Home", "Coast", "Weather",
        title,
        "Posted by Jane Carter on 4 March 2024",
        "And now for the cape:",
        title,
        "The poster contest for children",
        "",
        *_paras(BODY),
    ])
    assert extract_text_page(dump).title == title


FRENCH = [
    "Le nouveau phare du cap nord a été allumé hier soir après trois années de travaux sur la falaise.",
    "Sa lampe se voit à quarante kilomètres, et les gardiens disent que la vieille tour deviendra un musée.",
    "Le phare a été payé par le port et par une collecte parmi les familles de pêcheurs du cap.",
]


def test_a_headline_in_french_guillemets_is_no_link_to_the_next_post() -> None:
    title = "« Le phare du cap nord brille à nouveau »"
    dump = "\n".join([
        "Accueil", "Côte",
        "« Article précédent",
        title,
        "Publié le 4 mars 2024",
        "",
        *_paras(FRENCH),
        "Article suivant »",
    ])
    assert extract_text_page(dump).title == title


def test_a_headline_naming_a_function_call_is_no_program_output() -> None:
    title = "How the lighthouse lamp() routine switched the cape light on"
    dump = "\n".join(["Home", "Coast", title, "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title == title


def test_a_kicker_and_headline_over_a_labelled_date_is_no_fact_box() -> None:
    title = "Northern cape: a new light for the lighthouse"
    dump = "\n".join(["Home", "Coast", title, "Updated: 4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title == title


def test_a_headline_written_like_a_name_is_the_title_when_the_body_speaks_of_it() -> None:
    dump = "\n".join(["Home", "News", "Contact", "Lighthouse Museum", "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title == "Lighthouse Museum"


def test_an_author_name_the_body_never_mentions_is_no_title() -> None:
    dump = "\n".join(["Home", "News", "Contact", "Jane Carter", "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title != "Jane Carter"


def test_a_name_shaped_kicker_over_its_headline_is_not_the_title() -> None:
    title = "Keepers hand the old tower over to the harbour board"
    dump = "\n".join(["Home", "News", "Lighthouse Museum", title, "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title == title


def test_a_short_headline_over_its_standfirst_is_the_title() -> None:
    standfirst = "The keepers of the new lighthouse on the northern cape say that its lamp is seen from forty kilometres away"
    dump = "\n".join(["Home", "News", "Contact", "Cape light", "4 March 2024", standfirst, "", *_paras(BODY)])
    assert extract_text_page(dump).title == "Cape light"


def test_a_long_headline_under_a_kicker_stays_the_title() -> None:
    title = "The new lighthouse on the northern cape is switched on after three years of work"
    dump = "\n".join(["Home", "News", "Old tower museum", title, "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title == title


def test_a_one_word_exclamation_over_the_body_is_the_title() -> None:
    dump = "\n".join(["Home", "Contact", "Imprint", "Welcome!", "", *_paras(BODY)])
    assert extract_text_page(dump).title == "Welcome!"


def test_a_one_word_menu_entry_over_the_body_is_no_title() -> None:
    dump = "\n".join(["Home", "Contact", "Imprint", "Welcome", "", *_paras(BODY)])
    assert extract_text_page(dump).title != "Welcome"


MORE = [
    "The first lamp of the cape burned whale oil, and a keeper climbed the stairs every hour of the night to trim it.",
    "A new lens from a glass works in the south now throws the light of a small electric lamp across the whole bay.",
    "The harbour board raised most of the money, and the fishing families gave what they could spare after the season.",
    "A grant from the coast guard paid for the new stairs, the roof of the tower and the small museum at its foot.",
]


def test_the_entries_of_a_table_of_contents_over_the_body_are_not_the_title() -> None:
    title = "A new light for the fishing families of the northern cape"
    heads = ["Why the lighthouse lamp is seen so far away", "Who paid for the new lighthouse tower"]
    dump = "\n".join([
        "Home", "News", title, "By Jane Carter", "4 March 2024", "Contents", *heads, "",
        *_paras(BODY), heads[0], "", *_paras(MORE[:2]), heads[1], "", *_paras(MORE[2:]),
    ])
    assert extract_text_page(dump).title == title


def test_a_headline_opening_with_a_brand_in_small_letters_is_the_title() -> None:
    title = "eBay buyers bid for the old lamp of the northern lighthouse"
    dump = "\n".join(["Home", "News", title, "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title == title


def test_a_line_carrying_on_a_sentence_in_small_letters_is_no_title() -> None:
    dump = "\n".join(["Home", "News", "and the keepers of the northern lighthouse", "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title != "and the keepers of the northern lighthouse"


def test_the_title_is_above_a_table_of_contents_headed_contents() -> None:
    title = "Harbour board opens the cape tower"
    heads = ["Why the lighthouse lamp is seen so far away", "The keepers of the new lighthouse on the northern cape answer questions"]
    dump = "\n".join([
        "Home", "News", title, "By Jane Carter", "4 March 2024", "Contents", *heads, "",
        *_paras(BODY), heads[0], "", *_paras(MORE),
    ])
    assert extract_text_page(dump).title == title


def test_a_contents_line_whose_entries_head_no_section_is_no_table_of_contents() -> None:
    title = "Why the lighthouse lamp is seen so far away"
    dump = "\n".join(["Home", "Contents", "News", title, "4 March 2024", "", *_paras(BODY)])
    assert extract_text_page(dump).title == title
