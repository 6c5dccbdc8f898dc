"""Every path Broadsheet uses, decided in one place (tests point these at temp dirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "broadsheet"

#: Environment variables that override each directory (used by tests and power users).
ENV_DATA = "BROADSHEET_DATA_DIR"
ENV_CONFIG = "BROADSHEET_CONFIG_DIR"
ENV_CACHE = "BROADSHEET_CACHE_DIR"


def _dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported late: only the CLI and app need it

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Bookmarks, history and app state live here."""
    return _dir(ENV_DATA, "data")


def config_dir() -> Path:
    """The user's config.toml and user themes; never written by the app."""
    return _dir(ENV_CONFIG, "config")


def cache_dir() -> Path:
    """Fetched pages; safe to delete."""
    return _dir(ENV_CACHE, "cache")


def config_file() -> Path:
    """The user's TOML config file."""
    return config_dir() / "config.toml"


def user_themes_dir() -> Path:
    """Extra theme files the user adds."""
    return config_dir() / "themes"


def database_file() -> Path:
    """The SQLite library: bookmarks, history, entity index."""
    return data_dir() / "library.sqlite3"


def state_file() -> Path:
    """Small app state (chosen theme...), written atomically by the app."""
    return data_dir() / "state.json"


def http_cache_dir() -> Path:
    """Cached HTTP responses."""
    return cache_dir() / "http"


def package_dir() -> Path:
    """The installed ``reader`` package."""
    return Path(__file__).resolve().parent


def demo_dir() -> Path:
    """The built-in demo library shipped as package data."""
    return package_dir() / "demo"


def builtin_themes_dir() -> Path:
    """Theme files shipped with Broadsheet (``themes/`` at the top of the project)."""
    shipped = package_dir() / "themes"
    if shipped.is_dir():
        return shipped
    return package_dir().parent / "themes"


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
