"""Word tokens with offsets, and where each stands: sentence start, headline, all-caps line."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reader.core.entities.lexicon import Lexicon, fold

# Dotted initials (U.S., A.H.), a lone initial before a space (P. in "Marsha P. Johnson"),
# or a word with inner hyphens/apostrophes/ampersands and trailing "+" (Disney+).
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?:[^\W\d_](?!\w))?"
    r"|[^\W\d_]\.(?=\s)"
    r"|\w+(?:[-'’&]\w+)*\+*"
)
# Web addresses, e-mail addresses, handles and hashtags: never names.
_URLISH = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#]\w+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|fr|de|es|it|pt|uk|io|co|eu|info|be|ch|nl|ca|us|tv|me|gov|edu)\b(?:/\S*)?"
    r"|\b\w+\.\w+/\S*"
)
_GAP_TOKEN = re.compile(r"(\W*)(" + _TOKEN.pattern + ")")
# Every branch opens with a literal character so the scan skips ahead to those; the word
# character before a dot is checked behind it (the hint then starts one character later,
# which url_spans does not mind: it widens each hint to its space-free stretch).
_URL_HINT = re.compile(
    r"://|www\.|[@#]\w|\.(?<=\w\.)(?:com|org|net|fr|de|es|it|pt|uk|io|co|eu|info|be|ch|nl|ca|us|tv|me|gov|edu)\b"
    r"|\.(?<=\w\.)\w+/"
)
_ELISION = re.compile(
    r"^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu|dell|dall|nell|sull|all|coll|quell|un|dov|com)['’](?=[^\W\d_])",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"[.!?…:;]|\s[—–]\s")
_OPEN_QUOTE = re.compile(r"[“«\"‘„‹(\[]")
_ENDS_SENTENCE = re.compile(r"[.!?…:;,»\"”)]\s*$")


class Token:
    """One word of the text: its surface (elision and possessive removed) and flags.

    ``initial``: first word of a sentence, a quotation or a line (capitals prove
    nothing there); ``headline``: in a line whose words are nearly all capitalised;
    ``caps_line``: in a line written in capitals; ``gap``: the text between the
    previous token and this one; ``key``: the folded form used for lookups.
    """

    __slots__ = ("caps_line", "end", "gap", "headline", "initial", "is_camel", "is_cap", "is_digit",
                 "is_upper", "key", "line", "possessive", "start", "text")

    def __init__(self, text: str, start: int, end: int, line: int, gap: str = "", key: str = "",
                 headline: bool = False, caps_line: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.gap = gap
        self.key = key
        self.headline = headline
        self.caps_line = caps_line
        self.initial = False
        self.possessive = False
        self.is_cap = False
        self.is_upper = False
        self.is_camel = False
        self.is_digit = False

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


class _LowerToken(Token):
    """A lower-case word: its flags are all false and its line is never asked, so none is stored."""

    __slots__ = ()
    line = 0  # type: ignore[assignment]
    headline = False  # type: ignore[assignment]
    caps_line = False  # type: ignore[assignment]
    initial = False  # type: ignore[assignment]
    possessive = False  # type: ignore[assignment]
    is_cap = False  # type: ignore[assignment]
    is_upper = False  # type: ignore[assignment]
    is_camel = False  # type: ignore[assignment]
    is_digit = False  # type: ignore[assignment]

    def __init__(self, text: str, start: int, end: int, gap: str, key: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.gap = gap
        self.key = key


def _non_latin(word: str) -> int:
    """Index where a word written in Latin letters turns to another script, or 0."""
    latin = False
    for i, c in enumerate(word):
        o = ord(c)
        if o <= 0x24F or 0x1E00 <= o <= 0x1EFF:
            latin = latin or c.isalpha()
        elif c.isalpha():
            return i if latin else 0
    return 0


def _brand_prefix(word: str) -> bool:
    """eZ, iPhone, macOS: a short ASCII lower-case start; not "àJean" (glued words) or "setUpClass" (code)."""
    n = 0
    while n < len(word) and word[n].islower():
        n += 1
    return n <= 3 and word[:n].isascii()


@lru_cache(maxsize=1 << 14)  # names recur through an article and across articles
def _shape(word: str) -> tuple[bool, bool, bool, bool]:
    """(capitalised, all capitals, camel case, digits) of a word.

    Capitalised includes brands written like eZ or iPhone; compounds ending in a
    lower-case part ("London-based", "pay-TV") are not capitalised.
    """
    if word.isdigit():
        return False, False, False, True
    if word.islower() or "_" in word:
        return False, False, False, False  # code identifiers (MAX_SIZE, set_up) are not names
    if word[0].isdigit():
        # "132kV", "5G", "11am" are measures; a brand like "3DJuegos" has a word in it
        letters = word.lstrip("0123456789")
        if len(letters) < 3 or letters.isupper() or letters.islower():
            return False, False, False, False
    upper = word.isupper() and sum(c.isalpha() for c in word) >= 2
    head = word.split("-")[0]
    camel = (not upper and any(c.isupper() for c in head[1:]) and any(c.islower() for c in head)
             and (head[0].isupper() or _brand_prefix(head)))
    cap = word[0].isupper() or camel
    if cap and "-" in word:
        last = word.rsplit("-", 1)[1][:1]
        if last and not (last.isupper() or last.isdigit()):
            cap = False
    return cap, upper, camel, False


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses, handles and the like."""
    # Addresses hold no spaces: look only at the space-free stretches with a hint of one,
    # the full pattern is too slow to try at every word of an article.
    out: list[tuple[int, int]] = []
    done = -1
    for hint in _URL_HINT.finditer(text):
        if hint.start() < done:
            continue
        start = max(text.rfind(" ", 0, hint.start()), text.rfind("\n", 0, hint.start())) + 1
        end = len(text)
        for sep in (" ", "\n"):
            found = text.find(sep, hint.end())
            if 0 <= found < end:
                end = found
        out.extend(m.span() for m in _URLISH.finditer(text, start, end))
        done = end
    return out


