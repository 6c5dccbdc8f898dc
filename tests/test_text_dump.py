"""Plain-text page copies: small dumps written for these tests, in several languages."""

from __future__ import annotations

from datetime import datetime

import pytest

from reader.core.models import Article
from reader.core.text import extract_text_page
from reader.core.text.cues import guess_lang
from reader.core.text.dates import find_date


def _para(*sentences: str) -> str:
    return " ".join(sentences)


EN_BODY = [
    _para(
        "The city council voted on Tuesday to turn the old rail yard into a public park,",
        "ending a debate that has divided the neighbourhood for more than a decade.",
        "Supporters said the plan would give thousands of families a green space within walking distance.",
    ),
    _para(
        "Opponents had argued that the land should be used for housing, which is in short supply,",
        "and that the cost of cleaning the soil would be far higher than the estimates given to the council.",
    ),
    _para(
        "The mayor said the first trees would be planted next spring and that the park should open",
        "to the public within three years, once the work on the old tracks is finished.",
    ),
]

EN_DUMP = "\n".join([
    "Home", "News", "Sport", "Business", "Culture", "Sign in", "Menu",
    "Local",
    "City votes to turn old rail yard into a park",
    "A long fight over the land ends with a vote for trees instead of towers.",
    "By Jane Carter and Tom Reyes",
    "Published March 3, 2024 at 9:15 am",
    "Share", "Facebook Twitter Email",
    "",
    EN_BODY[0],
    "",
    "Advertisement",
    "",
    EN_BODY[1],
    "",
    ">> Read also: How other cities reused their rail yards <<",
    "",
    "What happens next",
    "",
    EN_BODY[2],
    "",
    "Tags",
    "Parks, City council, Housing",
    "Related stories",
    "Council delays the vote on the new bus lanes again play_circle",
    "LOCAL",
    "Council delays the vote on the new bus lanes again",
    "February 20, 2024",
    "Residents plant a hundred trees along the river path",
    "Environment",
    "January 5, 2024",
    "Latest news",
    "Storm warning issued for the whole coast tonight",
    "Weather",
    "March 3, 2024",
    "About us", "Contact", "Privacy Policy",
])


@pytest.fixture(scope="module")
def en() -> Article:
    return extract_text_page(EN_DUMP, "https://example.org/park")


def test_english_title_section_byline_date(en: Article) -> None:
    assert en.title == "City votes to turn old rail yard into a park"
    assert en.section == "Local"
    assert en.byline == "Jane Carter and Tom Reyes"
    assert en.authors == ("Jane Carter", "Tom Reyes")
    assert en.published == datetime(2024, 3, 3, 9, 15)
    assert en.lang == "en"
    assert en.url == "https://example.org/park"


def test_english_body_keeps_paragraphs_and_subheading_only(en: Article) -> None:
    kinds = [b.kind for b in en.body]
    assert kinds == ["paragraph", "paragraph", "heading", "paragraph"]
    assert en.body[2].text == "What happens next"
    assert en.body[2].level == 2
    assert en.text == "\n\n".join([EN_BODY[0], EN_BODY[1], "What happens next", EN_BODY[2]])
    for chrome in ("Advertisement", "Read also", "Facebook", "Storm warning", "Privacy"):
        assert chrome not in en.text


def test_english_lead_tags_and_related(en: Article) -> None:
    assert en.lead == "A long fight over the land ends with a vote for trees instead of towers."
    assert en.tags == ("Parks", "City council", "Housing")
    got = [(r.kind, r.title, r.section, r.published) for r in en.related]
    assert got == [
        ("related", "Council delays the vote on the new bus lanes again", "Local", "2024-02-20"),
        ("related", "Residents plant a hundred trees along the river path", "Environment", "2024-01-05"),
        ("inline", "How other cities reused their rail yards", None, None),
        ("more", "Storm warning issued for the whole coast tonight", "Weather", "2024-03-03"),
    ]
    assert all(r.url is None for r in en.related)
    assert not en.entities and en.reading_minutes == 0


DE_BODY = [
    _para(
        "Die Stadt will den alten Güterbahnhof in einen Park verwandeln, das hat der Gemeinderat",
        "am Dienstag nach einer langen Debatte mit knapper Mehrheit beschlossen.",
    ),
    _para(
        "Kritiker hatten gefordert, auf dem Gelände Wohnungen zu bauen, weil in der Stadt seit",
        "Jahren bezahlbarer Wohnraum fehlt und die Mieten immer weiter steigen.",
    ),
    _para(
        "Die ersten Bäume sollen im kommenden Frühjahr gepflanzt werden, und der Park soll",
        "in drei Jahren für alle Bürgerinnen und Bürger der Stadt geöffnet sein.",
    ),
]

