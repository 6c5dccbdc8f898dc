"""The article model: frozen dataclasses that every layer shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "quote", "list", "figure", "pre", "table"]
RelatedKind = Literal["related", "inline", "more"]
EntityType = Literal["PER", "ORG", "LOC", "MISC"]

#: Order in which related kinds are listed (and their strength when merging).
RELATED_KINDS: tuple[RelatedKind, ...] = ("related", "inline", "more")
ENTITY_TYPES: tuple[EntityType, ...] = ("PER", "ORG", "LOC", "MISC")

#: The exact keys of :meth:`Article.to_dict`.
ARTICLE_KEYS: tuple[str, ...] = (
    "url", "title", "section", "byline", "authors", "published", "updated", "site",
    "lang", "lead", "body", "text", "tags", "related", "entities", "reading_minutes",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of inline text: plain, emphasised, strong, code, or a link."""

    text: str
    href: str | None = None
    emphasis: bool = False
    strong: bool = False
    code: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Only the fields that are set, to keep JSON small."""
        out: dict[str, Any] = {"text": self.text}
        if self.href:
            out["href"] = self.href
        for name in ("emphasis", "strong", "code"):
            if getattr(self, name):
                out[name] = True
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        """Inverse of :meth:`to_dict`."""
        return cls(
            text=str(data.get("text", "")),
            href=data.get("href"),
            emphasis=bool(data.get("emphasis")),
            strong=bool(data.get("strong")),
            code=bool(data.get("code")),
        )


def spans_text(spans: tuple[Span, ...]) -> str:
    """The plain text of a run of spans."""
    return "".join(span.text for span in spans)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article body.

    - heading: ``spans`` and ``level`` (2 to 6; the title is level 1).
    - paragraph, quote, pre: ``spans``.
    - list: ``items`` (one run of spans per item) and ``ordered``.
    - figure: ``spans`` is the caption, plus ``alt``, ``src`` and ``credit``.
    - table: ``rows`` of cell strings; the first row is the header when
      ``header`` is true.
    """

    kind: BlockKind
    spans: tuple[Span, ...] = ()
    level: int = 0
    items: tuple[tuple[Span, ...], ...] = ()
    ordered: bool = False
    alt: str = ""
    src: str | None = None
    credit: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False

    @property
    def text(self) -> str:
        """Plain text of the block (list items on their own lines, cells by tabs)."""
        if self.kind == "list":
            return "\n".join(spans_text(item) for item in self.items)
        if self.kind == "table":
            return "\n".join("\t".join(row) for row in self.rows)
        return spans_text(self.spans)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; empty fields are left out."""
        out: dict[str, Any] = {"kind": self.kind}
        if self.spans:
            out["spans"] = [s.to_dict() for s in self.spans]
        if self.level:
            out["level"] = self.level
        if self.items:
            out["items"] = [[s.to_dict() for s in item] for item in self.items]
        if self.ordered:
            out["ordered"] = True
        if self.alt:
            out["alt"] = self.alt
        if self.src:
            out["src"] = self.src
        if self.credit:
            out["credit"] = self.credit
        if self.rows:
            out["rows"] = [list(row) for row in self.rows]
        if self.header:
            out["header"] = True
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        """Inverse of :meth:`to_dict`."""
        return cls(
            kind=data["kind"],
            spans=tuple(Span.from_dict(s) for s in data.get("spans", ())),
            level=int(data.get("level", 0)),
            items=tuple(
                tuple(Span.from_dict(s) for s in item) for item in data.get("items", ())
            ),
            ordered=bool(data.get("ordered")),
            alt=str(data.get("alt", "")),
            src=data.get("src"),
            credit=str(data.get("credit", "")),
            rows=tuple(tuple(str(c) for c in row) for row in data.get("rows", ())),
            header=bool(data.get("header")),
        )


@dataclass(frozen=True, slots=True)
class Related:
    """A story linked from the page; ``url`` is None for text dumps."""

    title: str
    url: str | None
    kind: RelatedKind
    section: str | None = None
    published: str | None = None  # ISO date as the page gives it, when it does

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.kind,
            "section": self.section,
            "published": self.published,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Related:
        """Inverse of :meth:`to_dict`."""
        return cls(
            title=str(data.get("title", "")),
            url=data.get("url"),
            kind=data.get("kind", "more"),
            section=data.get("section"),
            published=data.get("published"),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity with every mention as (start, end) offsets into ``Article.text``."""

    name: str
    type: EntityType
    count: int
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "type": self.type,
            "count": self.count,
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        """Inverse of :meth:`to_dict`."""
        return cls(
            name=str(data["name"]),
            type=data.get("type", "MISC"),
            count=int(data.get("count", 0)),
            aliases=tuple(data.get("aliases", ())),
            mentions=tuple((int(a), int(b)) for a, b in data.get("mentions", ())),
        )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_iso(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. Every string in it has been through ``core.sanitize``."""

    url: str | None = None
    title: str = ""
    section: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    site: str | None = None
    lang: str | None = None
    lead: str | None = None
    body: tuple[Block, ...] = ()
    text: str = ""
    tags: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()
    entities: tuple[Entity, ...] = ()
    reading_minutes: int = 0
    #: Not part of the public dict: notes such as "extraction timed out".
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        """True when nothing readable was found."""
        return not (self.title or self.text)

    def to_dict(self) -> dict[str, Any]:
        """Exactly :data:`ARTICLE_KEYS`, JSON-ready (datetimes as ISO 8601)."""
        return {
            "url": self.url,
            "title": self.title,
            "section": self.section,
            "byline": self.byline,
            "authors": list(self.authors),
            "published": _iso(self.published),
            "updated": _iso(self.updated),
            "site": self.site,
            "lang": self.lang,
            "lead": self.lead,
            "body": [b.to_dict() for b in self.body],
            "text": self.text,
            "tags": list(self.tags),
            "related": [r.to_dict() for r in self.related],
            "entities": [e.to_dict() for e in self.entities],
            "reading_minutes": self.reading_minutes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of :meth:`to_dict` (extra keys such as ``source`` are ignored)."""
        return cls(
            url=data.get("url"),
            title=str(data.get("title") or ""),
            section=data.get("section"),
            byline=data.get("byline"),
            authors=tuple(data.get("authors") or ()),
            published=_parse_iso(data.get("published")),
            updated=_parse_iso(data.get("updated")),
            site=data.get("site"),
            lang=data.get("lang"),
            lead=data.get("lead"),
            body=tuple(Block.from_dict(b) for b in data.get("body") or ()),
            text=str(data.get("text") or ""),
            tags=tuple(data.get("tags") or ()),
            related=tuple(Related.from_dict(r) for r in data.get("related") or ()),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities") or ()),
            reading_minutes=int(data.get("reading_minutes") or 0),
        )
