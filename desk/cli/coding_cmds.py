"""Coding from the command line: `desk tag`, `desk annotations`, `desk suggest`, `desk stats`.

`desk suggest` proposes delays from dead air and codes from keyword rules; the
analyst accepts or rejects them.
"""

from __future__ import annotations

import argparse
import sys

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json, print_table
from desk.core.coding import stats, suggest
from desk.core.coding.blind import visible_annotator
from desk.core.errors import InputError
from desk.core.records import Annotation
from desk.core.services.annotator import default_annotator
from desk.core.services.dead_air import ensure_dead_air, recording_to_scan
from desk.core.store import Project
from desk.core.timecode import format_time, parse_time


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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

    p = sub.add_parser("stats", help="per tag: count, total time, share of the recording")
    add_project_arg(p)
    add_json_arg(p)
    p.add_argument("--png", metavar="OUT", help="also save the code timeline picture as PNG")
    p.set_defaults(func=cmd_stats)

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
        me = default_annotator()
        only = visible_annotator(project, me)
        if only is not None and args.annotator not in (None, me):
            raise InputError(f"blind coding is on: {me} sees only their own annotations")
        annotations = project.annotations.list(
            tag=args.tag, annotator=only or args.annotator,
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
            [[s.speaker, str(s.segments), format_time(s.talk_time), f"{s.share * 100:.1f} %",
              str(s.turns), format_time(s.longest_turn), str(s.interruptions)]
             for s in speakers],
            ["speaker", "segments", "talk time", "share", "turns", "longest turn",
             "interruptions"],
        )
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    if not args.min_silence > 0:
        raise InputError(f"--min-silence must be more than 0 seconds, not {args.min_silence:g}")
    annotator = args.annotator if args.annotator is not None else default_annotator()
    with open_project(args.project) as project:
        if args.accept is not None:
            done = suggest.accept(project, args.accept or None, annotator)
            return _report(args, "accepted", done)
        if args.reject is not None:
            chosen = _chosen(project, args.reject, annotator)
            count = suggest.reject(project, args.reject or None, annotator)
            return _report(args, "rejected", chosen[:count])
        added: list[Annotation] = []
        if args.only in (None, "delays"):
            if recording_to_scan(project) is not None:
                print("scanning the recording for dead air…", file=sys.stderr)
            ensure_dead_air(project)
            added += suggest.suggest_delays(project, args.min_silence, annotator)
        if args.only in (None, "keywords"):
            added += suggest.suggest_keywords(project, annotator)
        waiting = suggest.pending(project, annotator)
    if args.json:
        print_json({"added": [a.to_json() for a in added],
                    "pending": [a.to_json() for a in waiting]})
        return 0
    print(f"{len(added)} new suggestion{'s' if len(added) != 1 else ''}; "
          f"{len(waiting)} pending (accept with --accept [ID ...], reject with --reject [ID ...])")
    _table(waiting)
    return 0


def _chosen(project: Project, ids: list[int], annotator: str) -> list[Annotation]:
    """What --reject will delete, read before it is gone (for the report)."""
    if not ids:
        return suggest.pending(project, annotator)
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
