"""Link URLs for the related list: resolving, cleaning, and telling a story from other pages."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from reader.core.html.related_cues import RelatedCues, cues
from reader.core.sanitize import clean_url

_NOT_WEB = ("javascript:", "mailto:", "tel:", "sms:", "data:", "about:", "file:", "ftp:")
_DATE_PATH = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"/(?:0?[1-9]|[12]\d|3[01])(?:/|$)"
)
_DATE_IN_SEGMENT = re.compile(r"(?:^|\D)(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?:\D|$)")
_LONG_NUMBER = re.compile(r"\d{5,}")
_WORD_SPLIT = re.compile(r"[-_+.,~]+")
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms)$")
_INDEX_NAMES = frozenset({"index", "default", "story", "article", "amp", "full", "view"})
_ID_PARAMS = frozenset({"p", "a", "no", "article", "story", "post", "news", "doc", "item", "idx"})
_ID_VALUE = re.compile(r"\d{3,}|[^\W\d_]{2,}(?:-[^\W_]+){2,}")


def resolve(href: str | None, base: str | None) -> str | None:
    """The absolute http(s) URL of an ``href``, without fragment or tracking parameters."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#") or href.casefold().startswith(_NOT_WEB):
        return None
    try:
        absolute = urljoin(base, href) if base else href
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.casefold() not in ("http", "https") or not parts.hostname:
        return None
    query = _clean_query(parts.query, cues())
    cleaned = urlunsplit((parts.scheme.casefold(), parts.netloc, parts.path or "/", query, ""))
    return clean_url(cleaned)


def _clean_query(query: str, c: RelatedCues) -> str:
    if not query:
        return ""
    kept = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        folded = name.casefold()
        if not value or folded in c.tracking or folded.startswith(c.tracking_prefixes):
            continue
        kept.append((name, value))
    return urlencode(kept)


@lru_cache(maxsize=4096)
def url_key(url: str) -> str:
    """A form of the URL for spotting duplicates: scheme, ``www.``, case of host and final slash ignored."""
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    query = "&".join(sorted(parts.query.split("&"))) if parts.query else ""
    return f"{host}{path}?{query}" if query else f"{host}{path}"


def host_of(url: str) -> str:
    """The host without ``www.``, lower-cased."""
    return (urlsplit(url).hostname or "").casefold().removeprefix("www.")


def _blocked_host(host: str, c: RelatedCues) -> bool:
    labels = host.split(".")
    for i in range(len(labels) - 1):
        if ".".join(labels[i:]) in c.hosts:
            return True
    return any(label in c.brands for label in labels[:-1])


#: Values of :func:`story_strength`.
NOT_STORY, WEAK, STRONG = 0, 1, 2


def is_story_url(url: str) -> bool:
    """True when the URL has the shape of one story (strong evidence, see :func:`story_strength`)."""
    return story_strength(url) == STRONG


@lru_cache(maxsize=4096)
def story_strength(url: str) -> int:
    """How much the URL looks like one story rather than a home, section, profile or service page.

    STRONG: a date in the path, a long numeric id, a slug of five or more words,
    or a query parameter naming an article. WEAK: only a slug of three or four
    words (enough inside a block labelled as related, or for a link to the same site). NOT_STORY: no evidence, or a host that
    never serves stories (social networks, shops, reference works), or a listing
    or service path segment (``/tag/``, ``/author/``, ``/search``...).
    """
    c = cues()
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    if host in c.archives:
        inner = re.search(r"https?:/+\S+", parts.path + ("?" + parts.query if parts.query else ""))
        if not inner:
            return NOT_STORY
        return story_strength(re.sub(r"^(https?:)/+", r"\1//", inner.group()))
    if not host or _blocked_host(host, c):
        return NOT_STORY
    segments = [unquote(s) for s in parts.path.split("/") if s]
    folded = [s.casefold() for s in segments]
    if any(s in c.segments or _service_words(s, c) for s in folded):
        return NOT_STORY
    if folded:
        last = folded[-1]
        if "." in last and last.rsplit(".", 1)[1] in c.extensions:
            return NOT_STORY
    if _query_names_story(parts.query):
        return STRONG
    if not segments:
        return NOT_STORY
    path = "/" + "/".join(folded)
    named = [s for s in (_PAGE_SUFFIX.sub("", s) for s in folded) if s and s not in _INDEX_NAMES]
    if not named:
        return NOT_STORY
    date = _DATE_PATH.search(path + "/")
    if date and not _DATE_PATH.fullmatch(path + "/", date.start()):
        return STRONG
    if any(_DATE_IN_SEGMENT.search(s) for s in named) and not named[-1].isdigit():
        return STRONG
    if any(_LONG_NUMBER.search(s) for s in named):
        return STRONG
    return max(_slug_strength(s) for s in named[-2:])


def _service_words(segment: str, c: RelatedCues) -> bool:
    """A segment such as ``help-17655000`` or ``about_us``: only service words (and numbers)."""
    words = [w for w in _WORD_SPLIT.split(_PAGE_SUFFIX.sub("", segment)) if not w.isdigit()]
    return bool(words) and len(words) <= 2 and all(w in c.segments for w in words)


def _slug_strength(segment: str) -> int:
    """STRONG for a slug of five or more words (or a long run of non-Latin letters), WEAK for three or four.

    Headlines make long slugs; reference, data and section pages short ones.
    """
    words = [w for w in _WORD_SPLIT.split(segment) if any(ch.isalpha() for ch in w)]
    long_words = sum(1 for w in words if len(w) >= 2)
    if long_words >= 5:
        return STRONG
    text = "".join(words)
    if len(text) >= 8 and not text.isascii():
        # Scripts written without hyphens between words (CJK, Thai): an unbroken title.
        return STRONG if len(text) >= 12 or len(words) >= 3 else WEAK
    return WEAK if long_words >= 3 else NOT_STORY


def site_of(host: str) -> str:
    """The registrable part of a host, roughly: ``news.bbc.co.uk`` -> ``bbc.co.uk``."""
    labels = host.casefold().removeprefix("www.").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gv", "nic"})


def path_prefixes(url: str) -> list[str]:
    """``host/a``, ``host/a/b``... for each proper prefix of the URL's path (section pages)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    return [host + "/" + "/".join(segments[:i]) for i in range(1, len(segments))]


def path_key(url: str) -> str:
    """``host/path`` without query or final slash, to compare with :func:`path_prefixes`."""
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold().removeprefix("www.")
    return host + "/" + "/".join(s for s in parts.path.split("/") if s)


def _query_names_story(query: str) -> bool:
    for name, value in parse_qsl(query):
        folded = name.casefold()
        named = (
            folded in _ID_PARAMS
            or folded.endswith("id")
            or "article" in folded
            or "story" in folded
        )
        if named and _ID_VALUE.search(value):
            return True
    return False


def _split_key(url: str) -> tuple[str, frozenset[str]]:
    key = url_key(url)
    bare, _, query = key.partition("?")
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
    segments = [s for s in urlsplit(url).path.split("/") if s]
    for segment in reversed(segments):
        name = _PAGE_SUFFIX.sub("", unquote(segment))
        words = [w for w in _WORD_SPLIT.split(name) if w and not w.isdigit()]
        if len(words) >= 2:
            text = " ".join(words)
            return text[:1].upper() + text[1:]
    return ""
