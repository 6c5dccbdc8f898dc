"""Link URLs for the related list: resolving, cleaning, and telling a story from other pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urljoin

from reader.core.html.related_cues import RelatedCues, cues
from reader.core.sanitize import clean_url

_NOT_WEB = ("javascript:", "mailto:", "tel:", "sms:", "data:", "about:", "file:", "ftp:", "whatsapp:")
#: scheme, host (with port), path, query of an absolute http(s) URL.
_PARTS = re.compile(
    r"(https?|file)://(?:[^@/?#]*@)?([^/?#]*)([^?#]*)(?:\?([^#]*))?", re.IGNORECASE
)
_ORIGIN = re.compile(r"https?://[^/?#]+", re.IGNORECASE)
_PLAIN = re.compile(r"[!-~]+")
_DATE_PATH = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"/(?:0?[1-9]|[12]\d|3[01])(?:/|$)"
)
_DATE_IN_SEGMENT = re.compile(r"(?:^|\D)(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?:\D|$)")
_LONG_NUMBER = re.compile(r"\d{5,}")
_DIGIT = re.compile(r"\d")
_WORD_SPLIT = re.compile(r"[-_+.,~]+")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms)$")
_INDEX_NAMES = frozenset({"index", "default", "story", "article", "amp", "full", "view"})
_ID_PARAMS = frozenset({
    "p", "a", "no", "id", "aid", "nid", "idx", "article", "story", "post", "news", "doc", "item",
    "articleid", "article_id", "storyid", "story_id", "newsid", "news_id", "postid", "post_id",
    "contentid", "content_id", "docid", "doc_id", "itemid", "item_id",
})
_ID_VALUE = re.compile(r"\d{3,}|[^\W\d_]{2,}(?:-[^\W_]+){2,}")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gv", "nic"})

#: Values of :attr:`UrlFacts.strength`: no evidence (or ruled out), a two-word slug,
#: a three- or four-word slug, a date, id or long slug.
NOT_STORY, HINT, WEAK, STRONG = 0, 1, 2, 3


def resolve(href: str | None, base: str | None) -> str | None:
    """The absolute http(s) URL of an ``href``, without fragment or tracking parameters."""
    if not href:
        return None
    return _resolve(href, base)


@lru_cache(maxsize=8192)
def _resolve(href: str, base: str | None) -> str | None:
    href = href.strip()
    if not href or href[0] == "#" or href[:12].casefold().startswith(_NOT_WEB):
        return None
    if href[:4].casefold() == "http" and _ORIGIN.match(href):
        absolute = href
    elif href[:5].casefold() == "file:":
        return None  # a web page has no business sending the reader to local files
    elif base and href[0] == "/" and href[1:2] != "/" and (origin := _ORIGIN.match(base)):
        absolute = origin.group() + href
    elif base:
        try:
            absolute = urljoin(base, href)
        except ValueError:
            return None
    else:
        absolute = href
    absolute = absolute.split("#", 1)[0]
    parts = _PARTS.match(absolute)
    if parts is None or (not parts.group(2) and parts.group(1).casefold() != "file"):
        return None
    if parts.group(4) is not None:
        query = _clean_query(parts.group(4), cues())
        absolute = absolute[: parts.start(4) - 1] + ("?" + query if query else "")
    # Plain printable ASCII is what clean_url would return unchanged.
    return absolute if _PLAIN.fullmatch(absolute) else clean_url(absolute)


def _clean_query(query: str, c: RelatedCues) -> str:
    kept = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        folded = name.casefold()
        if not value or folded in c.tracking or folded.startswith(c.tracking_prefixes):
            continue
        kept.append((name, value))
    return urlencode(kept)


@dataclass(frozen=True, slots=True)
class UrlFacts:
    """What the finder needs to know of one URL, worked out once."""

    #: NOT_STORY, HINT (a two-word slug), WEAK (three or four words) or STRONG.
    strength: int
    #: Duplicate key: scheme, ``www.``, host case and final slash ignored; query sorted.
    key: str
    #: ``host/path`` without query or final slash.
    path: str
    #: ``host/a``, ``host/a/b``... the proper prefixes of the path (its section pages).
    prefixes: tuple[str, ...]
    #: The registrable part of the host (``news.example.co.uk`` -> ``example.co.uk``).
    site: str


@lru_cache(maxsize=8192)
def facts(url: str) -> UrlFacts:
    """The :class:`UrlFacts` of an absolute URL (as returned by :func:`resolve`)."""
    parts = _PARTS.match(url)
    if parts is None:
        return UrlFacts(NOT_STORY, url, url, (), "")
    netloc = parts.group(2).casefold().removeprefix("www.")
    host = netloc
    if ":" in netloc:
        host, _, port = netloc.rpartition(":")
        if port in ("80", "443"):
            netloc = host
    raw_path = parts.group(3)
    segments = [s for s in raw_path.split("/") if s]
    query = parts.group(4) or ""
    path = netloc + "/" + "/".join(segments)
    key = path if not query else path + "?" + "&".join(sorted(query.split("&")))
    prefixes = []
    prefix = netloc
    for segment in segments[:-1]:
        prefix = prefix + "/" + segment
        prefixes.append(prefix)
    strength = _strength(host, segments, query, raw_path, parts.group(1).casefold() == "file")
    return UrlFacts(strength, key, path, tuple(prefixes), site_of(host))


def url_key(url: str) -> str:
    """A form of the URL for spotting duplicates: scheme, ``www.``, case of host and final slash ignored."""
    return facts(url).key


def story_strength(url: str) -> int:
    """How much the URL looks like one story rather than a home, section, profile or service page.

    STRONG: a date in the path, a long numeric id, a slug of five or more words,
    or a query parameter naming an article. WEAK: only a slug of three or four
    words (enough for a link to the same site). HINT: a two-word slug (enough
    inside a block labelled as related). NOT_STORY: no evidence, or a host that
    never serves stories (social networks, shops, reference works), or a listing
    or service path segment (``/tag/``, ``/author/``, ``/search``...).
    """
    return facts(url).strength


def is_story_url(url: str) -> bool:
    """True when the URL has the shape of one story (strong evidence, see :func:`story_strength`)."""
    return story_strength(url) == STRONG


def _strength(host: str, raw_segments: list[str], query: str, raw_path: str, url_is_file: bool) -> int:
    c = cues()
    if host in c.archives:
        inner = re.search(r"https?:/+\S+", raw_path + ("?" + query if query else ""))
        if not inner:
            return NOT_STORY
        return story_strength(re.sub(r"^(https?:)/+", r"\1//", inner.group()))
    if _blocked_host(host, c) or not (host or url_is_file):
        return NOT_STORY
    folded = [(unquote(s) if "%" in s else s).casefold() for s in raw_segments]
    for segment in folded:
        if segment in c.segments or (len(segment) < 30 and _service_words(segment, c)):
            return NOT_STORY
    if folded and "." in folded[-1] and folded[-1].rsplit(".", 1)[1] in c.extensions:
        return NOT_STORY
    if folded and folded[-1].startswith(("@", "~")):
        return NOT_STORY  # a user's page (``/@name``, ``/~name``)
    if query and _query_names_story(query):
        return STRONG
    if folded:
        folded[-1] = _PAGE_SUFFIX.sub("", folded[-1])
    named = [s for s in folded if s and s not in _INDEX_NAMES]
    if not named:
        return NOT_STORY
    path = "/" + "/".join(folded) + "/"
    if _DIGIT.search(path):
        date = _DATE_PATH.search(path)
        if date and not _DATE_PATH.fullmatch(path, date.start()):
            return STRONG
        if not named[-1].isdigit() and _DATE_IN_SEGMENT.search(path):
            return STRONG
        if _LONG_NUMBER.search(path):
            return STRONG
    return max(_slug_strength(s) for s in named[-2:])


def _blocked_host(host: str, c: RelatedCues) -> bool:
    labels = host.split(".")
    for i in range(len(labels) - 1):
        if ".".join(labels[i:]) in c.hosts:
            return True
    return any(label in c.brands for label in labels[:-1])


def _service_words(segment: str, c: RelatedCues) -> bool:
    """A short segment naming a service or listing: ``help-17655000``, ``about_us``,
    ``expert-profiles`` (one or two words, one of them a service word)."""
    if "-" not in segment and "_" not in segment:
        return False
    words = [w for w in _WORD_SPLIT.split(_PAGE_SUFFIX.sub("", segment)) if not w.isdigit()]
    return 0 < len(words) <= 2 and any(w in c.segments for w in words)


def _slug_strength(segment: str) -> int:
    """STRONG for a slug of five or more words (or a long run of non-Latin letters), WEAK for three or four.

    Headlines make long slugs; reference, data and section pages short ones.
    """
    words = [w for w in _WORD_SPLIT.split(segment) if not w.isdigit()]
    long_words = sum(1 for w in words if len(w) >= 2)
    if long_words >= 5:
        return STRONG
    if not segment.isascii():
        text = "".join(words)
        if len(text) >= 8:
            # Scripts written without hyphens between words (CJK, Thai): an unbroken title.
            return STRONG if len(text) >= 12 or len(words) >= 3 else WEAK
    if long_words >= 3:
        return WEAK
    return HINT if long_words == 2 else NOT_STORY


def _query_names_story(query: str) -> bool:
    for name, value in parse_qsl(query):
        folded = name.casefold()
        named = folded in _ID_PARAMS or "article" in folded or "story" in folded
        if named and _ID_VALUE.search(value):
            return True
    return False


def site_of(host: str) -> str:
    """The registrable part of a host, roughly: ``news.example.co.uk`` -> ``example.co.uk``."""
    labels = host.casefold().removeprefix("www.").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _split_key(url: str) -> tuple[str, frozenset[str]]:
    bare, _, query = url_key(url).partition("?")
    return bare, frozenset(query.split("&")) if query else frozenset()


class SelfFilter:
    """Recognises the page's own URLs (its address, canonical and og:url)."""

    def __init__(self, *urls: str | None) -> None:
        self._keys: dict[str, list[frozenset[str]]] = {}
        for url in urls:
            resolved = resolve(url, None) if url else None
            if resolved:
                bare, params = _split_key(resolved)
                self._keys.setdefault(bare, []).append(params)

    def __call__(self, url: str) -> bool:
        """True when ``url`` is the page itself: same path, and one query holds the other."""
        bare, params = _split_key(url)
        return any(params <= own or own <= params for own in self._keys.get(bare, ()))


def slug_title(url: str) -> str:
    """A title made from the URL's slug, for image-only links."""
    parts = _PARTS.match(url)
    segments = [s for s in (parts.group(3) if parts else "").split("/") if s]
    for segment in reversed(segments):
        tokens = [w for w in _WORD_SPLIT.split(_PAGE_SUFFIX.sub("", unquote(segment))) if w]
        words = [w for w in tokens if w.isalpha()]
        # Ids and hashes (``40fae194-381d-11e8``) make no title.
        if len(words) >= 2 and 2 * len(words) >= len(tokens):
            text = " ".join(w for w in tokens if not w.isdigit())
            return text[:1].upper() + text[1:]
    return ""
