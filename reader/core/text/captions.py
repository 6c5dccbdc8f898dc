"""Photo captions and credits in a dump: credit marks, bracketed and slashed credits."""

from __future__ import annotations

from reader.core.text.cues import Cues
from reader.core.text.lines import Line


def is_caption(ln: Line, c: Cues) -> bool:
    """A photo caption or credit line: carries a credit mark and is not running prose."""
    if ln.caption is None:
        text = ln.text
        ln.caption = bool(
            "©" in text or "(c)" in text or "(C)" in text
            or c.prefix("credit", text)
            or (text.startswith("(") and text.endswith(")") and ln.words <= 10)
            or (ln.words <= 40 and not ln.alone and text.endswith(c.credit_marks))
            or (ln.words <= 60 and _credit_tail(text, c))
            or _credit_names(ln)
        )
    return ln.caption


def _credit_names(ln: Line) -> bool:
    """A photographer and agency joined by a slash: "Jane Doe/Example Images"."""
    text = ln.text
    if not 2 <= ln.words <= 6 or "/" not in text or " / " in text or text[-1] in ".!?:":
        return False
    left, _, right = text.partition("/")
    return left[:1].isupper() and bool(right) and not right[0].isspace() and " " in left


def caption_under(credit: Line, ln: Line, c: Cues) -> bool:
    return credit_only(credit, c) and ln.kind == "text" and not ln.alone and ln.words <= 40 and not is_caption(ln, c)


def credit_only(ln: Line, c: Cues) -> bool:
    """A photo credit on a line of its own ("© Getty Images", "Foto: Skoda")."""
    return ln.kind == "text" and ln.words <= 6 and is_caption(ln, c)


def beside_credit(lines: list[Line], j: int, c: Cues) -> bool:
    """Next to a lone photo credit: the photo's caption."""
    return any(credit_only(lines[k], c) for k in (j - 1, j + 1) if 0 <= k < len(lines))


def _credit_tail(text: str, c: Cues) -> bool:
    """Ends with a photographer and agency in brackets: "(Jane Doe/AP)", "(Photo: Reuters)"."""
    if not text.endswith(")"):
        return False
    open_at = text.rfind("(")
    inner = text[open_at + 1:-1] if open_at > 0 else ""
    if not inner or len(inner.split()) > 6:
        return False
    return "/" in inner or any(mark in inner for mark in c.credit_marks) or bool(c.prefix("credit", inner))


def split_credit(text: str, c: Cues) -> tuple[str, str]:
    """(caption, credit) of a caption line."""
    folded = text.casefold()
    # The credit starts at its first mark: in "Photo: Getty Images" at "Photo:", not at
    # "Images", whichever cue is tried first.
    found = [pos for mark in ("©", *c.prefixes["credit"]) if (pos := folded.find(mark)) >= 0]
    if found:
        pos = min(found)
        return (text[:pos].strip(), text[pos:].strip()) if pos else ("", text)
    if text.endswith(")") and "(" in text:
        pos = text.rfind("(")
        return text[:pos].strip(), text[pos:].strip("() ")
    return text, ""
