"""`desk suggest`: propose delays from dead air and codes from keyword rules; accept or reject."""

from __future__ import annotations

import argparse
import sys

from desk.cli.common import (
    add_json_arg,
    add_project_arg,
    default_annotator,
    open_project,
    print_json,
    print_table,
)
from desk.core.coding import suggest
from desk.core.errors import InputError
from desk.core.records import Annotation
from desk.core.timecode import format_time


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "suggest", help="suggest annotations (dead air, keywords); accept or reject them",
        description="Without --accept/--reject: scan for dead air if needed, add suggested "
                    "`delay` annotations and keyword suggestions, and list what is pending. "
                    "Suggestions do not count as coded until accepted.",
    )
    add_project_arg(p)
    action = p.add_mutually_exclusive_group()
    action.add_argument("--accept", nargs="*", type=int, metavar="ID",
                        help="accept these suggestions (all pending ones if no ID is given)")
    action.add_argument("--reject", nargs="*", type=int, metavar="ID",
                        help="reject these suggestions (all pending ones if no ID is given); "
                             "rejected ones are not suggested again")
    p.add_argument("--min-silence", type=float, default=suggest.DEFAULT_MIN_SILENCE,
                   metavar="SECONDS",
                   help=f"shortest dead air to suggest as a delay "
                        f"(default {suggest.DEFAULT_MIN_SILENCE:g})")
    p.add_argument("--only", choices=("delays", "keywords"),
                   help="only this kind of suggestion (default: both)")
    p.add_argument("--annotator", default=None, help="who decided (default: $DESK_ANNOTATOR)")
    add_json_arg(p)
    p.set_defaults(func=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    if not args.min_silence > 0:
        raise InputError(f"--min-silence must be more than 0 seconds, not {args.min_silence:g}")
    annotator = args.annotator if args.annotator is not None else default_annotator()
    with open_project(args.project) as project:
        if args.accept is not None:
            done = suggest.accept(project, args.accept or None, annotator)
            return _report(args, "accepted", done)
        if args.reject is not None:
            chosen = _chosen(project, args.reject)
            count = suggest.reject(project, args.reject or None, annotator)
            return _report(args, "rejected", chosen[:count])
        added: list[Annotation] = []
        if args.only in (None, "delays"):
            if not project.media.silences():
                print("scanning the recording for dead air…", file=sys.stderr)
            suggest.ensure_silences(project)
            added += suggest.suggest_delays(project, args.min_silence, annotator)
        if args.only in (None, "keywords"):
            added += suggest.suggest_keywords(project, annotator)
        waiting = suggest.pending(project)
    if args.json:
        print_json({"added": [a.to_json() for a in added],
                    "pending": [a.to_json() for a in waiting]})
        return 0
    print(f"{len(added)} new suggestion{'s' if len(added) != 1 else ''}; "
          f"{len(waiting)} pending (accept with --accept [ID ...], reject with --reject [ID ...])")
    _table(waiting)
    return 0


def _chosen(project, ids: list[int]) -> list[Annotation]:  # type: ignore[no-untyped-def]
    """What --reject will delete, read before it is gone (for the report)."""
    if not ids:
        return suggest.pending(project)
    return [project.annotations.get(i) for i in dict.fromkeys(ids)]


def _report(args: argparse.Namespace, verb: str, annotations: list[Annotation]) -> int:
    if args.json:
        print_json({verb: [a.to_json() for a in annotations]})
        return 0
    print(f"{verb} {len(annotations)} suggestion{'s' if len(annotations) != 1 else ''}")
    _table(annotations)
    return 0


def _table(annotations: list[Annotation]) -> None:
    print_table(
        [[str(a.id), a.tag, format_time(a.start, True), format_time(a.end, True), a.note]
         for a in annotations],
        ["id", "tag", "start", "end", "note"],
    )
