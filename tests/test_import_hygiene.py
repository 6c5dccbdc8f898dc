"""The core stays free of the UI: importing and using the public API loads neither Textual nor Rich."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "pages" / "harbour.html"


def _loaded_modules(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


def test_import_reader_loads_no_ui() -> None:
    modules = _loaded_modules("import reader")
    assert not {m for m in modules if m.split(".")[0] in ("textual", "rich")}


def test_extract_loads_no_ui() -> None:
    modules = _loaded_modules(
        f"import reader\nreader.extract(open({str(FIXTURE)!r}, 'rb').read())\n"
        "from reader.core.render import to_markdown"
    )
    assert "reader.core.extract" in modules
    assert not {m for m in modules if m.split(".")[0] in ("textual", "rich")}


def test_core_sources_do_not_import_ui() -> None:
    core = Path(__file__).parents[1] / "reader" / "core"
    offenders = [
        str(path)
        for path in core.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("import textual", "from textual", "import rich", "from rich"))
    ]
    assert offenders == []
