"""Theme files: the shipped palettes, user themes, broken files skipped with a reason."""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.state import State, load_state, save_state
from reader.ui.themes import load_themes


def test_shipped_themes_load_in_order() -> None:
    themes = load_themes([paths.builtin_themes_dir()])
    assert themes.problems == []
    assert themes.names[:4] == ["paper", "night", "sepia", "contrast"]
    by_name = {t.name: t for t in themes.themes}
    assert not by_name["paper"].dark and by_name["night"].dark
    assert by_name["contrast"].background == "#000000"


def test_user_theme_is_added_and_can_replace_a_shipped_one(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    user.mkdir()
    (user / "mine.toml").write_text('name = "mine"\nprimary = "#336699"\ndark = false\n')
    (user / "night.toml").write_text('name = "night"\nprimary = "#ff0000"\n')
    themes = load_themes([paths.builtin_themes_dir(), user])
    assert themes.problems == []
    assert "mine" in themes.names
    night = next(t for t in themes.themes if t.name == "night")
    assert night.primary == "#ff0000"
    assert themes.names.count("night") == 1


def test_broken_theme_files_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "bad-toml.toml").write_text("name = \n")
    (tmp_path / "bad-colour.toml").write_text('primary = "not-a-colour"\n')
    (tmp_path / "no-primary.toml").write_text('name = "x"\n')
    (tmp_path / "unknown.toml").write_text('primary = "#fff"\nsparkle = true\n')
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "good.toml").write_text('primary = "#123456"\n')
    themes = load_themes([tmp_path])
    assert themes.names == ["good"]
    assert len(themes.problems) == 5
    assert any("bad-colour.toml" in p and "not a colour" in p for p in themes.problems)
    assert all(p.endswith("skipped") for p in themes.problems)


def test_state_round_trips_and_keeps_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"theme": "paper", "window": 3}')
    state = load_state(path)
    assert state.theme == "paper" and state.extra == {"window": 3}
    state.theme = "sepia"
    save_state(state, path)
    again = load_state(path)
    assert again.theme == "sepia" and again.extra == {"window": 3}
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temp file left behind


def test_corrupt_state_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json")
    assert load_state(path) == State()
    path.write_text("[1, 2]")
    assert load_state(path) == State()
    assert load_state(tmp_path / "missing.json") == State()
