"""The one place that makes page text safe to show in a terminal."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (up to ST or BEL),
# and two-byte escapes. Their 8-bit C1 forms are covered the same way.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                     # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])             # OSC, DCS, SOS, PM, APC ...
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?               # ... up to BEL or ST
    | \x1b[ -/]*[0-~]?                                    # other ESC sequences
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline (spaces and lines are handled below), and DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates: they can reorder what the reader sees.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Invisible characters that only hide things: zero-width, soft hyphen, BOM,
# word joiner, interlinear annotations, tag characters.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
# The runs of spaces that collapsing changes: any but one plain space (most of a text's
# runs), which a search over a page then skips instead of replacing each by itself.
_ODD_SPACES = re.compile(
    r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*"
    r"| [ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+"
)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


#: Characters that open an escape sequence: one plain search each costs far less than a
#: character-class scan over a whole page.
_ESCAPE_START = ("\x1b", "\x90", "\x98", "\x9b", "\x9d", "\x9e", "\x9f")
#: Anything clean_text removes or rewrites besides spaces; most page strings hold none.
_SPECIAL = re.compile(
    r"[\r\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    r"\u00ad\u200b-\u200d\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\ufffd]"
)


def strip_escapes(raw: str) -> str:
    """Remove whole escape sequences from raw page source, before anything parses it.

    Parsers drop the ESC byte itself as an invalid character, which would leave the
    rest of a sequence ("]0;title") looking like ordinary text; so the sequences go
    first, while they are still recognisable.
    """
    if not any(c in raw for c in _ESCAPE_START):
        return raw
    return _ESCAPES.sub("", raw)


def clean_text(text: str | None, *, multiline: bool = False) -> str:
    """Page text made safe: no escapes, controls, bidi overrides or invisible marks.

    Runs of spaces collapse to one. With ``multiline`` newlines are kept (at most
    one blank line in a row); otherwise the result is a single line.
    """
    if not text:
        return ""
    if _SPECIAL.search(text):  # else the five passes below would change nothing
        text = _NEWLINES.sub("\n", text)
        text = _ESCAPES.sub("", text)
        text = _CONTROLS.sub("", text)
        text = _BIDI.sub("", text)
        text = _INVISIBLE.sub("", text)
        if "\ufffd" in text:
            text = text.replace("\ufffd", "")
    if multiline:
        lines = [line.strip() for line in _ODD_SPACES.sub(" ", text).split("\n")]
        joined = "\n".join(lines)
        return (re.sub(r"\n{3,}", "\n\n", joined) if "\n\n\n" in joined else joined).strip()
    return _ODD_SPACES.sub(" ", text.replace("\n", " ")).strip()


def clean_url(url: str | None) -> str | None:
    """An http(s) URL or a local path, cleaned; None for anything else (javascript:, data:...)."""
    if not url:
        return None
    url = clean_text(url).replace(" ", "%20")
    if not url:
        return None
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return url
    if scheme == "file" or (not scheme and not url.startswith("//")):
        return url
    return None


def normalize(text: str) -> str:
    """NFC form, used before comparing or storing names."""
    return unicodedata.normalize("NFC", text)
