"""`desk export` and `desk import`: every exchange format, headless.

The same registry builds the app's File → Export/Import menus, so the CLI and
the app always offer the same formats with the same behaviour.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import add_project_arg, open_project
from desk.core.errors import InputError
from desk.core.formats.registry import EXPORTERS, IMPORTERS
from desk.core.formats.selection import Selection
from desk.core.services.exchange import export_project, import_file
from desk.core.services.import_preview import preview_import


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export", help="write the annotated transcript in another format",
        description="Formats: " + "; ".join(f"{f.name} — {f.description}"
                                             for f in EXPORTERS.values()),
    )
    add_project_arg(p)
    p.add_argument("-f", "--format", required=True, choices=sorted(EXPORTERS),
                   metavar="FMT", help=f"one of {', '.join(EXPORTERS)}")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="file (or folder for clips); default: the project path with the "
                        "format's suffix")
    p.add_argument("--table", choices=("both", "segments", "annotations"),
                   help="csv: which table (default both: NAME.segments.csv and "
                        "NAME.annotations.csv)")
    p.add_argument("--normalise", "--normalize", dest="normalise", action="store_true",
                   help="clips: audio-only listening copies (.m4a), equally loud")
    p.add_argument("--precise", action="store_true",
                   help="clips: re-encode for frame-exact cuts (slower than stream copy)")
    p.add_argument("--no-words", action="store_true", help="textgrid: no words tier")
    what = p.add_argument_group("what to include (default: everything but suggestions)")
    what.add_argument("--transcript", type=int, metavar="ID",
                      help="this transcript version (default: the current one; see "
                           "`desk transcripts`)")
    what.add_argument("--tag", action="append", metavar="TAG",
                      help="only annotations with this tag (repeat for several)")
    what.add_argument("--annotator", action="append", metavar="NAME",
                      help="only annotations by this annotator (repeat for several)")
    what.add_argument("--include-suggested", action="store_true",
                      help="also suggestions not yet accepted (json: always)")
    what.add_argument("--no-transcript", action="store_true", help="leave the transcript out")
    what.add_argument("--no-annotations", "--no-tags", dest="no_annotations",
                      action="store_true", help="leave the annotations (codes) out")
    what.add_argument("--speaker", action="append", metavar="NAME",
                      help="only what this speaker said (repeat for several)")
    what.add_argument("--no-speakers", action="store_true", help="leave speaker names out")
    what.add_argument("--no-notes", action="store_true", help="leave annotation notes out")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import", help="bring a transcript, annotations or a codebook into a project",
        description="Files: " + "; ".join(f"{f.suffix} ({f.name}) — {f.description}"
                                          for f in IMPORTERS.values())
        + ". An import is all or nothing: on any error the project is unchanged.",
    )
    add_project_arg(p)
    p.add_argument("file", metavar="FILE", help="an .eaf, .srt, .vtt or .json file")
    p.add_argument("--as", dest="as_", choices=("transcript", "annotations"),
                   help="what the file's contents become (default: decided by the file)")
    p.add_argument("--format", dest="import_format", choices=sorted(IMPORTERS),
                   help="the file's format when its suffix does not say")
    p.add_argument("--annotator", default=None, help="who imports (default: $DESK_ANNOTATOR)")
    p.add_argument("--preview", action="store_true",
                   help="say what would come in (counts, ELAN tiers → tags) and change nothing")
    p.set_defaults(func=cmd_import)


def _options(args: argparse.Namespace) -> dict[str, object]:
    """Only the options that apply to the chosen format; others given are an error."""
    given = {"table": args.table, "precise": args.precise or None,
             "normalise": args.normalise or None, "words": False if args.no_words else None}
    flags = {"table": "--table", "precise": "--precise", "normalise": "--normalise",
             "words": "--no-words"}
    fmt = EXPORTERS[args.format]
    options = {}
    for key, value in given.items():
        if value is None:
            continue
        if key not in fmt.options:
            raise InputError(f"{flags[key]} does not apply to {fmt.name} exports")
        options[key] = value
    return options


def _selection(args: argparse.Namespace, speakers: list[str]) -> Selection:
    return Selection(
        transcript=not args.no_transcript, annotations=not args.no_annotations,
        tags=frozenset(args.tag) if args.tag else None,
        annotators=frozenset(args.annotator) if args.annotator else None,
        suggestions=args.include_suggested or EXPORTERS[args.format].whole_project,
        speakers=not args.no_speakers, notes=not args.no_notes,
        transcript_id=args.transcript,
        only_speakers=frozenset(speakers) if speakers else None)


def cmd_export(args: argparse.Namespace) -> int:
    options = _options(args)
    if args.speaker and args.no_speakers:
        raise InputError("--speaker picks speakers; it cannot go with --no-speakers")
    with open_project(args.project, writable=False) as project:
        # As the project spells them; a name no speaker has is one clear error.
        speakers = [project.speakers.get(name).name for name in args.speaker or []]
        result = export_project(project, args.format,
                                Path(args.output) if args.output else None,
                                _selection(args, speakers), **options)
    if result.folder:
        count = len(result.files)
        print(f"wrote clips to {result.written} ({count} file{'' if count == 1 else 's'} there)")
    else:
        for path in result.files:
            print(f"wrote {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if args.preview:
        with open_project(args.project, writable=False) as project:
            preview = preview_import(project, path, args.import_format, args.as_,
                                     args.annotator)
        print("\n".join(preview.lines()))
        return 0
    with open_project(args.project) as project:
        summary = import_file(project, path, args.import_format, args.as_, args.annotator)
    print(summary.message)
    return 0
