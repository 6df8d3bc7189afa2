"""The `desk` command: the same core as the app, headless, for batches and scripts.

Each command group lives in its own module and registers its subcommands in
`register(subparsers)`. Exit codes: 0 success, 2 bad input (one line
`desk: error: ...`), 1 unexpected failure (details in the log file).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from desk import version
from desk.core.errors import DeskError

# One module per command group; each has `register(subparsers)`. Listed with
# the commands each registers, so `desk COMMAND` imports its own module only
# (importing them all costs ~0.1 s); a command missing here still works, through
# the parser of every module.
COMMAND_MODULES = {
    "desk.cli.project_cmds": ("new", "relink", "segments", "search", "undo", "redo", "history"),
    "desk.cli.codebook_cmds": ("codebook",),
    "desk.cli.transcribe_cmds": ("transcribe", "models"),
    "desk.cli.version_cmds": ("transcripts",),
    "desk.cli.coding_cmds": ("tag", "annotations", "stats", "suggest"),
    "desk.cli.speaker_cmds": ("speaker",),
    "desk.cli.identify_cmds": ("speakers",),
    "desk.cli.voice_cmds": ("voices",),
    "desk.cli.exchange_cmds": ("export", "import"),
    "desk.cli.merge_cmds": ("merge", "blind"),
    "desk.cli.agreement_cmds": ("agreement", "disagreements", "adjudicate"),
    "desk.cli.app_cmds": ("demo", "open"),
}

log = logging.getLogger("desk.cli")


class UsageError(DeskError):
    """argparse found the command line malformed."""


class _Version(argparse.Action):
    """`--version` that looks the version up only when asked (it costs ~35 ms)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"desk {version()}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or only of `command`'s module when that is known."""
    parser = _Parser(
        prog="desk",
        description="Annotate a livestream recording: transcribe, tag, export.",
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--self-test", action="store_true",
                        help="play, transcribe and save the sample to check this installation")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    owners = [m for m, names in COMMAND_MODULES.items() if command in names]
    for name in owners or COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # answered without importing every command's modules
        print(f"desk {version()}")
        return 0
    if argv[:1] == ["--job-worker"]:  # a frozen app runs its transcription child this way
        from desk.core.pipeline.jobs import worker_main

        return worker_main(argv[1:])
    if argv[:1] == ["--speaker-worker"]:  # and its speaker child this way
        from desk.core.pipeline.speaker_job import worker_main as speaker_worker

        return speaker_worker(argv[1:])
    try:
        parser = build_parser(argv[0] if argv else None)
        args = parser.parse_args(argv)
        if args.self_test:
            from desk.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _open_app_or_help(parser)
        return int(args.func(args) or 0)
    except DeskError as exc:
        print(f"desk: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        from desk.core.logs import setup_logging

        path = setup_logging()
        log.exception("unexpected failure running desk %s", " ".join(argv))
        print(f"desk: unexpected error; details are in {path}", file=sys.stderr)
        return 1


def _open_app_or_help(parser: argparse.ArgumentParser) -> int:
    try:
        from desk.ui.app import main as app_main
    except ImportError:
        parser.print_help()
        return 0
    return int(app_main([]) or 0)
