"""Reading time: per-language speeds, CJK by characters."""

from __future__ import annotations

from reader.core.reading import reading_minutes


def test_empty_text_takes_no_time() -> None:
    assert reading_minutes("   ") == 0


def test_short_text_takes_a_minute() -> None:
    assert reading_minutes("A few words.") == 1


def test_language_speed_matters() -> None:
    text = "mot " * 2000
    assert reading_minutes(text, "en") < reading_minutes(text, "de")


def test_cjk_counted_by_characters() -> None:
    assert reading_minutes("天" * 3000, "ja") == 8
    assert reading_minutes("天" * 3000, "ja") < reading_minutes("天" * 3000, "zh")
