"""``python -m reader.ui [SOURCE]``: run the app directly (the CLI does the same)."""

from __future__ import annotations

import sys

from reader.ui.launch import run


def main(argv: list[str] | None = None) -> int:
    """Run the app on the optional source given."""
    args = sys.argv[1:] if argv is None else argv
    return run(source=args[0] if args else None)


if __name__ == "__main__":
    raise SystemExit(main())
