"""`desk voices`: the voice profile library that names speakers across recordings.

A profile is a named voice print (no audio): `add` takes one from what a
speaker says in a project (in a speaker job's child, like `desk speakers`),
`export`/`import` carry profiles to a colleague. The library is `voices.json`
in Desk's data folder (`$DESK_DATA_DIR` overrides it).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import add_json_arg, add_project_arg, print_json, print_table
from desk.cli.identify_cmds import report_unfinished, run_speaker_job
from desk.core.pipeline.job_messages import SpeakerJobOptions
from desk.core.speakers.profiles import Voice, VoiceLibrary


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "voices", help="voice profiles: list, add from a project, remove, export, import",
        description="Voice profiles name speakers in the next recording: `desk speakers` "
                    "names a voice a profile matches and marks it for `desk speaker "
                    "confirm|reject`. Profiles hold voice prints only, never audio.")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("list", help="the profiles: name, voice print size, source")
    add_json_arg(p)
    p.set_defaults(func=cmd_list)

    p = actions.add_parser("add", help="a profile of what SPEAKER says in PROJECT (a known "
                                       "name pools the two)")
    add_project_arg(p)
    p.add_argument("speaker", metavar="SPEAKER", help='the speaker, e.g. "Donald Trump"')
    p.add_argument("--as", dest="name", metavar="NAME", help="the profile's name "
                                                             "(default: the speaker's)")
    p.set_defaults(func=cmd_add)

    p = actions.add_parser("remove", help="delete a profile")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=cmd_remove)

    p = actions.add_parser("export", help="write profiles to a file to share")
    p.add_argument("file", metavar="FILE", help="the file to write (.json)")
    p.add_argument("names", metavar="NAME", nargs="*", help="only these (default: all)")
    p.set_defaults(func=cmd_export)

    p = actions.add_parser("import", help="add the profiles of a file (known names pool)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_import)


def voice_json(voice: Voice) -> dict[str, object]:
    return {"name": voice.name, "windows": voice.windows, "source": voice.source,
            "updated_at": voice.updated_at}


def cmd_list(args: argparse.Namespace) -> int:
    library = VoiceLibrary()
    voices = library.list()
    if args.json:
        print_json([voice_json(v) for v in voices])
        return 0
    if not voices:
        print(f"no voice profiles yet ({library.path}): add one with `desk voices add`")
        return 0
    print_table([[v.name, str(v.windows), v.updated_at, v.source] for v in voices],
                ["profile", "windows", "updated", "from"])
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    options = SpeakerJobOptions(task="voiceprint", speaker=args.speaker, profile=args.name)
    final = run_speaker_job(Path(args.project), options, "taking a voice print")
    if final.kind != "finished":
        return report_unfinished(final, f"desk voices add {args.project} {args.speaker}")
    print(final.message)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    VoiceLibrary().remove(args.name)
    print(f"removed the voice profile '{args.name}'")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    written = VoiceLibrary().export(Path(args.file), args.names or None)
    print(f"{len(written)} voice profile{'s' if len(written) != 1 else ''} → {args.file}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    added = VoiceLibrary().import_file(Path(args.file))
    print(f"{len(added)} voice profile{'s' if len(added) != 1 else ''} imported: "
          + ", ".join(v.name for v in added))
    return 0
