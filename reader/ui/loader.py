"""Turning what the user opens (path, URL, stdin bytes) into an Article, off the UI thread."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from reader.config import Config
from reader.core.models import Article, Entity
from reader.sources import is_url, local_path

if TYPE_CHECKING:
    from reader.core.entities import EntityEngine

STDIN = "-"


@dataclass(frozen=True)
class Page:
    """A loaded article and where it came from."""

    source: str  # what history stores to load it again
    article: Article
    base: str | None  # URL links resolve against (file:// for local files)
    notice: str | None = None
    entities_pending: bool = False  # extracted without entities: see :func:`add_entities`


class LoadError(Exception):
    """A page that cannot be shown; ``str(error)`` is one line for the user."""


def normalise_source(source: str) -> str:
    """One spelling per page: absolute paths for files, URLs as given."""
    source = source.strip()
    if source == STDIN or is_url(source):
        return source
    path = local_path(source)
    return str(path.resolve()) if path is not None else source


class _NoEntities:
    """An entity engine that finds nothing (``reader.core.entities.NoEngine`` without its imports)."""

    name = "none"

    def find(self, text: str, *, title: str = "", lang: str | None = None) -> tuple[Entity, ...]:
        """Always nothing: the entities are found later, by :func:`add_entities`."""
        del text, title, lang
        return ()


def load_page(source: str, config: Config, *, content: bytes | None = None,
              offline: bool = False, entities: bool = True) -> Page:
    """Read and extract ``source`` (``content`` is stdin already read); raises LoadError.

    With ``entities`` False the article comes without its entities (``entities_pending``):
    the first page is shown sooner that way, and :func:`add_entities` finds them after.
    """
    from reader.core.errors import ExtractionError
    from reader.core.extract import extract
    from reader.sources import SourceError, load_source

    url: str | None = None
    charset: str | None = None
    notice: str | None = None
    if content is None:
        try:
            loaded = load_source(source, config=config.net, offline=offline)
        except SourceError as exc:
            raise LoadError(str(exc)) from None
        content, url, charset, notice = loaded.content, loaded.url, loaded.charset, loaded.notice
    engine = entity_engine(config) if entities else _NoEntities()
    try:
        article = extract(content, url, charset=charset, entities=engine)
    except ExtractionError as exc:
        raise LoadError(f"{display_source(source)}: {exc}") from None
    if article.is_empty:
        raise LoadError(f"{display_source(source)}: no article text found")
    # The extractor's own notes (a page cut short, flattened markup) reach the user too.
    notes = [notice] if notice else []
    notes += [note[:1].upper() + note[1:] + "." for note in article.warnings]
    return Page(source, article, url, " ".join(notes) or None, entities_pending=not entities)


def entity_engine(config: Config) -> EntityEngine:
    """The entity engine the config asks for."""
    from reader.core.entities import get_engine

    return get_engine(config.entities.engine)


def add_entities(page: Page, config: Config) -> Page:
    """``page`` with the entities its extraction left out (the page itself when it has them)."""
    if not page.entities_pending:
        return page
    from reader.core.extract import with_entities

    article = with_entities(page.article, entity_engine(config))
    return replace(page, article=article, entities_pending=False)


def resolve_link(href: str, base: str | None) -> str:
    """The source to open for a link ``href`` found on a page at ``base``."""
    href = href.strip()
    target = urljoin(base, href) if base else href
    if urlsplit(target).scheme.lower() == "file":
        return normalise_source(target)
    return target


def display_source(source: str) -> str:
    """A short form of ``source`` for messages."""
    if source == STDIN:
        return "standard input"
    if urlsplit(source).scheme:
        return source
    home = str(Path.home())
    return "~" + source[len(home):] if source.startswith(home + "/") else source


class PageCache:
    """The last few pages, so back and forward are instant (bounded, to keep memory flat)."""

    def __init__(self, size: int = 8) -> None:
        self._pages: OrderedDict[str, Page] = OrderedDict()
        self._size = size

    def get(self, source: str) -> Page | None:
        """The cached page for ``source``, if any."""
        page = self._pages.get(source)
        if page is not None:
            self._pages.move_to_end(source)
        return page

    def put(self, page: Page) -> None:
        """Remember ``page``, forgetting the oldest beyond the size."""
        self._pages[page.source] = page
        self._pages.move_to_end(page.source)
        while len(self._pages) > self._size:
            self._pages.popitem(last=False)
