"""Back/forward history: browser semantics and remembered scroll positions."""

from __future__ import annotations

from reader.core.history import History


def test_empty_history_has_nowhere_to_go() -> None:
    history = History()
    assert history.current is None
    assert history.position == (0, 0)
    assert not history.can_back and not history.can_forward
    assert history.back() is None and history.forward() is None


def test_back_and_forward_walk_the_stack() -> None:
    history = History()
    for source in ("a", "b", "c"):
        history.visit(source)
    assert history.position == (3, 3)
    assert history.back().source == "b"  # type: ignore[union-attr]
    assert history.back().source == "a"  # type: ignore[union-attr]
    assert history.back() is None
    assert history.current.source == "a"  # type: ignore[union-attr]
    assert history.forward().source == "b"  # type: ignore[union-attr]
    assert history.position == (2, 3)
    assert history.can_back and history.can_forward


def test_visiting_a_new_page_drops_forward_entries() -> None:
    history = History()
    for source in ("a", "b", "c"):
        history.visit(source)
    history.back()
    history.back()
    history.visit("d")
    assert [e.source for e in history.entries] == ["a", "d"]
    assert not history.can_forward


def test_revisiting_the_current_page_adds_nothing() -> None:
    history = History()
    history.visit("a", "First")
    entry = history.visit("a", "First, renamed")
    assert len(history) == 1 and entry.title == "First, renamed"


def test_scroll_positions_are_kept_per_entry() -> None:
    history = History()
    history.visit("a")
    history.remember_scroll(40)
    history.visit("b")
    history.remember_scroll(7)
    assert history.back().scroll == 40  # type: ignore[union-attr]
    assert history.forward().scroll == 7  # type: ignore[union-attr]
    history.remember_scroll(-3)
    assert history.current.scroll == 0  # type: ignore[union-attr]


def test_peek_does_not_move_and_go_moves() -> None:
    history = History()
    history.visit("a")
    history.visit("b")
    assert history.peek(-1).source == "a"  # type: ignore[union-attr]
    assert history.current.source == "b"  # type: ignore[union-attr]
    assert history.peek(1) is None and history.peek(-2) is None
    assert history.go(-1).source == "a"  # type: ignore[union-attr]
    assert history.go(5) is None and history.current.source == "a"  # type: ignore[union-attr]


def test_limit_drops_the_oldest_pages() -> None:
    history = History(limit=3)
    for n in range(5):
        history.visit(str(n))
    assert [e.source for e in history.entries] == ["2", "3", "4"]
    assert history.position == (3, 3)
