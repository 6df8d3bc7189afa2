"""Commands on a project: new, tag, annotations, segments, search, stats, undo, redo, history."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli.common import (
    add_json_arg,
    add_project_arg,
    default_annotator,
    open_project,
    print_json,
    print_table,
)
from desk.core.coding import stats
from desk.core.coding.codebook import DEFAULT_PRESET, load_codebook
from desk.core.errors import InputError
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.core.timecode import format_time, parse_time


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a project for a recording")
    p.add_argument("media", metavar="MEDIA", help="the recording (video or audio)")
    p.add_argument("-p", "--project", help="project file (default: MEDIA with suffix .desk)")
    p.add_argument("--codebook", default=DEFAULT_PRESET,
                   help=f"preset name or codebook JSON file (default: {DEFAULT_PRESET})")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("tag", help="code a time range with a tag")
    add_project_arg(p)
    p.add_argument("start", metavar="START", help="seconds (12.5) or [hh:]mm:ss[.mmm]")
    p.add_argument("end", metavar="END", help="seconds (12.5) or [hh:]mm:ss[.mmm]")
    p.add_argument("tag", metavar="TAG", help="a tag of the project's codebook")
    p.add_argument("--note", default="", help="a note kept with the annotation")
    p.add_argument("--annotator", default=None, help="who coded it (default: $DESK_ANNOTATOR)")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("annotations", help="list annotations")
    add_project_arg(p)
    p.add_argument("--tag", help="only this tag")
    p.add_argument("--annotator", help="only this annotator")
    p.add_argument("--suggested", action="store_true", help="only suggestions not yet accepted")
    add_json_arg(p)
    p.set_defaults(func=cmd_annotations)

    p = sub.add_parser("segments", help="print the transcript")
    add_project_arg(p)
    p.add_argument("--words", action="store_true", help="include words (with --json)")
    add_json_arg(p)
    p.set_defaults(func=cmd_segments)

    p = sub.add_parser("search", help="full-text search in the transcript")
    add_project_arg(p)
    p.add_argument("query", metavar="QUERY")
    add_json_arg(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("stats", help="per tag: count, total time, share of the recording")
    add_project_arg(p)
    add_json_arg(p)
    p.add_argument("--png", metavar="OUT", help="also save the code timeline picture as PNG")
    p.set_defaults(func=cmd_stats)

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
    project_path = Path(args.project) if args.project else media_path.with_suffix(".desk")
    codebook = load_codebook(args.codebook)
    media = probe(media_path)
    with Project.create(project_path, media=media, codebook=codebook) as project:
        tags = len(project.tags.list())
    kind = "video" if media.has_video else "audio"
    print(f"created {project_path} ({kind}, {format_time(media.duration)}, {tags} tags)")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    start, end = parse_time(args.start), parse_time(args.end)
    annotator = args.annotator if args.annotator is not None else default_annotator()
    with open_project(args.project) as project:
        annotation = project.annotations.add(args.tag, start, end, note=args.note,
                                             annotator=annotator)
    print(f"annotation {annotation.id}: {annotation.tag} "
          f"{format_time(annotation.start, True)}–{format_time(annotation.end, True)}")
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    with open_project(args.project, writable=False) as project:
        annotations = project.annotations.list(
            tag=args.tag, annotator=args.annotator,
            source="suggested" if args.suggested else None,
        )
    if args.json:
        print_json([a.to_json() for a in annotations])
        return 0
    print_table(
        [[str(a.id), a.tag, format_time(a.start, True), format_time(a.end, True),
          a.annotator, ("(suggested) " if a.source == "suggested" else "") + a.note]
         for a in annotations],
        ["id", "tag", "start", "end", "annotator", "note"],
    )
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


def _segment_json(segment, with_words: bool) -> dict:  # type: ignore[no-untyped-def]
    data = {"id": segment.id, "start": segment.start, "end": segment.end,
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
        hits = project.transcripts.search(args.query)
    if args.json:
        print_json([{"segment_id": h.segment_id, "start": h.start, "end": h.end,
                     "text": h.text, "match": h.snippet} for h in hits])
        return 0
    for h in hits:
        print(f"[{format_time(h.start, True)}] {h.snippet}")
    print(f"{len(hits)} matching segment{'s' if len(hits) != 1 else ''}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_project(args.project, writable=False) as project:
        duration = project.media.duration()
        tags = stats.tag_stats(project)
        speakers = stats.speaker_stats(project)
        if args.png:
            from desk.ui.tagging.stats_picture import save_code_timeline_png  # Qt only here

            save_code_timeline_png(project, args.png)
            print(f"wrote {args.png}", file=sys.stderr)
    if args.json:
        print_json({"duration": duration, "tags": [t.to_json() for t in tags],
                    "speakers": [s.to_json() for s in speakers]})
        return 0
    print(f"recording: {format_time(duration)}")
    print_table(
        [[t.tag, str(t.count), format_time(t.total), format_time(t.covered),
          f"{t.share * 100:.1f} %"] for t in tags],
        ["tag", "count", "total", "covered", "share"],
    )
    if speakers:
        print()
        print_table(
            [[s.speaker, str(s.segments), format_time(s.talk_time), f"{s.share * 100:.1f} %"]
             for s in speakers],
            ["speaker", "segments", "talk time", "share"],
        )
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
