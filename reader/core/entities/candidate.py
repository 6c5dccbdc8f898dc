"""A candidate mention of a name, with the evidence gathered about its type."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.entities.lexicon import Known
from reader.core.entities.tokens import Token


@dataclass(slots=True)
class Candidate:
    """One mention of a possible name, with the evidence gathered about its type."""

    tokens: list[Token]
    weak: bool = False
    quoted: bool = False
    dateline: bool = False
    #: A lower-case word that opens sentences: a brand (comwrap).
    brand: bool = False
    known: Known | None = None
    #: (start, end) of the courtesy title before the name ("M." in "M. Musk").
    courtesy: tuple[int, int] | None = None
    votes: dict[str, float] = field(default_factory=dict)

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.tokens[0].start

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self.tokens[-1].end

    def vote(self, etype: str, weight: float) -> None:
        """Add evidence for a type."""
        self.votes[etype] = self.votes.get(etype, 0.0) + weight
