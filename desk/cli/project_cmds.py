"""Commands on a project: new, relink, segments, search, undo, redo, history."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json, print_table
from desk.core.coding.codebook import DEFAULT_PRESET
from desk.core.errors import InputError
from desk.core.records import Segment
from desk.core.services.project_setup import create_project
from desk.core.services.relink import relink
from desk.core.timecode import format_time


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="create a project for a recording")
    p.add_argument("media", metavar="MEDIA", help="the recording (video or audio)")
    p.add_argument("-p", "--project", help="project file (default: MEDIA with suffix .desk)")
    p.add_argument("--codebook", default=DEFAULT_PRESET,
                   help=f"preset name or codebook JSON file (default: {DEFAULT_PRESET})")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("relink", help="point a project at its moved or renamed recording",
                       description="Without RECORDING, look for the file (same content "
                                   "fingerprint) near its old place and the project.")
    add_project_arg(p)
    p.add_argument("recording", metavar="RECORDING", nargs="?",
                   help="the recording's new path (checked by its content fingerprint)")
    p.set_defaults(func=cmd_relink)

    p = sub.add_parser("segments", help="print the transcript")
    add_project_arg(p)
    p.add_argument("--words", action="store_true", help="include words (with --json)")
    add_json_arg(p)
    p.set_defaults(func=cmd_segments)

    p = sub.add_parser("search", help="full-text search in the transcript")
    add_project_arg(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--speaker", metavar="NAME", help="only what this speaker said")
    add_json_arg(p)
    p.set_defaults(func=cmd_search)

    for name, helptext in (("undo", "undo the last edit"), ("redo", "redo the last undone edit")):
        p = sub.add_parser(name, help=helptext)
        add_project_arg(p)
        p.set_defaults(func=cmd_undo_redo)

    p = sub.add_parser("history", help="the edit history (provenance)")
    add_project_arg(p)
    p.add_argument("-n", type=int, default=30, help="how many entries (default 30)")
    add_json_arg(p)
    p.set_defaults(func=cmd_history)


def cmd_new(args: argparse.Namespace) -> int:
    media_path = Path(args.media)
    with create_project(media_path, Path(args.project) if args.project else None,
                        args.codebook) as project:
        tags = len(project.tags.list())
        media = project.media.get()
    assert media is not None
    kind = "video" if media.has_video else "audio"
    print(f"created {project.path} ({kind}, {format_time(media.duration)}, {tags} tags)")
    return 0


def cmd_relink(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        media = relink(project, Path(args.recording) if args.recording else None)
    print(f"relinked {args.project} to {media.path}")
    return 0


def cmd_segments(args: argparse.Namespace) -> int:
    with open_project(args.project, writable=False) as project:
        segments = project.transcripts.segments(with_words=args.words)
    if args.json:
        print_json([_segment_json(s, args.words) for s in segments])
        return 0
    for s in segments:
        speaker = f"{s.speaker}: " if s.speaker else ""
        print(f"[{format_time(s.start, True)} → {format_time(s.end, True)}] {speaker}{s.text}")
    return 0


def _segment_json(segment: Segment, with_words: bool) -> dict[str, object]:
    data: dict[str, object] = {"id": segment.id, "start": segment.start, "end": segment.end,
            "speaker": segment.speaker, "text": segment.text, "edited": segment.edited,
            "avg_logprob": segment.avg_logprob, "no_speech_prob": segment.no_speech_prob}
    if with_words:
        data["words"] = [{"start": w.start, "end": w.end, "text": w.text,
                          "probability": w.probability} for w in segment.words]
    return data


def cmd_search(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise InputError("search for at least one word")
    with open_project(args.project, writable=False) as project:
        hits = project.transcripts.search(args.query, speaker=args.speaker)
    if args.json:
        print_json([{"segment_id": h.segment_id, "start": h.start, "end": h.end,
                     "speaker": h.speaker, "text": h.text, "match": h.snippet} for h in hits])
        return 0
    for h in hits:
        who = f"{h.speaker}: " if h.speaker else ""
        print(f"[{format_time(h.start, True)}] {who}{h.snippet}")
    print(f"{len(hits)} matching segment{'s' if len(hits) != 1 else ''}")
    return 0


def cmd_undo_redo(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        action = project.history.undo() if args.command == "undo" else project.history.redo()
    if action is None:
        print(f"nothing to {args.command}")
    else:
        print(f"{args.command}: {action.label}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with open_project(args.project, writable=False) as project:
        actions = project.history.actions(limit=args.n)
    if args.json:
        print_json([{"id": a.id, "at": a.at, "annotator": a.annotator, "label": a.label,
                     "undone": a.undone} for a in actions])
        return 0
    print_table([[str(a.id), a.at, a.annotator, a.label + (" (undone)" if a.undone else "")]
                 for a in actions], ["id", "at", "annotator", "action"])
    return 0
