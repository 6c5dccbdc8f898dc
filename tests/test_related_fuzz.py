"""Related links never fail on arbitrary markup, and what they return is always clean."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.html.parse import parse_html
from reader.core.html.related import find_related
from reader.core.models import Block, Span
from reader.core.sanitize import clean_text, clean_url

_TAGS = st.sampled_from(["div", "p", "ul", "li", "h2", "h3", "section", "aside", "nav", "span", "a"])
_HREFS = st.sampled_from([
    "/", "#x", "javascript:alert(1)", "http://[::1", "//x", "../../a-b-c-d-e", "?id=12345",
    "https://other.example/2026/01/02/a-long-story-slug", "file:///etc/passwd", "mailto:x@y",
    "https://example.com/tag/x", "https://example.com/%zz/a-b-c-d-e", "\x1b[31mhttp://x/a-b-c-d-e",
])
_TEXT = st.text(min_size=0, max_size=40)
_CLASSES = st.sampled_from(["", "related", "outbrain", "share", "nav", "title", "more-on", "ad"])


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        tag = draw(_TAGS)
        attrs = f' class="{draw(_CLASSES)}"'
        if tag == "a":
            attrs += f' href="{draw(_HREFS)}"'
        inner = draw(_markup(depth + 1)) if depth < 3 else ""
        text = draw(_TEXT).replace("<", " ").replace("&", " ")
        parts.append(f"<{tag}{attrs}>{text}{inner}</{tag}>")
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(_markup(), _TEXT, st.sampled_from([None, "https://example.com/news/2026/01/01/page-slug", "file:///l/p.html"]))
def test_never_fails_and_returns_clean_values(markup: str, body_text: str, url: str | None) -> None:
    root = parse_html(f"<html><body>{markup}<p>{body_text}</p></body></html>")
    body = (Block("paragraph", (Span(body_text, href="https://x.example/2026/01/01/body-link-story"),)),)
    for item in find_related(root, url, body, promos=body):
        assert item.kind in ("related", "inline", "more")
        assert item.title and item.title == clean_text(item.title)
        assert item.url is not None and item.url == clean_url(item.url)
        assert item.url.startswith(("http://", "https://", "file:///"))
        assert not item.url.startswith("file:") or (url or "").startswith("file:")
        assert url != item.url
