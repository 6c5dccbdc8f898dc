"""Helpers shared by the storage tests (no tests here): small articles built in code."""

from __future__ import annotations

from reader.core.models import Article, Block, Entity, Span


def make_article(url: str | None = "https://example.org/a", title: str = "A title",
                 text: str = "Some body text.", *, site: str | None = "example.org",
                 entities: tuple[Entity, ...] = (), **extra: object) -> Article:
    """An article whose body is one paragraph per blank-line-separated chunk of ``text``."""
    body = tuple(Block("paragraph", (Span(chunk),)) for chunk in text.split("\n\n") if chunk)
    return Article(url=url, title=title, text=text, site=site, body=body, entities=entities,
                   **extra)  # type: ignore[arg-type]


def entity(name: str, count: int = 1, *aliases: str, kind: str = "PER") -> Entity:
    """An entity with ``count`` mentions (offsets do not matter to storage)."""
    return Entity(name=name, type=kind, count=count, aliases=aliases,  # type: ignore[arg-type]
                  mentions=tuple((i, i + 1) for i in range(count)))