DE_DUMP = "\n".join([
    "Startseite", "Politik", "Wirtschaft", "Kultur", "Anmelden",
    "Stadt",
    "Aus dem Güterbahnhof wird ein Park",
    "Von Anna Schmidt",
    "Veröffentlicht am 12. März 2024, 14:30 Uhr",
    "",
    DE_BODY[0],
    "",
    "Anzeige",
    "",
    DE_BODY[1],
    "",
    "Lesen Sie auch: Wie andere Städte ihre Bahnhöfe umgebaut haben",
    "",
    DE_BODY[2],
    "",
    "Schlagwörter",
    "Stadtplanung · Parks · Wohnen",
    "Mehr zum Thema",
    "Neue Busspuren kommen später als geplant",
    "Verkehr",
    "01.02.2024",
    "Impressum", "Datenschutz",
])


def test_german_dump() -> None:
    art = extract_text_page(DE_DUMP)
    assert art.lang == "de"
    assert art.title == "Aus dem Güterbahnhof wird ein Park"
    assert art.byline == "Anna Schmidt"
    assert art.published == datetime(2024, 3, 12, 14, 30)
    assert art.text == "\n\n".join(DE_BODY)
    assert art.tags == ("Stadtplanung", "Parks", "Wohnen")
    assert [(r.kind, r.title) for r in art.related] == [
        ("related", "Neue Busspuren kommen später als geplant"),
        ("inline", "Wie andere Städte ihre Bahnhöfe umgebaut haben"),
    ]
    assert art.related[0].section == "Verkehr"
    assert art.related[0].published == "2024-02-01"


ES_BODY = [
    _para(
        "El ayuntamiento aprobó el martes convertir la antigua estación de mercancías en un parque,",
        "una decisión que pone fin a un debate que ha dividido a los vecinos durante años.",
    ),
    _para(
        "Los críticos defendían que el terreno se usara para construir viviendas, ya que la ciudad",
        "sufre desde hace tiempo una falta de pisos a precios asequibles para las familias.",
    ),
]


def test_spanish_dump_drops_ads_and_promos() -> None:
    dump = "\n".join([
        "Inicio", "Noticias", "Deportes",
        "La vieja estación será un parque",
        "Por María López",
        "15 de marzo de 2024",
        "",
        ES_BODY[0],
        "",
        "Publicidad",
        "",
        "Lea también: Las ciudades que ya reconvirtieron sus estaciones",
        "",
        ES_BODY[1],
        "",
        "Últimas noticias",
        "La lluvia vuelve este fin de semana a toda la región",
    ])
    art = extract_text_page(dump)
    assert art.lang == "es"
    assert art.title == "La vieja estación será un parque"
    assert art.byline == "María López"
    assert art.published == datetime(2024, 3, 15)
    assert art.text == "\n\n".join(ES_BODY)
    assert [(r.kind, r.title) for r in art.related] == [
        ("inline", "Las ciudades que ya reconvirtieron sus estaciones"),
        ("more", "La lluvia vuelve este fin de semana a toda la región"),
    ]


IT_BODY = [
    _para(
        "Il consiglio comunale ha approvato martedì la trasformazione del vecchio scalo merci in un parco,",
        "mettendo fine a un dibattito che ha diviso il quartiere per più di dieci anni.",
    ),
    _para(
        "Secondo il sindaco i primi alberi saranno piantati nella prossima primavera e il parco",
        "sarà aperto al pubblico entro tre anni, quando saranno finiti i lavori sui binari.",
    ),
]


def test_italian_and_portuguese_promos_and_bylines() -> None:
    it = extract_text_page("\n".join([
        "Cronaca", "Il vecchio scalo diventa un parco", "Di Marco Rossi", "3 aprile 2024",
        "", IT_BODY[0], "", "Leggi anche: Come altre città hanno riusato i loro scali", "",
        IT_BODY[1], "", "Pubblicità",
    ]))
    assert it.lang == "it"
    assert it.byline == "Marco Rossi"
    assert it.published == datetime(2024, 4, 3)
    assert it.text == "\n\n".join(IT_BODY)
    assert [r.title for r in it.related if r.kind == "inline"] == [
        "Come altre città hanno riusato i loro scali"
    ]
    pt_body = [
        _para(
            "A câmara municipal aprovou na terça-feira a transformação da antiga estação de carga",
            "num parque público, pondo fim a um debate que dividiu o bairro durante muitos anos.",
        ),
        _para(
            "Os críticos queriam que o terreno fosse usado para construir casas, porque a cidade",
            "tem falta de habitação a preços acessíveis para as famílias que ali vivem.",
        ),
    ]
    pt = extract_text_page("\n".join([
        "A antiga estação vai ser um parque", "Por João Silva", "Publicado em 5 de maio de 2024",
        "", pt_body[0], "", "Leia também: Outras cidades que mudaram as suas estações", "",
        "Publicidade", "", pt_body[1],
    ]))
    assert pt.lang == "pt"
    assert pt.byline == "João Silva"
    assert pt.published == datetime(2024, 5, 5)
    assert pt.text == "\n\n".join(pt_body)
    assert [r.title for r in pt.related] == ["Outras cidades que mudaram as suas estações"]


