"""Shared fixtures: every test runs with its own data, config and cache dirs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point data, config and cache dirs at temp folders so no test touches the user's."""
    home = tmp_path / "broadsheet-home"
    for env, name in ((paths.ENV_DATA, "data"), (paths.ENV_CONFIG, "config"), (paths.ENV_CACHE, "cache")):
        monkeypatch.setenv(env, str(home / name))
    monkeypatch.setenv("BROWSER", "true")
    yield home


def corpus_dir(name: str) -> Path:
    """A folder of ../shared/corpus, or skip the test when it is absent."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"shared corpus {name} not available")
    return path
