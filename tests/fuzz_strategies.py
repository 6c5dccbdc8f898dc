"""Hypothesis strategies for random pages: HTML built from random trees, random text, random bytes."""

from __future__ import annotations

import html

from hypothesis import strategies as st

TAGS = ("div", "p", "span", "a", "article", "section", "h1", "h2", "h3", "ul", "ol", "li",
        "blockquote", "figure", "figcaption", "img", "table", "tr", "td", "th", "pre", "code",
        "em", "strong", "b", "i", "br", "nav", "footer", "header", "main", "aside", "script",
        "style", "title", "meta", "time", "sup", "font", "center")
ATTRS = ("class", "id", "href", "src", "alt", "title", "lang", "datetime", "content", "property",
         "itemprop", "rel", "style", "charset")

#: Text with the characters that break things: controls, escapes, bidi, markup, entities.
nasty_text = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b", "\x9b", "\x00", "\x07", "[", "]", "@click=app.quit", "&amp;",
                         "&#0;", "<", ">", "\u202e", "\u200b", "\r", "\n", "\t", "東京", "🚲",
                         "[bold]", "©", "\x1b]8;;http://x\x1b\\"]),
    ),
    max_size=40,
).map("".join)
words = st.lists(st.sampled_from(
    ["the", "council", "said", "on", "Tuesday", "that", "Port", "Alder", "ferries", "would",
     "run", "late", "Maren", "Holt", "reported", "la", "ville", "und", "der", "Stadtrat"]),
    min_size=0, max_size=40).map(" ".join)
text = st.one_of(words, nasty_text)


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> str:
    """One random element with random attributes and children."""
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(st.dictionaries(st.sampled_from(ATTRS), text, max_size=3))
    attr_text = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    if depth > 4:
        children = [html.escape(draw(text))]
    else:
        children = draw(st.lists(st.one_of(text.map(html.escape), element(depth + 1)), max_size=5))
    closed = draw(st.booleans()) or depth == 0
    return f"<{tag}{attr_text}>" + "".join(children) + (f"</{tag}>" if closed else "")


@st.composite
def page(draw: st.DrawFn) -> str:
    """A whole random page, sometimes with a doctype and head."""
    head = draw(st.sampled_from(["", "<!DOCTYPE html>", "<?xml version='1.0'?>"]))
    body = "".join(draw(st.lists(element(), min_size=1, max_size=6)))
    return f"{head}<html><head><title>{html.escape(draw(text))}</title></head><body>{body}</body></html>"


def encoded(page_text: str, codec: str) -> bytes:
    """A page encoded, replacing what the codec cannot carry."""
    return page_text.encode(codec, errors="replace")
