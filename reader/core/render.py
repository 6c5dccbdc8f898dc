"""An Article as Markdown or plain text, for `broadsheet dump` and exports."""

from __future__ import annotations

import re

from reader.core.models import Article, Block, Span

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=|]|\d+[.)])", re.M)


def _md_escape(text: str) -> str:
    return _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))


def _md_spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        text = _md_escape(span.text)
        core = text.strip()
        if not core:
            out.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        if span.code:
            core = "`" + span.text.strip().replace("`", "'") + "`"
        if span.strong:
            core = f"**{core}**"
        if span.emphasis:
            core = f"*{core}*"
        if span.href:
            core = f"[{core}](<{span.href.replace('>', '%3E')}>)"
        out.append(lead + core + trail)
    return "".join(out)


def _md_block(block: Block) -> str:
    if block.kind == "heading":
        return "#" * max(2, min(6, block.level or 2)) + " " + _md_spans(block.spans)
    if block.kind == "quote":
        return "> " + _md_spans(block.spans)
    if block.kind == "pre":
        fence = "```"
        while fence in block.text:
            fence += "`"
        return f"{fence}\n{block.text}\n{fence}"
    if block.kind == "list":
        return "\n".join(
            (f"{i}. " if block.ordered else "- ") + _md_spans(item)
            for i, item in enumerate(block.items, 1)
        )
    if block.kind == "table":
        rows = [[_md_escape(c).replace("|", "\\|") for c in row] for row in block.rows]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)
    if block.kind == "figure":
        caption = _md_spans(block.spans)
        parts = [f"*{caption}*" if caption else "", _md_escape(block.credit)]
        text = " ".join(p for p in parts if p)
        alt = _md_escape(block.alt)
        image = f"![{alt}](<{block.src}>)" if block.src else (f"[Image: {alt}]" if alt else "")
        return "\n".join(p for p in (image, text) if p)
    return _md_spans(block.spans)


def _meta_line(article: Article) -> list[str]:
    parts = []
    if article.byline:
        parts.append(f"By {article.byline}")
    if article.published:
        parts.append(article.published.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00"))
    if article.site:
        parts.append(article.site)
    if article.reading_minutes:
        parts.append(f"{article.reading_minutes} min read")
    return parts


def to_markdown(article: Article) -> str:
    """The article as Markdown: title, meta line, lead, body, tags, related stories."""
    out: list[str] = []
    if article.section:
        out.append(f"*{_md_escape(article.section)}*")
    if article.title:
        out.append("# " + _md_escape(article.title))
    meta = _meta_line(article)
    if meta:
        out.append(_md_escape(" · ".join(meta)))
    if article.lead and not (article.body and article.body[0].text == article.lead):
        out.append("**" + _md_escape(article.lead) + "**")
    out.extend(_md_block(b) for b in article.body)
    if article.tags:
        out.append("Tags: " + ", ".join(_md_escape(t) for t in article.tags))
    if article.related:
        out.append("## Related stories")
        out.append(
            "\n".join(
                f"- [{_md_escape(r.title)}](<{r.url}>) ({r.kind})" if r.url
                else f"- {_md_escape(r.title)} ({r.kind})"
                for r in article.related
            )
        )
    return "\n\n".join(p for p in out if p) + "\n"


def to_text(article: Article) -> str:
    """The article as plain text: title, meta line, lead, then the body text."""
    out: list[str] = []
    if article.title:
        out.append(article.title)
    meta = _meta_line(article)
    if meta:
        out.append(" · ".join(meta))
    if article.lead and not (article.body and article.body[0].text == article.lead):
        out.append(article.lead)
    for block in article.body:
        if block.kind == "figure":
            caption = " ".join(p for p in (block.text, block.credit) if p) or block.alt
            if caption:
                out.append(f"[{caption}]")
        elif block.kind == "list":
            out.append("\n".join(("- " + spans) for spans in block.text.split("\n")))
        elif block.kind == "quote":
            out.append("  " + block.text)
        else:
            out.append(block.text)
    return "\n\n".join(p for p in out if p) + "\n"
