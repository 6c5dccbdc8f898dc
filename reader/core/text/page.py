"""The text-dump pipeline: lines, body region, header, body blocks, tags and story lists."""

from __future__ import annotations

from reader.core.models import Article, Block, Related, Span
from reader.core.sanitize import clean_text
from reader.core.text import body, captions, edges, lines, metadata, related
from reader.core.text.cues import cues, guess_lang


def _clean_block(block: Block) -> Block | None:
    # Lines come from text that went through clean_text whole: only trimming is left.
    spans = tuple(Span(t) for t in (s.text.strip() for s in block.spans) if t)
    items = tuple(
        item for item in (tuple(Span(t) for t in (s.text.strip() for s in it) if t) for it in block.items)
        if item
    )
    if block.kind == "list":
        return Block(kind="list", items=items, ordered=block.ordered) if items else None
    if block.kind == "figure":
        credit = block.credit.strip()
        return Block(kind="figure", spans=spans, credit=credit) if spans or credit else None
    return Block(kind=block.kind, spans=spans, level=block.level) if spans else None


def _clean_related(entries: list[Related]) -> tuple[Related, ...]:
    order = {"related": 0, "inline": 1, "more": 2}
    seen: set[str] = set()
    out: list[Related] = []
    for entry in sorted(entries, key=lambda r: order[r.kind]):  # stable: page order kept
        title = clean_text(entry.title)
        folded = title.casefold()
        if not title or folded in seen:
            continue
        seen.add(folded)
        out.append(Related(
            title=title,
            url=None,
            kind=entry.kind,
            section=clean_text(entry.section) or None,
            published=entry.published,
        ))
    return tuple(out)


def extract_text_page(text: str, url: str | None = None) -> Article:
    """An Article from a whole-page text copy: body, metadata, tags and story lists."""
    c = cues()
    cleaned = clean_text(text, multiline=True)
    if not cleaned:
        return Article(url=url)
    # The longest lines are the prose: enough to tell the language, and cheaper.
    sample = sorted(cleaned.split("\n"), key=len)[-12:]
    lang = guess_lang(" ".join(sample)[:8000])
    stop = c.stopwords.get(lang or "", frozenset())
    page = lines.split(cleaned, c, stop)
    structured = body.is_structured(page)
    start, end = body.locate(page, structured, c)
    if end <= start:
        return Article(url=url, lang=lang)
    start, end = edges.extend(page, start, end, c)
    start = metadata.refine_start(page, start, end, c, structured)
    start, end = edges.take_lists(page, start, end)
    start, end = edges.take_bullets(page, start, end)
    head = metadata.read_header(page, start, end, c, lang)
    if head.title_at >= start:
        start = head.title_at + 1
    parts = body.build(page, start, end, c, structured)
    # A figure right above the body (between lead and first paragraph) belongs to it.
    figures: list[Block] = []
    for j in range(max(head.title_at + 1, start - 4), start):
        ln = page[j]
        if ln.kind == "text" and captions.is_caption(ln, c):
            caption, credit = captions.split_credit(ln.text, c)
            figures.append(Block(kind="figure", spans=(Span(caption),) if caption else (), credit=credit))
    blocks = [b for b in (_clean_block(b) for b in (*figures, *parts.blocks)) if b is not None]
    month_first = lang == "en"
    entries = [
        *parts.inline,
        *related.story_lists(page, end, c, month_first),
    ]
    body_text = "\n\n".join(b.text for b in blocks if b.kind != "figure")
    byline = clean_text(head.byline) or None
    return Article(
        url=url,
        title=clean_text(head.title),
        section=clean_text(head.section) or None,
        byline=byline,
        authors=tuple(a for a in (clean_text(x) for x in head.authors) if a),
        published=head.published,
        lang=lang,
        lead=clean_text(head.lead) or None,
        body=tuple(blocks),
        text=body_text,
        tags=tuple(t for t in (clean_text(x) for x in related.find_tags(page, start)) if t),
        related=_clean_related(entries),
    )

