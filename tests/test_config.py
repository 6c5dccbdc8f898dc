"""Config: defaults with no file, bad values reported one line each and replaced by defaults."""

from __future__ import annotations

from pathlib import Path

from reader import paths
from reader.config import Config, load_config, parse_config


def test_missing_file_is_defaults() -> None:
    config, problems = load_config()
    assert config == Config()
    assert problems == []


def test_values_are_read() -> None:
    config, problems = parse_config(
        '[display]\ntheme = "sepia"\nwidth = 72\n[net]\ntimeout = 5\n'
        '[entities]\nengine = "none"\n[keymap]\nscroll_down = "j,ctrl+n"\n'
    )
    assert problems == []
    assert config.display.theme == "sepia" and config.display.width == 72
    assert config.net.timeout == 5.0
    assert config.entities.engine == "none"
    assert config.keymap == {"scroll_down": "j,ctrl+n"}


def test_bad_values_fall_back_with_one_line_each() -> None:
    config, problems = parse_config(
        '[display]\nwidth = "wide"\ncolour = 3\n[net]\ntimeout = -1\n[entities]\nengine = "magic"\n[oops]\n'
    )
    assert config.display.width == 80
    assert config.net.timeout == 30.0
    assert config.entities.engine == "builtin"
    assert len(problems) == 5
    assert all("\n" not in p for p in problems)


def test_broken_toml_file(isolated_dirs: Path) -> None:
    paths.ensure_dir(paths.config_dir())
    paths.config_file().write_text("[display\nwidth = 3", encoding="utf-8")
    config, problems = load_config()
    assert config == Config()
    assert len(problems) == 1 and "not valid TOML" in problems[0]
    assert str(paths.config_file()) in problems[0]