def test_caption_with_credit_becomes_a_figure_not_text() -> None:
    body = EN_BODY[0]
    dump = "\n".join([
        "A park for the rail yard",
        "By Jane Carter",
        "The old tracks, seen from the footbridge. © Jane Carter / Example Agency",
        "",
        body,
        "",
        EN_BODY[1],
    ])
    art = extract_text_page(dump)
    figures = [b for b in art.body if b.kind == "figure"]
    assert len(figures) == 1
    assert figures[0].text == "The old tracks, seen from the footbridge."
    assert figures[0].credit == "© Jane Carter / Example Agency"
    assert "footbridge" not in art.text
    assert art.text.startswith(body)


def test_terminal_escapes_are_removed() -> None:
    dump = "\n".join([
        "Evil \x1b[31mred\x1b[0m title for a page",
        "By Jane Carter",
        "",
        EN_BODY[0] + "\x1b]8;;http://x\x07",
        "",
        EN_BODY[1],
    ])
    art = extract_text_page(dump)
    assert art.title == "Evil red title for a page"
    assert "\x1b" not in art.text and "\x07" not in art.text


def test_empty_and_chrome_only_inputs_give_empty_articles() -> None:
    assert extract_text_page("").is_empty
    assert extract_text_page("   \n\n  ").is_empty
    menu = extract_text_page("\n".join(["Home", "News", "Sport", "Contact", "Privacy Policy"]))
    assert menu.text == ""
    assert menu.body == ()


def test_unstructured_dump_without_blank_lines() -> None:
    # Some copies have no blank lines at all: prose lines still make the body.
    dump = "\n".join(["Home", "News", "City votes to turn old rail yard into a park", "By Jane Carter",
                      *EN_BODY, "Related stories", "Council delays the vote on the new bus lanes again"])
    art = extract_text_page(dump)
    assert art.text == "\n\n".join(EN_BODY)
    assert [r.title for r in art.related] == ["Council delays the vote on the new bus lanes again"]


@pytest.mark.parametrize(
    ("line", "month_first", "expected"),
    [
        ("Publié le 23 novembre 2024 à 10:31", False, datetime(2024, 11, 23, 10, 31)),
        ("Nov. 19, 2019", True, datetime(2019, 11, 19)),
        ("November 19th, 2019 5:50 PM", True, datetime(2019, 11, 19, 17, 50)),
        ("19.10.2019, 05:00 Uhr", False, datetime(2019, 10, 19, 5, 0)),
        ("3/4/2024", True, datetime(2024, 3, 4)),
        ("3/4/2024", False, datetime(2024, 4, 3)),
        ("25/12/2023", True, datetime(2023, 12, 25)),
        ("2024-02-29T08:05:00Z", False, datetime(2024, 2, 29, 8, 5)),
        ("15 de marzo de 2024", False, datetime(2024, 3, 15)),
        ("12. März 2024", False, datetime(2024, 3, 12)),
    ],
)
def test_find_date(line: str, month_first: bool, expected: datetime) -> None:
    found = find_date(line, month_first=month_first)
    assert found is not None
    assert found.when == expected


def test_find_date_rejects_impossible_and_missing_dates() -> None:
    assert find_date("31/02/2024") is None
    assert find_date("No date in this line") is None
    assert find_date("Room 12, floor 3") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (EN_BODY[0], "en"),
        (DE_BODY[0], "de"),
        (ES_BODY[0], "es"),
        (IT_BODY[0], "it"),
        ("Le conseil a voté mardi la transformation de la gare en un parc pour les habitants.", "fr"),
        ("12 345", None),
    ],
)
def test_guess_lang(text: str, lang: str | None) -> None:
    assert guess_lang(text) == lang
