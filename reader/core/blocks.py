"""Helpers over a body of blocks: its plain text and where each block sits in it."""

from __future__ import annotations

from reader.core.models import Block


def body_text(blocks: tuple[Block, ...]) -> str:
    """Plain body text: every block but figures, separated by blank lines."""
    return "\n\n".join(b.text for b in blocks if b.kind != "figure" and b.text)


def block_offsets(blocks: tuple[Block, ...]) -> list[int | None]:
    """Where each block starts in :func:`body_text` (None for blocks not in the text)."""
    offsets: list[int | None] = []
    pos = 0
    for b in blocks:
        if b.kind == "figure" or not b.text:
            offsets.append(None)
            continue
        offsets.append(pos)
        pos += len(b.text) + 2
    return offsets
