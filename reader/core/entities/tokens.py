"""Word tokens with offsets, and where each stands: sentence start, headline, all-caps line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.entities.lexicon import Lexicon, fold

# Dotted initials (U.S., A.H.), a lone initial before a space (P. in "Marsha P. Johnson"),
# or a word with inner hyphens/apostrophes/ampersands and trailing "+" (Disney+).
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|[^\W\d_]\.(?=\s)"
    r"|\w+(?:[-'’&]\w+)*\+*"
)
# Web addresses, e-mail addresses, handles and hashtags: never names.
_URLISH = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#]\w+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|fr|de|es|it|pt|uk|io|co|eu|info|be|ch|nl|ca|us|tv|me|gov|edu)\b(?:/\S*)?"
    r"|\b\w+\.\w+/\S*"
)
_ELISION = re.compile(
    r"^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu|dell|dall|nell|sull|all|coll|quell|un|dov|com)['’](?=[^\W\d_])",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"[.!?…:;]")
_OPEN_QUOTE = re.compile(r"[“«\"‘„‹(\[]")
_ENDS_SENTENCE = re.compile(r"[.!?…:;,»\"”)]\s*$")


@dataclass(slots=True)
class Token:
    """One word of the text: its surface (elision and possessive removed) and flags."""

    text: str
    start: int
    end: int
    line: int
    #: First word of a sentence, a quotation or a line: capitals prove nothing.
    initial: bool = False
    #: In a line whose words are nearly all capitalised (a headline).
    headline: bool = False
    #: In a line written in capitals.
    caps_line: bool = False
    possessive: bool = False
    #: Text between the previous token and this one.
    gap: str = ""

    @property
    def key(self) -> str:
        """Folded form for lookups."""
        return fold(self.text)

    @property
    def is_cap(self) -> bool:
        """Starts with a capital letter (or is a brand written like eZ or iPhone).

        Compounds ending in a lower-case part ("London-based", "pay-TV") are not names.
        """
        first = self.text[0]
        if "-" in self.text:
            parts = self.text.split("-")
            if not parts[-1][:1].isupper() and not parts[-1][:1].isdigit():
                return False
        return first.isupper() or self.is_camel

    @property
    def is_upper(self) -> bool:
        """Written in capitals (two letters or more)."""
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_camel(self) -> bool:
        """Mixed case inside the word (OpenAI, eZ, WeWork): a brand, never a common word."""
        head = self.text.split("-")[0]
        return (any(c.isupper() for c in head[1:]) and any(c.islower() for c in head)
                and not self.is_upper)

    @property
    def is_digit(self) -> bool:
        """Only digits."""
        return self.text.isdigit()


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses, handles and the like."""
    return [m.span() for m in _URLISH.finditer(text)]


def _line_kinds(text: str, lex: Lexicon, lang: str | None) -> list[tuple[int, bool, bool]]:
    """(line start offset, is headline, is all caps) for every line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = [m.group() for m in _TOKEN.finditer(line) if not m.group()[0].isdigit()]
        letters = [c for c in line if c.isalpha()]
        caps = len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
        headline = False
        if 2 <= len(words) <= 20 and not _ENDS_SENTENCE.search(line):
            content = [w for w in words if not lex.is_stop(w, lang)]
            upper = sum(1 for w in content if w[0].isupper())
            headline = len(content) >= 2 and upper >= 0.75 * len(content)
        out.append((pos, headline or caps, caps))
        pos += len(line) + 1
    return out


def tokenize(text: str, lex: Lexicon, lang: str | None) -> list[Token]:
    """Tokens of ``text`` with exact offsets; URLs and handles are skipped."""
    masked = url_spans(text)
    lines = _line_kinds(text, lex, lang)
    tokens: list[Token] = []
    line_no = 0
    prev_end = 0
    mask_i = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while mask_i < len(masked) and masked[mask_i][1] <= start:
            mask_i += 1
        if mask_i < len(masked) and masked[mask_i][0] <= start < masked[mask_i][1]:
            prev_end = end
            tokens.append(Token("", start, end, line_no))  # placeholder breaks chunks
            continue
        while line_no + 1 < len(lines) and lines[line_no + 1][0] <= start:
            line_no += 1
        word = match.group()
        elided = _ELISION.match(word)
        if elided and not word[0].isupper():
            start += elided.end()
            word = word[elided.end():]
        possessive = False
        cut = _POSSESSIVE.search(word)
        if cut and cut.start() > 0:
            end -= len(word) - cut.start()
            word, possessive = word[:cut.start()], True
        if end < len(text) and text[end] == "." and fold(word + ".") in lex.abbreviations:
            word, end = word + ".", end + 1
        gap = text[prev_end:start]
        prev_end = match.end()
        _, headline, caps = lines[line_no]
        token = Token(word, start, end, line_no, headline=headline, caps_line=caps,
                      possessive=possessive, gap=gap)
        prev = tokens[-1] if tokens else None
        token.initial = (
            prev is None
            or "\n" in gap
            or bool(_SENTENCE_END.search(gap))
            or bool(_OPEN_QUOTE.search(gap))
            or (prev.text.endswith(".") and len(prev.text) > 2 and fold(prev.text) not in lex.abbreviations
                and "." not in prev.text[:-1])
        )
        tokens.append(token)
    return tokens


_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z][\w']*")


def guess_lang(text: str, lex: Lexicon) -> str | None:
    """The language whose grammar words are most frequent, or None when unclear."""
    counts: dict[str, int] = {}
    for word in _LOWER_WORD.findall(text[:3000]):
        key = fold(word)
        for lang, words in lex.stopwords.items():
            if key in words:
                counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 3 else None
