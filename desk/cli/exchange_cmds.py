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
from desk.core.services.exchange import export_project, import_file


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
    p.add_argument("--tag", help="clips: only annotations with this tag")
    p.add_argument("--precise", action="store_true",
                   help="clips: re-encode for frame-exact cuts (slower than stream copy)")
    p.add_argument("--no-speakers", action="store_true", help="srt/vtt: no speaker names")
    p.add_argument("--no-tags", action="store_true", help="srt/vtt: no tag lines/notes")
    p.add_argument("--no-words", action="store_true", help="textgrid: no words tier")
    p.add_argument("--include-suggested", action="store_true",
                   help="also export suggestions not yet accepted")
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
    p.set_defaults(func=cmd_import)


def _options(args: argparse.Namespace) -> dict[str, object]:
    """Only the options that apply to the chosen format; others given are an error."""
    given = {
        "table": args.table, "tag": args.tag, "precise": args.precise or None,
        "speakers": False if args.no_speakers else None,
        "tags": False if args.no_tags else None, "words": False if args.no_words else None,
    }
    flags = {"table": "--table", "tag": "--tag", "precise": "--precise",
             "speakers": "--no-speakers", "tags": "--no-tags", "words": "--no-words"}
    fmt = EXPORTERS[args.format]
    options = {}
    for key, value in given.items():
        if value is None:
            continue
        if key not in fmt.options:
            raise InputError(f"{flags[key]} does not apply to {fmt.name} exports")
        options[key] = value
    return options


def cmd_export(args: argparse.Namespace) -> int:
    options = _options(args)
    with open_project(args.project, writable=False) as project:
        result = export_project(project, args.format,
                                Path(args.output) if args.output else None,
                                include_suggested=args.include_suggested, **options)
    if result.folder:
        count = len(result.files)
        print(f"wrote clips to {result.written} ({count} file{'' if count == 1 else 's'} there)")
    else:
        for path in result.files:
            print(f"wrote {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    with open_project(args.project) as project:
        summary = import_file(project, path, args.import_format, args.as_, args.annotator)
    print(summary.message)
    return 0
