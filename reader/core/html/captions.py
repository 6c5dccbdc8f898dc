"""Figure captions and photo credits, read from a <figure>."""

from __future__ import annotations

import re
from typing import Any

from reader.core.sanitize import clean_text

_CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|author", re.I)
_CREDIT_TEXT = re.compile(r"\s*((?:©|\(c\)|Photo\s*:|Foto\s*:|Crédit\s*:|Credit\s*:|Image\s*:|Bild\s*:).*)$", re.I)


def split_credit(caption: str) -> tuple[str, str]:
    """(caption, credit) of a caption whose credit is written at its end ("... Photo: X")."""
    match = _CREDIT_TEXT.search(caption)
    if match and match.start(1) > 0:
        return caption[: match.start(1)].strip(), match.group(1).strip()
    return caption, ""


def caption_of(figure: Any) -> tuple[str, str]:
    """(caption, credit) of a <figure>; empty strings when it has no <figcaption>."""
    caption_el = figure.find(".//figcaption")
    if caption_el is None:
        return "", ""
    credit_parts = []
    for el in caption_el.iter():
        cls = el.get("class") or ""
        if el is not caption_el and _CREDIT_CLASS.search(cls):
            credit_parts.append(clean_text(" ".join(el.itertext())))
    caption = clean_text(" ".join(caption_el.itertext()))
    credit = " ".join(p for p in credit_parts if p)
    if credit and caption.endswith(credit):
        caption = caption[: -len(credit)].strip()
    elif not credit:
        caption, credit = split_credit(caption)
    return caption, credit
