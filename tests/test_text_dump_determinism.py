"""Text dumps come out the same in every run, whatever the interpreter's string hashing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reader.core.text import extract_text_page

DUMP = "\n".join([
    "Coast News", "Home", "Harbour", "",
    "New lighthouse switched on at the northern cape",
    "By Jane Carter", "4 March 2024", "",
    "The new lighthouse on the northern cape was switched on last night after three years of work.",
    "",
    "Photo: Getty Images",
    "",
    "Its lamp can be seen from forty kilometres away, and the keepers say the old tower will become a museum.",
    "",
    "The keepers at the lamp room on the first night. Foto: Example Images / Jane Doe",
    "",
    "The lighthouse was paid for by the harbour board and by a collection among the fishing families.",
    "",
    "Read more", "Ferry timetable changes for the winter season", "Harbour festival returns in June",
])

SCRIPT = """
import json, sys
from reader.core.text import extract_text_page
print(json.dumps(extract_text_page(sys.stdin.read()).to_dict(), sort_keys=True))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=DUMP, capture_output=True,
                          text=True, env=env, check=True, cwd=Path(__file__).parent.parent)
    return done.stdout


def test_the_same_dump_gives_the_same_article_under_any_string_hashing() -> None:
    outputs = {_run(seed) for seed in ("1", "2", "3", "4", "5")}
    assert len(outputs) == 1
    article = json.loads(outputs.pop())
    assert article == json.loads(json.dumps(extract_text_page(DUMP).to_dict(), sort_keys=True))
    figures = [b for b in article["body"] if b["kind"] == "figure"]
    # A credit starts at its first mark, whichever cue is tried first.
    assert any(f.get("credit") == "Photo: Getty Images" and not f.get("spans") for f in figures)
