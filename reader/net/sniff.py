"""Which responses are pages: media-type rules, plus sniffing when the server is vague."""

from __future__ import annotations

import codecs
import re

from reader.core.decode import sniff_binary

#: Media types Broadsheet reads.
ACCEPTED: frozenset[str] = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
#: Media types that say nothing about the bytes: decide by looking at them.
VAGUE: frozenset[str] = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "application/unknown", "unknown/unknown"}
)

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# The WHATWG "text/html" sniffing patterns: a tag name followed by a space or ">".
_HTML_START = re.compile(
    rb"""^\s*(?:<!doctype\s+html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a
    |<style|<title|<b|<body|<br|<p|<!--|<meta|<link|<section|<article|<main|<header)[\s>]""",
    re.IGNORECASE | re.VERBOSE,
)
_XML_PROLOG_HTML = re.compile(rb"^\s*<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+)?html", re.I | re.S)


def media_type(header: str | None) -> str:
    """The bare media type of a Content-Type header, lower-cased ("" when absent)."""
    if not header:
        return ""
    return header.split(";", 1)[0].strip().lower()


def charset_of(header: str | None) -> str | None:
    """The charset label of a Content-Type header, lower-cased, when Python knows it.

    The label is kept as declared (not turned into a codec name) so the decoder
    can apply the WHATWG meaning of labels such as iso-8859-1.
    """
    if not header:
        return None
    for param in header.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            label = value.strip().strip("\"'").strip().lower()
            try:
                return label if label and codecs.lookup(label) else None
            except LookupError:
                return None
    return None


def is_page_type(mtype: str) -> bool:
    """True for a media type Broadsheet reads (HTML, XHTML, plain text)."""
    return mtype in ACCEPTED


def rejects_early(mtype: str) -> bool:
    """True when the declared type alone shows the body is not a page (no need to download it)."""
    return mtype not in ACCEPTED and mtype not in VAGUE


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a body look like: text/html, text/plain or None (binary)."""
    if sniff_binary(head) and not head.startswith(_BOMS):
        return None
    probe = head
    for bom in _BOMS:
        if probe.startswith(bom):
            codec = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le"}.get(bom, "utf-16-be")
            probe = probe[len(bom):].decode(codec, "ignore").encode("utf-8")
            break
    if _HTML_START.match(probe) or _XML_PROLOG_HTML.match(probe):
        return "text/html"
    return "text/plain"


def describe_binary(head: bytes) -> str | None:
    """What a body declared as a page really is, when it is clearly binary (e.g. "a PNG image")."""
    if head.startswith(_BOMS):
        return None
    return sniff_binary(head)
