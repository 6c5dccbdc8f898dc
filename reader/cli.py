"""The `broadsheet` command: open the app, dump articles for scripts, manage bookmarks, locate files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader import __version__

if TYPE_CHECKING:
    from reader.core.models import Article

COMMANDS = ("open", "dump", "bookmarks", "locate")
FORMATS = ("markdown", "text", "json")
#: Seconds one page may take to extract before `dump` gives up on it.
EXTRACT_TIMEOUT = 30.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="broadsheet",
        description="Read one news article well, in the terminal. "
        "With no argument, opens the demo library.",
        epilog="`broadsheet SOURCE` is short for `broadsheet open SOURCE`.",
    )
    parser.add_argument("--version", action="version", version=f"broadsheet {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_ = sub.add_parser("open", help="open a page in the reader (file, URL or - for stdin)")
    open_.add_argument("source", nargs="?", help="a file, an http(s) URL, or - for stdin")
    open_.add_argument("--offline", action="store_true", help="read only from the cache and bookmarks")

    dump = sub.add_parser("dump", help="print the extracted article(s) as Markdown, text or JSON")
    dump.add_argument("sources", nargs="+", metavar="SOURCE", help="a file, a URL, or - for stdin")
    dump.add_argument("--format", "-f", choices=FORMATS, default="markdown")
    dump.add_argument("--url", help="the page's address, to resolve relative links")
    dump.add_argument("--offline", action="store_true", help="read URLs only from the cache")

    sub.add_parser("locate", help="print the config, data and cache paths")
    try:
        from reader import cli_bookmarks
    except ImportError:
        pass
    else:
        cli_bookmarks.add_parser(sub)
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`broadsheet SOURCE` means `broadsheet open SOURCE`."""
    if (argv and argv[0] not in COMMANDS and not argv[0].startswith("-")) or argv[:1] == ["-"]:
        return ["open", *argv]
    return argv


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _error(message: str) -> None:
    from reader.core.sanitize import clean_text

    print(f"broadsheet: {clean_text(message)}", file=sys.stderr)


def _render(article: Article, fmt: str, source: str) -> str:
    if fmt == "json":
        data = article.to_dict()
        data["source"] = source
        return json.dumps(data, ensure_ascii=False) + "\n"
    from reader.core.render import to_markdown, to_text

    return to_markdown(article) if fmt == "markdown" else to_text(article)


def cmd_dump(args: argparse.Namespace) -> int:
    """Extract each source; a bad one prints one line to stderr and the others go on."""
    from reader.config import load_config
    from reader.core.entities import get_engine
    from reader.core.errors import ExtractionError
    from reader.core.extract import extract
    from reader.sources import SourceError, load_source

    config, problems = load_config()
    for problem in problems:
        _error(problem)
    engine = get_engine(config.entities.engine)
    status = 0
    first = True
    for source in args.sources:
        try:
            loaded = load_source(source, config=config.net, offline=args.offline)
            if loaded.notice:
                _error(f"{source}: {loaded.notice}")
            article = extract(loaded.content, url=args.url or loaded.url, charset=loaded.charset,
                              timeout=EXTRACT_TIMEOUT, entities=engine)
        except (SourceError, ExtractionError) as exc:
            message = str(exc)
            _error(message if message.startswith(source) else f"{source}: {message}")
            status = 1
            continue
        if article.is_empty:
            _error(f"{source}: no article text found")
            status = 1
            continue
        for note in article.warnings:
            _error(f"{source}: {note}")
        if not first and args.format != "json":
            _write("\n---\n\n")
        _write(_render(article, args.format, source))
        first = False
    return status


def cmd_locate(args: argparse.Namespace) -> int:
    """Print where Broadsheet keeps its files."""
    from reader import paths

    _write(
        f"config: {paths.config_file()}\n"
        f"themes: {paths.user_themes_dir()}\n"
        f"data:   {paths.data_dir()}\n"
        f"cache:  {paths.cache_dir()}\n"
    )
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    """Start the app (the only place the CLI imports Textual)."""
    from reader.config import load_config
    from reader.sources import SourceError, read_stdin

    config, problems = load_config()
    content = None
    source = getattr(args, "source", None)
    if source == "-":
        try:
            content = read_stdin().content
        except SourceError as exc:
            _error(str(exc))
            return 1
        _reattach_terminal()
    if not sys.stdout.isatty():
        _error("the reader needs a terminal; use `broadsheet dump` for scripts")
        return 2
    from reader.ui.launch import run

    return run(source=source, content=content, config=config, problems=problems,
               offline=getattr(args, "offline", False))


def _reattach_terminal() -> None:
    """After reading a page from a pipe, read keys from the terminal."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - stdin lives as long as the process


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `broadsheet` command; returns the exit status."""
    args_list = _normalise_argv(list(sys.argv[1:] if argv is None else argv))
    parser = _parser()
    args = parser.parse_args(args_list)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: cmd_open,
        "open": cmd_open,
        "dump": cmd_dump,
        "locate": cmd_locate,
    }
    if args.command == "bookmarks":
        from reader import cli_bookmarks

        handlers["bookmarks"] = cli_bookmarks.run
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last guard: one line, never a traceback
        _error(f"unexpected error: {type(exc).__name__}: {exc}")
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
