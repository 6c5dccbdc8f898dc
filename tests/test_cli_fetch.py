"""`broadsheet dump URL` against a real local HTTP server: pages, failures, cache and offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpserver import LocalServer

from reader import paths


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        yield srv


@pytest.fixture(autouse=True)
def short_timeouts(isolated_dirs: Path) -> None:
    paths.ensure_dir(paths.config_dir())
    paths.config_file().write_text(
        "[net]\nconnect_timeout = 1\ntimeout = 1.5\nmax_bytes = 1000000\n", encoding="utf-8"
    )


def dump(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "dump", *args], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=60)


def test_url_is_fetched_and_extracted(server: LocalServer) -> None:
    proc = dump("--format", "json", server.url("/redirect/3"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["title"] == "Harbour bridge reopens after repairs"
    assert data["url"] == server.url("/ok")
    assert "Engineers replaced the cables" in data["text"]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/status/404", "404"),
        ("/status/500", "500"),
        ("/loop/a", "redirect"),
        ("/image", "image/png"),
        ("/empty", "empty"),
        ("/slow?s=5", "1.5 s"),
        ("/gzip-bomb?mb=64", "big"),
    ],
)
def test_failures_are_one_clear_line(server: LocalServer, path: str, words: str) -> None:
    proc = dump(server.url(path), server.url("/ok"))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert words.lower() in lines[0].lower()
    assert "Traceback" not in proc.stderr
    assert "Harbour bridge reopens" in proc.stdout  # the other source still ran


def test_refused_and_dns_failures() -> None:
    proc = dump("http://127.0.0.1:9/page", "http://no-such-host.invalid/page")
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 2
    assert "Traceback" not in proc.stderr


def test_offline_reads_the_cache(server: LocalServer) -> None:
    url = server.url("/etag")
    assert dump(url).returncode == 0
    proc = dump("--offline", "--format", "json", url)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"]
    miss = dump("--offline", server.url("/ok?never-fetched"))
    assert miss.returncode == 1 and len(miss.stderr.strip().splitlines()) == 1
