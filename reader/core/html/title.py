"""The headline of an HTML page: declared titles, the <title> and the <h1>s weighed."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from reader.core.sanitize import clean_text

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»/│•]\s+|\s+[\[(][^\])]+[\])]\s*$")


#: Classes of an <h1> that holds the site's name or logo, not the article's headline.
_BRAND = re.compile(r"site-?title|site-?name|logo|brand|masthead", re.I)
#: Words a kicker or a date before the headline in a declared title may have ("Review: ...").
_KICKER_WORDS = 4
#: Share of the shorter title's words the <h1> must share with the declared title to replace it.
_OVERLAP = 0.6


def _home_link(el: Any, text: str) -> bool:
    """An <h1> that is a link to the site's home page ("<h1><a href='/'>Site</a></h1>")."""
    for a in el.iterfind(".//a[@href]"):
        href = a.get("href") or ""
        if a.get("rel") == "home" or urlsplit(href).path.rstrip("/") in ("", "/index.html", "/index.php"):
            return clean_text(" ".join(a.itertext())) == text
    return False


def h1_texts(root: Any) -> tuple[list[str], list[str]]:
    """(headlines, site names): the texts of the page's <h1>s, those that show the site's name
    (a link home, a logo or site-title class) apart."""
    heads: list[str] = []
    brands: list[str] = []
    for el in root.iterfind(".//h1"):
        # Inline parts join as shown ("Story of <em>Metroid</em>, One"); a <br> breaks words.
        text = clean_text((" " if el.find(".//br") is not None else "").join(el.itertext()))
        if text:
            brand = _BRAND.search(el.get("class") or "") or _home_link(el, text)
            (brands if brand else heads).append(text)
    return heads, brands


def _without_brand(page: str, brands: list[str]) -> str:
    """The <title> less a site name an <h1> shows, at either end ("Headline - Site - Brand")."""
    for brand in brands:
        b = re.escape(brand)
        for pattern in (rf"^(.+?)(?:\s+[|\-–—:·»/│•]\s+){b}$", rf"^{b}(?:\s+[|\-–—:·»/│•]\s+)(.+)$"):
            found = re.match(pattern, page)
            if found and len(found.group(1)) >= 4:
                return found.group(1)
    return page


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _as_shown(title: str, h1s: list[str], page: str) -> str:
    """The declared title, or the visible headline where it is the same one written more fully:
    the same words in other quotes or dashes, the rest of a truncated title, a kicker or date
    the declared title adds, or other wording the <title> agrees with."""
    folded = _fold(title)
    if not folded or title in h1s:
        return title
    cut = title.rstrip(". …")
    for h1 in h1s:
        fh = _fold(h1)
        if len(fh) < 10:
            continue
        if fh == folded:
            return h1  # the visible quotes and dashes
        if cut != title and fh.startswith(_fold(cut)):
            return h1  # "Headline that goes on ..." declared, the whole headline shown
        if fh.startswith(folded) and len(folded) > 15:
            return h1  # the headline shown is the longer one
        if folded.endswith(fh) and len(folded[: -len(fh)].split()) <= _KICKER_WORDS:
            return h1  # "Review: Headline", "08.11.2021 | Headline" declared
    if len(h1s) == 1 and page and _fold(page) == _fold(h1s[0]):
        mine, shown = _words(title), _words(h1s[0])
        if len(mine & shown) >= _OVERLAP * min(len(mine), len(shown)):
            return h1s[0]  # <title> and <h1> agree on a rewording of the declared title
    return title


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _similar(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    return bool(fa) and (fa == fb or (len(fa) > 15 and (fa in fb or fb in fa)))


def split_title(page: str, site: str | None, h1s: list[str]) -> str:
    """The headline inside a <title>: the part an <h1> confirms, else without the site's name."""
    for h1 in h1s:
        if len(h1) > 3 and _fold(h1) and _fold(h1) in _fold(page):
            return h1
    parts = [p for p in _TITLE_SEPARATORS.split(page) if p and p.strip()]
    if len(parts) < 2:
        return page
    if site:
        kept = [p for p in parts if not _similar(p, site) and _fold(site) not in _fold(p)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    longest = max(parts, key=len)
    return longest if len(longest.split()) >= 3 else page


def squash(text: str) -> str:
    """The letters and digits of a name, folded ("Daily-Post.com" -> "dailypostcom")."""
    return "".join(re.findall(r"\w+", text.casefold()))


def site_names(site: str | None, url: str | None) -> list[str]:
    """Forms of the site's name to recognise in a title: its declared name, its domain label."""
    out = [squash(site)] if site and squash(site) else []
    if url:
        host = urlsplit(url).hostname or ""
        labels = [x for x in host.split(".") if x not in ("www", "m", "amp")]
        if len(labels) >= 2:
            out.append(squash(labels[-2]))
    return [n for n in out if len(n) >= 3]


def strip_site(title: str, names_: list[str]) -> str:
    """The title without a leading or trailing part that names the site ("Headline | Site")."""
    if not names_:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _TITLE_SEPARATORS.findall(title)

    def is_site(part: str) -> bool:
        sq = squash(part)
        return bool(sq) and any(n == sq or (n in sq and len(sq) < 3 * len(n) + 10) for n in names_)

    for i, part in enumerate(parts):
        if not is_site(part):
            continue
        if i == 0 and len(parts) > 1:
            rest = parts[1:]
            joined = rest[0] + "".join(sep + p for sep, p in zip(seps[1:], rest[1:], strict=False))
        elif i > 0:
            joined = parts[0] + "".join(sep + p for sep, p in zip(seps, parts[1:i], strict=False))
        else:
            continue
        return joined.strip() if len(joined.strip()) >= 4 else title
    return title


def choose_title(
    structured: list[str], page: str, h1s: list[str], site: str | None, url: str | None = None,
    brands: list[str] | None = None,
) -> str:
    """The headline the page declares (JSON-LD, OpenGraph...) less the site's name, as the page
    shows it; else the part of the <title> an <h1> confirms."""
    names_ = site_names(site, url)
    for candidate in structured:
        if names_ and squash(candidate) in names_ and not any(_similar(candidate, h) for h in h1s):
            continue
        if len(candidate) >= 4:
            stripped = strip_site(candidate, names_)
            # Only drop the site's name where the page's own headline confirms the rest.
            if stripped != candidate and (not h1s or any(_fold(stripped) in _fold(h) for h in h1s)):
                return _as_shown(stripped, h1s, page)
            return _as_shown(candidate, h1s, page)
    if page and names_ and squash(page) in names_ and len(h1s) == 1:
        return h1s[0]  # the <title> names only the site
    if page:
        return split_title(_without_brand(page, brands or []), site, h1s)
    return h1s[0] if h1s else ""


def site_from_title(page: str, title: str) -> str | None:
    """The site name a <title> adds around the headline ("Headline | Site")."""
    if not page or not title or _fold(title) not in _fold(page):
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page) if p and p.strip()]
    rest = [p for p in parts if _fold(p) not in _fold(title) and _fold(title) not in _fold(p)]
    if len(rest) == 1 and len(rest[0].split()) <= 4:
        return rest[0].strip("[]() ")
    return None
