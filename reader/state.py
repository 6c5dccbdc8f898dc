"""The app's own small state file (chosen theme...), written atomically; never the user's config."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import paths


@dataclass
class State:
    """What the app remembers between runs. Unknown keys found on disk are kept."""

    theme: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def load_state(path: Path | None = None) -> State:
    """The saved state; a missing or unreadable file gives the defaults."""
    path = path or paths.state_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return State()
    if not isinstance(raw, dict):
        return State()
    theme = raw.pop("theme", "")
    return State(theme=theme if isinstance(theme, str) else "", extra=raw)


def save_state(state: State, path: Path | None = None) -> None:
    """Write the state through a temp file and ``os.replace``, so a crash never leaves half a file."""
    path = path or paths.state_file()
    paths.ensure_dir(path.parent)
    data = {**state.extra, "theme": state.theme}
    fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
