"""Theme files (TOML palettes) turned into Textual themes; broken files are reported, not fatal."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from reader import paths

DEFAULT_THEME = "paper"

_COLOURS = ("primary", "secondary", "accent", "foreground", "background", "surface",
            "panel", "boost", "warning", "error", "success")
_KNOWN = {*_COLOURS, "name", "order", "dark", "luminosity_spread", "text_alpha", "variables"}


class ThemeFileError(ValueError):
    """A theme file that cannot be used, with a one-line reason."""


@dataclass
class ThemeSet:
    """The usable themes in cycling order, and one line per file that was skipped."""

    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """Theme names in cycling order."""
        return [theme.name for theme in self.themes]


def parse_theme(data: dict[str, Any], fallback_name: str) -> tuple[Theme, int]:
    """A Theme and its sort order from a theme file's table; raises ThemeFileError."""
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise ThemeFileError(f"unknown key {unknown[0]!r}")
    name = data.get("name", fallback_name)
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError("name should be a non-empty string")
    if "primary" not in data:
        raise ThemeFileError("missing the primary colour")
    colours: dict[str, str] = {}
    for key in _COLOURS:
        if key in data:
            value = data[key]
            if not isinstance(value, str):
                raise ThemeFileError(f"{key} should be a colour string")
            try:
                Color.parse(value)
            except ColorParseError:
                raise ThemeFileError(f"{key} is not a colour: {value!r}") from None
            colours[key] = value
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError("dark should be true or false")
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variables.items()
    ):
        raise ThemeFileError("[variables] should map names to strings")
    extra: dict[str, float] = {}
    for key in ("luminosity_spread", "text_alpha"):
        if key in data:
            value = data[key]
            if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
                raise ThemeFileError(f"{key} should be a number from 0 to 1")
            extra[key] = float(value)
    order = data.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        raise ThemeFileError("order should be an integer")
    get = colours.get
    theme = Theme(
        name=name.strip(), primary=colours["primary"], secondary=get("secondary"),
        warning=get("warning"), error=get("error"), success=get("success"),
        accent=get("accent"), foreground=get("foreground"), background=get("background"),
        surface=get("surface"), panel=get("panel"), boost=get("boost"), dark=dark,
        variables=dict(variables),
    )
    for key, number in extra.items():
        setattr(theme, key, number)
    return theme, order


def load_theme_file(path: Path) -> tuple[Theme, int]:
    """Read one theme file; raises ThemeFileError with a short reason."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ThemeFileError(f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ThemeFileError("not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(f"not valid TOML ({exc})") from None
    return parse_theme(data, path.stem)


def load_themes(dirs: list[Path] | None = None) -> ThemeSet:
    """Themes from the built-in folder then the user's; a later file with the same name wins."""
    if dirs is None:
        dirs = [paths.builtin_themes_dir(), paths.user_themes_dir()]
    found: dict[str, tuple[int, int, Theme]] = {}
    problems: list[str] = []
    for rank, folder in enumerate(dirs):
        try:
            files = sorted(folder.glob("*.toml"))
        except OSError:
            continue
        for path in files:
            try:
                theme, order = load_theme_file(path)
            except ThemeFileError as exc:
                problems.append(f"theme {path}: {exc}; skipped")
                continue
            found[theme.name] = (rank, order, theme)
    ordered = sorted(found.values(), key=lambda item: (item[0], item[1], item[2].name))
    return ThemeSet([theme for _, _, theme in ordered], problems)