def _line_kinds(text: str, lex: Lexicon, lang: str | None) -> list[tuple[int, bool, bool]]:
    """(line start offset, is headline, is all caps) for every line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        # upper case, and in a cased script (Hangul or Han text is "upper" to Python)
        caps = line.isupper() and len(line) >= 4 and (
            2 * sum(c.isupper() for c in line) >= sum(c.isalpha() for c in line)
        )
        headline = False
        words: list[str] = []
        if len(line) < 140 and not _ENDS_SENTENCE.search(line):
            words = [w for w in _TOKEN.findall(line) if not w[0].isdigit()]
        if 2 <= len(words) <= 20:
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
    n_masked = len(masked)
    next_line = lines[1][0] if len(lines) > 1 else len(text) + 1
    n_text = len(text)
    _, headline, caps = lines[0]
    pos = 0
    for skipped, word in _GAP_TOKEN.findall(text):
        # offsets by arithmetic: findall is much cheaper than a match object per word
        start = pos + len(skipped)
        end = pos = start + len(word)
        if start >= next_line:
            while next_line <= start:
                line_no += 1
                next_line = lines[line_no + 1][0] if line_no + 1 < len(lines) else n_text + 1
            _, headline, caps = lines[line_no]
        if not n_masked and word.islower() and "'" not in word and "’" not in word:
            # the common case, kept cheap: only capitalised words need flags and sentence starts
            tokens.append(_LowerToken(word, start, end, text[prev_end:start], word if word.isascii() else fold(word)))
            prev_end = end
            continue
        if n_masked:
            while mask_i < n_masked and masked[mask_i][1] <= start:
                mask_i += 1
            if mask_i < n_masked and masked[mask_i][0] <= start < masked[mask_i][1]:
                tokens.append(Token("", start, end, line_no, text[prev_end:start]))  # breaks chunks
                prev_end = end
                continue
        possessive = False
        if "'" in word or "’" in word:
            elided = _ELISION.match(word)
            if elided and (not word[0].isupper() or word[0] == "L"):
                start += elided.end()
                word = word[elided.end():]
            cut = _POSSESSIVE.search(word)
            if cut and cut.start() > 0:
                end -= len(word) - cut.start()
                word, possessive = word[:cut.start()], True
        if end < n_text and text[end] == "." and fold(word + ".") in lex.abbreviations:
            word, end = word + ".", end + 1
        chopped = False  # the rest of the word then separates this token from the next
        if not word.isascii():
            script_end = _non_latin(word)
            if script_end:
                # "MBC와": a Latin name with another script's particle glued on
                word = word[:script_end]
                end = start + script_end
                chopped = True
        if "-" in word and word[0].isupper():
            head, _, rest = word.partition("-")
            if rest[:1].islower() and head.isalpha():
                # "London-based", "New York-listed": the name without its suffix
                word = head
                end = start + len(head)
                chopped = True
        if "-" in word and word[0].isupper():
            parts = word.split("-")
            if len(parts) == 2 and all(fold(p) in lex.known for p in parts):
                # "US-China": two names side by side, not one
                first = Token(parts[0], start, start + len(parts[0]), line_no, text[prev_end:start],
                              fold(parts[0]), headline, caps)
                first.is_cap, first.is_upper, first.is_camel, first.is_digit = _shape(parts[0])
                first.initial = not tokens or "\n" in first.gap or bool(_SENTENCE_END.search(first.gap))
                tokens.append(first)
                prev_end = first.end + 1
                start += len(parts[0]) + 1
                word = parts[1]
        gap = text[prev_end:start]
        prev_end = end if end > pos or chopped else pos
        if word.islower():
            # only capitalised words need their flags and whether they open a sentence
            tokens.append(_LowerToken(word, start, end, gap, word if word.isascii() else fold(word)))
            continue
        token = Token(word, start, end, line_no, gap, fold(word), headline, caps)
        token.is_cap, token.is_upper, token.is_camel, token.is_digit = _shape(word)
        token.possessive = possessive
        if not tokens:
            token.initial = True
        elif gap == " ":
            prev_text = tokens[-1].text
            token.initial = (len(prev_text) > 2 and prev_text[-1] == "."
                             and tokens[-1].key not in lex.abbreviations and "." not in prev_text[:-1])
        else:
            # a new line or table cell, a sentence end or an opening quote
            token.initial = "\n" in gap or "\t" in gap or bool(_SENTENCE_END.search(gap) or _OPEN_QUOTE.search(gap))
        tokens.append(token)
    return tokens


_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z][\w']*")


def guess_lang(text: str, lex: Lexicon, declared: str | None = None) -> str | None:
    """The language whose grammar words are most frequent, or None when unclear.

    A ``declared`` language (from the page) is kept unless the text plainly is in
    another one: pages often declare their site's language, not the article's.
    """
    counts: dict[str, int] = {}
    middle = len(text) // 2
    sample = text[:1500] + " " + text[middle:middle + 1000] + " " + text[-500:] if len(text) > 3000 else text
    for word, n in Counter(_LOWER_WORD.findall(sample)).items():
        for lang in lex.stop_langs.get(word, ()):
            counts[lang] = counts.get(lang, 0) + n
    if not counts:
        return declared
    best = max(counts, key=lambda k: counts[k])
    if declared is not None:
        return best if counts[best] >= 10 and counts.get(declared, 0) < 0.5 * counts[best] else declared
    return best if counts[best] >= 3 else None
