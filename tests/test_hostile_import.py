"""A hostile bookmarks import file: nothing dangerous reaches the listing or any export."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.hostile import assert_clean, hostile_pocket_csv


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "bookmarks", *args], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=120)


def test_hostile_pocket_import_is_cleaned(tmp_path: Path) -> None:
    source = tmp_path / "pocket.csv"
    source.write_text(hostile_pocket_csv(), encoding="utf-8")
    imported = run("import", str(source), "--format", "pocket")
    assert imported.returncode == 0, imported.stderr
    listing = run("list")
    assert listing.returncode == 0
    outputs = [imported.stdout, imported.stderr, listing.stdout]
    for fmt in ("json", "html", "markdown"):
        exported = run("export", "--format", fmt)
        assert exported.returncode == 0, exported.stderr
        outputs.append(exported.stdout)
    for out in outputs:
        assert_clean(out)
        assert "pwned" not in out and "evil.example" not in out
    assert listing.stdout.count("Alpha") >= 10  # the titles are there, made safe
    assert "[@click=app.quit]quit-link[/]" in listing.stdout  # markup shown literally
