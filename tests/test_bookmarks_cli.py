"""`broadsheet bookmarks ...` run as a real process against a real library in a temp dir."""

from __future__ import annotations

import http.server
import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import paths
from reader.storage import Library

IMPORTS = Path(__file__).parent / "fixtures" / "imports"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lighthouse keepers return | The Coast Post</title></head><body>
<nav><a href="/">Home</a> <a href="/sea">Sea</a></nav>
<article><h1>Lighthouse keepers return</h1>
<p>After twenty years of automation, the lighthouse on the northern cape has a keeper again.
Marta Silva moved in on Monday with two dogs and a radio, and she plans to stay all winter.</p>
<p>The harbour board says a person on site costs less than repairs after each storm. Keepers
log the weather, watch the shipping lane and keep the lamp room clean.</p>
<p>Marta Silva says the nights are long but never quiet: the sea is always talking.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""

# Until the lead wires `bookmarks` into reader/cli.py, run our parser with a tiny argparse.
_RUNNER = (
    "import argparse, sys\n"
    "from reader import cli_bookmarks\n"
    "parser = argparse.ArgumentParser(prog='broadsheet')\n"
    "sub = parser.add_subparsers(dest='command', required=True)\n"
    "cli_bookmarks.add_parser(sub)\n"
    "sys.exit(cli_bookmarks.run(parser.parse_args()))\n"
)


def _command() -> list[str]:
    try:
        from reader import cli

        wired = "bookmarks" in getattr(cli, "COMMANDS", ())
    except ImportError:
        wired = False
    return [sys.executable, "-m", "reader"] if wired else [sys.executable, "-c", _RUNNER]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [*_command(), "bookmarks", *args], input=stdin, capture_output=True,
        env=os.environ.copy(), timeout=60,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode(), proc.stderr.decode())


def assert_one_line_error(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("broadsheet: ") and "Traceback" not in proc.stderr


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "lighthouse.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_add_list_search_remove(page: Path) -> None:
    added = run("add", str(page), "--tag", "sea", "--note", "for the weekend")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "saved 1: Lighthouse keepers return"
    from_stdin = run("add", "-", "--url", "https://coast.example/keepers", stdin=PAGE.encode())
    assert from_stdin.returncode == 0 and from_stdin.stdout.startswith("saved 2:")

    listed = run("list")
    lines = listed.stdout.splitlines()
    assert listed.returncode == 0 and len(lines) == 2
    assert lines[1].split()[:2] == ["1", "*"] and lines[1].endswith("#sea")
    assert run().stdout == listed.stdout  # no action lists

    found = run("search", "lightho", "keep")
    assert found.returncode == 0 and len(found.stdout.splitlines()) == 2
    assert run("search", "weekend").stdout.split()[0] == "1"  # notes are searched
    assert run("search", '"(NEAR').stdout == ""

    with Library(paths.database_file()) as lib:
        saved = lib.get(2)
        assert saved is not None and saved.url == "https://coast.example/keepers"
        copy = lib.article(2)
        assert copy is not None and "Marta Silva" in copy.text and "newsletter" not in copy.text

    removed = run("remove", "1")
    assert removed.returncode == 0 and removed.stdout.startswith("removed 1:")
    assert_one_line_error(run("remove", "1"))
    assert len(run("list").stdout.splitlines()) == 1


def test_export_and_import_round_trip(page: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    run("add", str(page), "--tag", "sea")
    imported = run("import", str(IMPORTS / "pocket.csv"))
    assert imported.returncode == 0, imported.stderr
    assert "4 added, 1 already saved, 1 skipped" in imported.stdout

    exported = run("export")
    assert exported.returncode == 0 and "exported 5 bookmarks" in exported.stderr
    data = json.loads(exported.stdout)
    assert len(data["bookmarks"]) == 5

    target = tmp_path / "library.html"
    as_html = run("export", "--format", "html", "--output", str(target))
    assert as_html.returncode == 0 and as_html.stdout == ""
    assert target.read_text(encoding="utf-8").count("<DT><A HREF=") == 5
    markdown = run("export", "-f", "markdown")
    assert markdown.stdout.startswith("# Bookmarks") and "#science #sea" in markdown.stdout

    (tmp_path / "export.json").write_text(exported.stdout, encoding="utf-8")
    monkeypatch.setenv(paths.ENV_DATA, str(tmp_path / "second-data"))
    again = run("import", str(tmp_path / "export.json"), "--format", "json")
    assert again.returncode == 0 and "5 added" in again.stdout
    assert json.loads(run("export").stdout)["bookmarks"] == data["bookmarks"]


def test_errors_are_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run("add", str(tmp_path / "missing.html")))
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert_one_line_error(run("add", str(empty)))
    assert_one_line_error(run("import", str(tmp_path / "missing.csv")))
    assert_one_line_error(run("export", "-o", str(tmp_path / "no" / "such" / "dir.json")))
    usage = run("remove", "abc")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_damaged_library_is_reported_once_and_replaced(page: Path) -> None:
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database at all" * 100)
    first = run("add", str(page))
    assert first.returncode == 0
    assert len(first.stderr.splitlines()) == 1 and "new, empty library" in first.stderr
    second = run("list")
    assert second.stderr == "" and len(second.stdout.splitlines()) == 1


def test_waits_for_another_writer(page: Path) -> None:
    Library().close()
    holder = sqlite3.connect(paths.database_file(), isolation_level=None,
                             check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, holder.execute, args=("COMMIT",)).start()
    proc = run("add", str(page))
    assert proc.returncode == 0, proc.stderr
    holder.close()


@pytest.fixture
def served_page() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sea/keepers"
    server.shutdown()
    server.server_close()


def test_add_url(served_page: str) -> None:
    proc = run("add", served_page)
    assert proc.returncode == 0, proc.stderr
    with Library() as lib:
        saved = lib.get(1)
        assert saved is not None and saved.url == served_page


def test_export_is_utf8_whatever_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "list.csv"
    source.write_text("title,url,time_added,tags,status\n"
                      "Zürich à l’heure,https://z.example/ü,1700000000,städte,unread\n",
                      encoding="utf-8")
    assert run("import", str(source)).returncode == 0
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    proc = subprocess.run([*_command(), "bookmarks", "export"], capture_output=True,
                          env=os.environ.copy(), timeout=60)
    data = json.loads(proc.stdout.decode("utf-8"))
    assert data["bookmarks"][0]["title"] == "Zürich à l’heure"
    assert data["bookmarks"][0]["tags"] == ["städte"]
