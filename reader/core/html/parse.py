"""Parses HTML once into an lxml tree, whatever state the markup is in."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
# lxml.html picks each element's class (form, input, label...) in Python, once for every
# element the code touches; nothing here uses those classes, so one class for all,
# chosen in C, saves that call (some 5% of an extraction).
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
# lxml refuses these code points in text; pages contain them anyway.
_BAD_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same, one by one: a plain search per character is several times faster than the
# class above over a whole page, and pages almost never hold any of them.
_BAD_XML_LIST = tuple(chr(c) for c in (*range(0x9), 0xB, 0xC, *range(0xE, 0x20), 0xFFFE, 0xFFFF))


_POPUP_WORDS = ("rollover", "tooltip", "popover", "hovercard", "hover-card")
#: Hover cards and tooltips nested in paragraphs: hidden until pointed at, never article text.
_POPUPS = etree.XPath("//p//*[" + " or ".join(f"contains(@class, '{w}')" for w in _POPUP_WORDS) + "]")


def drop_popups(root: Any) -> None:
    """Remove hover cards and tooltips from paragraphs, keeping the text that follows them."""
    for el in _POPUPS(root):
        if el.getparent() is not None and (el.text_content() or "").strip():
            el.drop_tree()


def parse_html(html: str) -> Any | None:
    """The document's root element, or None when there is nothing to parse."""
    html = _XML_DECL.sub("", html, count=1)
    if any(c in html for c in _BAD_XML_LIST):
        html = _BAD_XML_CHARS.sub("", html)
    if not html.strip():
        return None
    try:
        root = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        try:
            root = lxml.html.fragment_fromstring(html, create_parent="div", parser=_PARSER)
        except (etree.ParserError, ValueError):
            return None
    drop_popups(root)
    return root
