"""A hostile corpus written for Broadsheet: escape sequences, controls and markup tricks.

Each trick is planted in a title, a paragraph, a link text, a link URL, an image
alt, a plain-text dump and a bookmarks import file. Tests assert that none of
the bytes survive and that the text around them (and markup, shown literally)
does.
"""

from __future__ import annotations

import html

ESC = "\x1b"

#: name -> hostile string. Each is embedded between visible words.
TRICKS: dict[str, str] = {
    "csi_clear": f"{ESC}[2J{ESC}[H",
    "csi_colour": f"{ESC}[31;1m",
    "osc_title": f"{ESC}]0;pwned{ESC}\\",
    "osc_title_bel": f"{ESC}]2;pwned\x07",
    "osc8_link": f"{ESC}]8;;https://evil.example/{ESC}\\click{ESC}]8;;{ESC}\\",
    "osc52_clipboard": f"{ESC}]52;c;cm0gLXJmIH4={ESC}\\",
    "dcs": f"{ESC}Pq#0;2;0;0;0#1;2;100;100;0{ESC}\\",
    "c1_csi": "\x9b2J",
    "c1_osc": "\x9d0;pwned\x9c",
    "c0_bell_backspace": "\x07\x08\x08\x08",
    "nul": "\x00",
    "bidi_override": "\u202egnp.exe\u202c",
    "bidi_isolate": "\u2066hidden\u2069",
    "zero_width": "a\u200bb\u200dc\ufeff",
}

#: Markup that must be shown literally, never interpreted.
MARKUP = {
    "rich_style": "[bold red]styled[/bold red]",
    "textual_action": "[@click=app.quit]quit-link[/]",
    "link_markup": "[link=https://markup.example]fake[/link]",
}

#: What must survive around each trick.
BEFORE, AFTER = "Alpha", "Omega"


def planted(trick: str) -> str:
    """Visible words around one hostile string."""
    return f"{BEFORE} {trick} {AFTER}"


def _attr(value: str) -> str:
    # Control characters are kept verbatim in attributes: the parser must cope.
    return html.escape(value, quote=True)


def hostile_page() -> str:
    """One HTML page with every trick in each place a page can carry text."""
    tricks = list(TRICKS.values()) + list(MARKUP.values())
    body = []
    for i, trick in enumerate(tricks):
        body.append(
            f"<p>Paragraph {i} says {planted(html.escape(trick))} and goes on long enough to be "
            f"article text, with <a href=\"https://news.example/story-{i}/{_attr(trick)}\">"
            f"link {i} {html.escape(trick)} text</a> inside it for the reader to follow.</p>"
        )
        body.append(f'<figure><img src="/p{i}.jpg" alt="{_attr(planted(trick))}"><figcaption>Caption {i} '
                    f"{html.escape(trick)}</figcaption></figure>")
    title = html.escape(planted("".join(tricks)))
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><meta property=\"og:title\" content=\"{_attr(planted(''.join(tricks)))}\">"
        "</head><body><article><h1>" + title + "</h1>"
        "<p class=\"byline\">By Ada Vance</p>" + "\n".join(body) + "</article></body></html>"
    )


def hostile_dump() -> str:
    """A plain-text page copy carrying every trick."""
    lines = ["World", planted("".join(TRICKS.values())) + " " + MARKUP["textual_action"],
             "By Ada Vance", ""]
    for i, trick in enumerate([*TRICKS.values(), *MARKUP.values()]):
        lines.append(f"Paragraph {i} is plain prose that says {planted(trick)} and carries on with "
                     "enough ordinary words to count as part of the article body for the cleaner.")
        lines.append("")
    return "\n".join(lines)


def hostile_pocket_csv() -> str:
    """A Pocket export with hostile titles and URLs."""
    rows = ["title,url,time_added,tags,status"]
    for i, trick in enumerate([*TRICKS.values(), *MARKUP.values()]):
        title = planted(trick).replace('"', '""')
        rows.append(f'"{title}","https://news.example/{i}/{trick}",1767225600,news,unread')
    return "\n".join(rows) + "\n"


def assert_clean(text: str) -> None:
    """No ESC, C0 (but newline/tab) or C1 control, no bidi override in ``text``."""
    bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F
           or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    assert not bad, f"control characters left: {sorted({hex(ord(c)) for c in bad})}"
