"""Bytes to text: BOM, declared charset (HTTP or meta), then a detector; binary refused."""

from __future__ import annotations

import codecs
import re

from reader.core.errors import ExtractionError

# Magic numbers of formats people feed a reader by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# WHATWG: these labels mean windows-1252 in a browser, and pages rely on it.
_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252", "x-sjis": "shift_jis",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "utf8": "utf-8",
    "unicode": "utf-16-le", "ks_c_5601-1987": "cp949", "euc-kr": "cp949", "tis-620": "cp874",
}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (XML prolog or meta tag)."""
    head = data[:4096]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return _codec(found.group(1).decode("ascii", "replace")) if found else None


def sniff_binary(data: bytes) -> str | None:
    """What the bytes look like when they are not text, else None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    sample = data[:4096]
    if not sample:
        return None
    if _utf16_without_bom(sample):
        return None
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32) / len(sample)
    if controls > 0.10:
        return "binary data"
    # Stray NULs and escapes occur in real (and hostile) text pages: bytes that
    # are valid UTF-8 are text; otherwise a NUL among controls means binary.
    if b"\x00" in sample and controls > 0.01 and not _is_utf8_prefix(sample):
        return "binary data"
    return None


def _is_utf8_prefix(sample: bytes) -> bool:
    """True when ``sample`` is UTF-8, allowing a character cut at its end."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 3
    return True


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without BOM shows as NULs at every other byte for Latin text."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, charset: str | None = None) -> str:
    """Decode page bytes; ``charset`` is what the HTTP header said, if anything.

    Order: BOM, UTF-16 shape, the declared charset (header, then meta) when the
    bytes agree with it, valid UTF-8, then a statistical detector, then cp1252.
    Raises :class:`ExtractionError` for binary data.
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(bom_codec, errors="replace")
    what = sniff_binary(data)
    if what:
        raise ExtractionError(f"not a web page or text: this looks like {what}")
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, errors="replace")
    is_ascii = data.isascii()
    if is_ascii:
        return data.decode("ascii")
    as_utf8 = _strict(data, "utf-8")
    for label in (charset, None):
        codec = _codec(label) if label else declared_charset(data)
        if not codec:
            continue
        # A page that declares a legacy charset but is valid UTF-8 is UTF-8:
        # random legacy bytes almost never form valid multi-byte sequences.
        if as_utf8 is not None and codec != "utf-8" and not codec.startswith("utf-16"):
            return as_utf8
        text = _strict(data, codec)
        if text is not None:
            return text
    if as_utf8 is not None:
        return as_utf8
    return _detect(data)


_LATIN_PLAUSIBLE = re.compile(r"[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u201e\u2013\u2014\u2026\u20ac\u00a0\u00ab\u00bb\u00b0\u00a9]")


def _plausible_cp1252(data: bytes) -> str | None:
    """cp1252 text when its non-ASCII characters are nearly all Western letters and quotes.

    Detectors guess poorly on short pages; Western European pages in cp1252 are
    by far the most common legacy case, and this test is cheap and strict.
    """
    text = data.decode("cp1252", errors="replace")
    rest = [c for c in text if ord(c) > 127]
    if not rest:
        return text
    plausible = sum(1 for c in rest if _LATIN_PLAUSIBLE.match(c))
    return text if plausible / len(rest) >= 0.95 else None


def _detect(data: bytes) -> str:
    western = _plausible_cp1252(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    codec = _codec(best.encoding) if best is not None else None
    return data.decode(codec or "cp1252", errors="replace")
