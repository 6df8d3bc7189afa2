"""`desk transcripts`: the transcript versions of a project, and which one is current.

Every transcription run (and every imported transcript) is a version; exports
and `desk segments` read the current one unless told `--transcript ID`.
Switching, renaming and deleting are undoable (`desk undo`).
"""

from __future__ import annotations

import argparse

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json, print_table
from desk.core.errors import InputError
from desk.core.records import TranscriptVersion
from desk.core.services.annotator import default_annotator


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("transcripts", help="list, switch, rename or delete transcript versions",
                       description="Every transcription run is kept as a version; the current "
                                   "one is what the app shows and exports write.")
    add_project_arg(p)
    add_json_arg(p)
    change = p.add_mutually_exclusive_group()
    change.add_argument("--use", type=int, metavar="ID", help="make version ID current")
    change.add_argument("--delete", type=int, metavar="ID",
                        help="delete version ID (undo brings it back)")
    change.add_argument("--rename", nargs=2, metavar=("ID", "NAME"),
                        help="give version ID a name")
    p.add_argument("--annotator", default=None, help="who changes it (default: $DESK_ANNOTATOR)")
    p.set_defaults(func=cmd_transcripts)


def _id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise InputError(f"a transcript version is named by its id, not '{text}'") from None


def cmd_transcripts(args: argparse.Namespace) -> int:
    changing = args.use is not None or args.delete is not None or args.rename is not None
    who = args.annotator if args.annotator is not None else default_annotator()
    with open_project(args.project, writable=changing) as project:
        if args.use is not None:
            chosen = project.versions.use(args.use, who)
            print(f"current transcript: {chosen.id} ({chosen.label})")
        elif args.delete is not None:
            label = project.versions.get(args.delete).label
            project.versions.delete(args.delete, who)
            current = project.transcripts.current()
            print(f"deleted transcript {args.delete} ({label}); current: "
                  + (str(current.id) if current else "none"))
        elif args.rename is not None:
            renamed = project.versions.rename(_id(args.rename[0]), args.rename[1], who)
            print(f"transcript {renamed.id} is now '{renamed.label}'")
        versions = project.versions.list()
    if changing:
        return 0
    if args.json:
        print_json([v.to_json() for v in versions])
        return 0
    if not versions:
        print("no transcripts yet (desk transcribe PROJECT)")
        return 0
    print_table([_row(v) for v in versions],
                ["", "id", "status", "edited", "engine", "model", "segments", "made", "name"])
    return 0


def _row(v: TranscriptVersion) -> list[str]:
    t = v.transcript
    status = t.status if not v.partial or t.total <= 0 else (
        f"{t.status} at {t.progress / t.total:.0%}")
    return ["*" if v.current else "", str(v.id), status, "yes" if v.edited else "no",
            t.engine, t.model, str(v.segments), (t.created_at or "")[:16].replace("T", " "),
            v.name]
