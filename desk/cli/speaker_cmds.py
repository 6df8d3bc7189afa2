"""`desk speaker`: list, name, merge, split off, colour the speakers; check voice matches.

Each change is one undoable step (`desk undo`), and the segments it gives a
speaker count as the analyst's: `desk speakers` (diarization) leaves them alone.
"""

from __future__ import annotations

import argparse

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json, print_table
from desk.core.coding.stats import SpeakerStats, speaker_stats
from desk.core.records import Speaker
from desk.core.services.annotator import default_annotator
from desk.core.timecode import format_time, parse_time


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "speaker", help="list, rename, merge, split off or colour speakers",
        description="Speakers are numbered (Speaker 1, 2, …) and coloured once; a name given "
                    "here flows into the transcript, the statistics and every export. "
                    "Every change is one step for `desk undo`.")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="the speakers: number, name, colour, talk time, match")
    add_project_arg(p)
    add_json_arg(p)
    p.set_defaults(func=cmd_list)

    p = _writer(actions, "add", "a new speaker (Speaker N without a name)", cmd_add)
    p.add_argument("name", metavar="NAME", nargs="?", help="its name")

    p = _writer(actions, "rename", "name a speaker everywhere", cmd_rename)
    p.add_argument("speaker", metavar="SPEAKER", help='its current name, e.g. "Speaker 1"')
    p.add_argument("name", metavar="NAME", help="the new name")

    p = _writer(actions, "merge", "one voice heard as two: give SPEAKER's segments to INTO",
                cmd_merge)
    p.add_argument("speaker", metavar="SPEAKER", help="the speaker that goes away")
    p.add_argument("into", metavar="INTO", help="the speaker that keeps the segments")

    p = _writer(actions, "split", "give what is said between START and END to another speaker; "
                "segments are cut at word boundaries", cmd_split)
    p.add_argument("start", metavar="START", help="seconds (12.5) or [hh:]mm:ss[.mmm]")
    p.add_argument("end", metavar="END", help="seconds (12.5) or [hh:]mm:ss[.mmm]")
    p.add_argument("--to", required=True, metavar="NAME", help="the speaker (made if new)")
    p.add_argument("--from", dest="from_", metavar="SPEAKER",
                   help="only this speaker's words in the span")

    p = _writer(actions, "assign", "give whole segments (ids from `desk segments --json`) "
                "a speaker", cmd_assign)
    p.add_argument("segments", metavar="SEGMENT", nargs="+", type=int, help="segment ids")
    p.add_argument("--to", required=True, metavar="NAME", help="the speaker (made if new)")

    p = _writer(actions, "colour", "change a speaker's colour", cmd_colour)
    p.add_argument("speaker", metavar="SPEAKER")
    p.add_argument("colour", metavar="#RRGGBB")

    p = _writer(actions, "confirm", "agree with a voice-profile match", cmd_confirm)
    p.add_argument("speaker", metavar="SPEAKER")
    p = _writer(actions, "reject", "a voice-profile match was wrong: back to Speaker N",
                cmd_reject)
    p.add_argument("speaker", metavar="SPEAKER")


def _writer(actions: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
            text: str, func: object) -> argparse.ArgumentParser:
    p = actions.add_parser(name, help=text, description=text[:1].upper() + text[1:] + ".")
    add_project_arg(p)
    p.add_argument("--annotator", default=None, help="who did it (default: $DESK_ANNOTATOR)")
    p.set_defaults(func=func)
    return p


def _who(args: argparse.Namespace) -> str:
    return str(args.annotator) if args.annotator is not None else default_annotator()


def cmd_list(args: argparse.Namespace) -> int:
    with open_project(args.project, writable=False) as project:
        speakers = project.speakers.list()
        figures = {s.speaker: s for s in speaker_stats(project)}
    if args.json:
        print_json([{**speaker_json(s), **_figures_json(figures.get(s.name))}
                    for s in speakers])
        return 0
    if not speakers:
        print("no speakers yet: run `desk speakers` or assign some")
        return 0
    print_table([[str(s.position or ""), s.name, s.colour or "", s.origin,
                  str(figures[s.name].segments) if s.name in figures else "0",
                  format_time(figures[s.name].talk_time) if s.name in figures else "",
                  match_text(s)] for s in speakers],
                ["#", "speaker", "colour", "by", "segments", "talk time", "voice match"])
    return 0


def speaker_json(speaker: Speaker) -> dict[str, object]:
    return {"id": speaker.id, "number": speaker.position, "name": speaker.name,
            "colour": speaker.colour, "origin": speaker.origin,
            "matched_profile": speaker.matched_profile,
            "matched_score": speaker.matched_score, "match_status": speaker.match_status}


def _figures_json(figures: SpeakerStats | None) -> dict[str, object]:
    if figures is None:
        return {"segments": 0, "talk_seconds": 0.0}
    data = figures.to_json()
    return {k: v for k, v in data.items() if k not in ("speaker", "colour")}


def match_text(speaker: Speaker) -> str:
    """ "Elon Musk 0.81 (suggested)": what the voice-profile match column shows."""
    if not speaker.matched_profile:
        return ""
    score = f" {speaker.matched_score:.2f}" if speaker.matched_score is not None else ""
    status = f" ({speaker.match_status})" if speaker.match_status else ""
    return f"{speaker.matched_profile}{score}{status}"


def cmd_add(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        speaker = project.speaker_edits.add(args.name, _who(args))
    print(f"speaker {speaker.position}: {speaker.name} ({speaker.colour})")
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        speaker = project.speaker_edits.rename(args.speaker, args.name, _who(args))
    print(f"speaker {speaker.position} is now '{speaker.name}'")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        speaker = project.speaker_edits.merge(args.speaker, args.into, _who(args))
    print(f"merged '{args.speaker}' into '{speaker.name}'")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    start, end = parse_time(args.start), parse_time(args.end)
    with open_project(args.project) as project:
        moved = project.speaker_edits.reassign_span(start, end, args.to, args.from_, _who(args))
    print(f"{moved} segment{'s' if moved != 1 else ''} "
          f"{format_time(start, True)}–{format_time(end, True)} now by '{args.to.strip()}'")
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        project.speaker_edits.assign(args.segments, args.to, _who(args))
    print(f"{len(args.segments)} segment{'s' if len(args.segments) != 1 else ''} "
          f"now by '{args.to.strip()}'")
    return 0


def cmd_colour(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        speaker = project.speaker_edits.set_colour(args.speaker, args.colour, _who(args))
    print(f"'{speaker.name}' is now {speaker.colour}")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        speaker = project.speaker_edits.confirm_match(args.speaker, _who(args))
    print(f"'{speaker.name}': voice match confirmed")
    return 0


def cmd_reject(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        speaker = project.speaker_edits.reject_match(args.speaker, _who(args))
    print(f"voice match rejected; the speaker is '{speaker.name}' again")
    return 0
