"""The app over the hostile corpus: its screenshot and its real terminal output stay clean."""

from __future__ import annotations

import contextlib
import html
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.config import Config
from reader.ui.app import create_app
from tests.hostile import MARKUP, assert_clean, hostile_dump, hostile_page

# Payloads the tricks carry: none may reach the terminal in any form.
PAYLOADS = ("pwned", "evil.example", "cm0gLXJmIH4=")


async def _shown(source: Path) -> str:
    app = create_app(source=str(source), config=Config())
    async with app.run_test(size=(120, 60)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            page = getattr(app.screen, "page", None)
            if page is not None and getattr(page, "article", None) is not None:
                break
        else:
            pytest.fail("the hostile page never opened")
        await pilot.pause(0.2)
        assert app.is_running  # no [@click=app.quit] was acted on
        return app.export_screenshot()


@pytest.mark.parametrize("make", [hostile_page, hostile_dump])
async def test_screenshot_shows_tricks_as_text(make: object, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(make(), encoding="utf-8")  # type: ignore[operator]
    svg = await _shown(page)
    assert_clean(svg)
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
    for payload in PAYLOADS:
        assert payload not in text
    assert "Alpha" in text and "Omega" in text
    assert any(markup in text for markup in MARKUP.values())


def test_terminal_output_of_the_real_app_has_no_page_escapes(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(hostile_page(), encoding="utf-8")
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "50"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real command on a real terminal
        os.execve(sys.executable, [sys.executable, "-m", "reader", str(page)], env)
    output = bytearray()
    deadline = time.monotonic() + 20
    quit_sent = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            if not quit_sent and b"Alpha" in output:
                time.sleep(0.5)
                os.write(fd, b"q")
                quit_sent = True
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    text = output.decode("utf-8", "replace")
    assert "Alpha" in text, text[-2000:]
    for payload in PAYLOADS:
        assert payload not in text
    assert not re.search("[\x80-\x9f]", text), "a C1 control reached the terminal"
    assert "\x1b]0;" not in text and "\x1b]2;" not in text and "\x1b]52;" not in text
    assert "\x1bP" not in text  # no DCS


def test_dump_of_hostile_page_to_a_pipe_is_clean(tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(hostile_page(), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reader", "dump", str(page)], capture_output=True,
                         timeout=60, env=os.environ.copy()).stdout.decode()
    assert_clean(out)


async def test_a_page_cut_short_is_announced(tmp_path: Path) -> None:
    para = "<p>" + "Words of an ordinary article paragraph that goes on for a while. " * 8 + "</p>"
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 10_000 + para * 5 + "</div>" * 10_000 + "</body></html>")
    app = create_app(source=str(page), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            await pilot.pause(0.05)
            if getattr(app.screen, "page", None) is not None:
                break
        await pilot.pause(0.1)
        messages = [n.message for n in app._notifications]
        assert any("nested too deeply" in m for m in messages), messages
