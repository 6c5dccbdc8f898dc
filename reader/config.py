"""The user's TOML config, read into frozen dataclasses; the app never writes it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reader import paths


@dataclass(frozen=True)
class DisplayConfig:
    """How articles are shown."""

    theme: str = ""  # empty: the remembered choice, else "paper"
    width: int = 80  # text column width in cells
    sidebar: bool = True


@dataclass(frozen=True)
class NetConfig:
    """Fetching limits."""

    connect_timeout: float = 10.0
    timeout: float = 30.0
    max_redirects: int = 10
    max_bytes: int = 20 * 1024 * 1024
    prefetch: int = 5
    prefetch_concurrency: int = 3
    offline: bool = False


@dataclass(frozen=True)
class EntitiesConfig:
    """Which entity engine runs: "builtin", "spacy" (merged with builtin) or "none"."""

    engine: str = "builtin"


@dataclass(frozen=True)
class Config:
    """The whole config; every field has a default that works with nothing installed."""

    display: DisplayConfig = field(default_factory=DisplayConfig)
    net: NetConfig = field(default_factory=NetConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    #: binding id -> comma-separated keys, e.g. {"scroll_down": "j,down,ctrl+n"}
    keymap: dict[str, str] = field(default_factory=dict)


_SECTIONS = {"display": DisplayConfig, "net": NetConfig, "entities": EntitiesConfig}
_ENGINES = ("builtin", "spacy", "none")


def _coerce(section: str, cls: type, raw: Any, problems: list[str]) -> Any:
    default = cls()
    if not isinstance(raw, dict):
        problems.append(f"[{section}] should be a table")
        return default
    values: dict[str, Any] = {}
    known = {f.name: f for f in fields(cls)}
    for key, value in raw.items():
        if key not in known:
            problems.append(f"[{section}] unknown setting {key!r}")
            continue
        expected = type(getattr(default, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            problems.append(f"[{section}] {key} should be {expected.__name__}, got {value!r}")
            continue
        if expected in (int, float) and value <= 0:
            problems.append(f"[{section}] {key} should be positive, got {value!r}")
            continue
        values[key] = value
    return replace(default, **values)


def parse_config(text: str) -> tuple[Config, list[str]]:
    """Config from TOML text, plus one line per problem (bad values fall back to defaults)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(), [f"not valid TOML ({exc}); using defaults"]
    problems: list[str] = []
    parts: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _SECTIONS:
            parts[key] = _coerce(key, _SECTIONS[key], value, problems)
        elif key == "keymap":
            if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
                parts["keymap"] = dict(value)
            else:
                problems.append("[keymap] should map binding ids to key strings")
        else:
            problems.append(f"unknown section [{key}]")
    config = Config(**parts)
    if config.entities.engine not in _ENGINES:
        problems.append(
            f"[entities] engine should be one of {', '.join(_ENGINES)}; using builtin"
        )
        config = replace(config, entities=EntitiesConfig())
    return config, problems


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """Read the user's config file; a missing file is the defaults, a bad one is reported."""
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), []
    except (OSError, UnicodeDecodeError) as exc:
        return Config(), [f"{path}: cannot read ({exc}); using defaults"]
    config, problems = parse_config(text)
    return config, [f"{path}: {p}" for p in problems]
