"""`broadsheet dump` run as a real process: formats, stdin, bad sources, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.models import ARTICLE_KEYS

FIXTURE = Path(__file__).parent / "fixtures" / "pages" / "harbour.html"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin, capture_output=True, env=os.environ.copy(), timeout=60,
    )


def test_json_is_one_object_per_line_with_exact_keys(tmp_path: Path) -> None:
    second = tmp_path / "copy.html"
    second.write_bytes(FIXTURE.read_bytes())
    proc = run("dump", "--format", "json", str(FIXTURE), str(second))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 2
    data = json.loads(lines[0])
    assert set(data) == {*ARTICLE_KEYS, "source"}
    assert data["source"] == str(FIXTURE)
    assert data["title"] == "Ferry crews rehearse winter timetable"
    assert data["byline"] == "Maren Holt"
    assert data["published"].startswith("2026-03-04T07:15")
    assert "Accept all" not in data["text"] and "Sign up" not in data["text"]
    assert "tighter turnarounds" in data["text"]


def test_markdown_keeps_structure() -> None:
    proc = run("dump", str(FIXTURE))
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert out.startswith("*City*\n\n# Ferry crews rehearse winter timetable")
    assert "## Fewer late boats" in out
    assert "> We would rather run two boats" in out
    assert "- Weekday last boat: 22:30" in out
    assert "[half an hour earlier](<file://" in out


def test_stdin_and_text_format() -> None:
    proc = run("dump", "--format", "text", "--url", "https://ledger.example/city/ferry", "-",
               stdin=FIXTURE.read_bytes())
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert out.splitlines()[0] == "Ferry crews rehearse winter timetable"
    assert "[The north pier at dusk. Photo: Ana Ruiz]" in out


def test_bad_sources_give_one_line_each_and_the_rest_still_run(tmp_path: Path) -> None:
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    proc = run("dump", "--format", "json", str(tmp_path / "missing.html"), str(png),
               str(empty), str(tmp_path), str(FIXTURE))
    assert proc.returncode == 1
    errors = proc.stderr.decode().strip().splitlines()
    assert len(errors) == 4
    assert "no such file" in errors[0]
    assert "PNG" in errors[1]
    assert "no article text" in errors[2]
    assert "folder" in errors[3]
    assert "Traceback" not in proc.stderr.decode()
    assert len(proc.stdout.decode().splitlines()) == 1


def test_locate_prints_isolated_paths(isolated_dirs: Path) -> None:
    proc = run("locate")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert str(isolated_dirs / "config") in out
    assert str(isolated_dirs / "data") in out
    assert str(isolated_dirs / "cache") in out


@pytest.mark.parametrize("argv", [["--version"], ["dump", "--help"]])
def test_help_and_version(argv: list[str]) -> None:
    proc = run(*argv)
    assert proc.returncode == 0
    assert proc.stdout


def test_open_without_a_terminal_says_so() -> None:
    proc = run(str(FIXTURE))
    assert proc.returncode == 2
    assert b"needs a terminal" in proc.stderr


def test_config_chooses_the_entity_engine(isolated_dirs: Path) -> None:
    with_entities = json.loads(run("dump", "--format", "json", str(FIXTURE)).stdout)
    assert any(e["name"] == "Maren Holt" for e in with_entities["entities"])
    config = isolated_dirs / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text('[entities]\nengine = "none"\n', encoding="utf-8")
    without = json.loads(run("dump", "--format", "json", str(FIXTURE)).stdout)
    assert without["entities"] == []
