"""``python -m reader``: the same as the ``broadsheet`` command."""

from reader.cli import main

raise SystemExit(main())
