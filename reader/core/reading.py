"""Reading time: words over a per-language reading speed, CJK counted by characters."""

from __future__ import annotations

import math
import re

# Silent reading speeds in words per minute (Trauzettel-Klosinski & Dietz, 2012,
# IReST standard texts), and characters per minute for CJK scripts.
WORDS_PER_MINUTE = {
    "en": 228, "fr": 195, "de": 179, "es": 218, "it": 188, "pt": 181, "nl": 202,
    "pl": 166, "sv": 199, "fi": 161, "ru": 184, "tr": 166, "ar": 138, "he": 187,
}
DEFAULT_WPM = 200
CJK_CHARS_PER_MINUTE = {"zh": 255, "ja": 357, "ko": 300}
DEFAULT_CJK_CPM = 300

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def reading_minutes(text: str, lang: str | None = None) -> int:
    """Whole minutes to read ``text`` (at least 1 when there is any text)."""
    if not text.strip():
        return 0
    cjk = len(_CJK.findall(text))
    rest = _CJK.sub(" ", text) if cjk else text
    words = len(_WORD.findall(rest))
    minutes = words / WORDS_PER_MINUTE.get(lang or "", DEFAULT_WPM)
    if cjk:
        minutes += cjk / CJK_CHARS_PER_MINUTE.get(lang or "", DEFAULT_CJK_CPM)
    return max(1, math.floor(minutes + 0.5))
