"""`desk demo [--no-gui]` and `desk open PATH`: the ways into the desktop app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli.common import print_json
from desk.core.errors import InputError
from desk.core.pipeline.job_messages import JobEvent
from desk.core.timecode import format_time


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = subparsers.add_parser(
        "demo", help="transcribe the bundled sample and open it playing",
        description="Copy the sample recording to your data folder, make it a project, "
                    "transcribe it offline with the embedded tiny.en model, and open it.")
    demo.add_argument("--no-gui", action="store_true",
                      help="run the same pipeline in the terminal and print a summary")
    demo.add_argument("--fresh", action="store_true",
                      help="start over (re-create the demo project and transcribe again)")
    demo.add_argument("--json", action="store_true", help="with --no-gui: print JSON")
    demo.set_defaults(func=run_demo_command)

    opener = subparsers.add_parser(
        "open", help="open a project, or make one from a recording, in the app",
        description="Open a .desk project in the app; a recording gets a new project "
                    "next to it.")
    opener.add_argument("path", metavar="PATH", help="a .desk project or a recording")
    opener.add_argument("--play", action="store_true", help="start playing once opened")
    opener.set_defaults(func=run_open_command)


def run_demo_command(args: argparse.Namespace) -> int:
    if not args.no_gui:
        from desk.ui.app import main as app_main

        return int(app_main(["--demo", *(["--fresh"] if args.fresh else [])]) or 0)
    from desk.core.demo import run_demo

    interactive = sys.stderr.isatty()
    shown: dict[str, int] = {}

    def progress(step: str, event: JobEvent) -> None:
        """A live line on a terminal; a line per 10 % of each step when stderr is a log."""
        if event.kind not in ("progress", "segments") or args.json:
            return
        text = f"{step} {format_time(event.done)} / {format_time(event.total)}"
        if interactive:
            shown["live"] = 1
            print(f"\r{text}\033[K", end="", file=sys.stderr, flush=True)
        elif event.total > 0 and int(10 * event.done / event.total) > shown.get(step, -1):
            shown[step] = int(10 * event.done / event.total)
            print(text, file=sys.stderr, flush=True)

    result = run_demo(progress, fresh=args.fresh)
    if shown.get("live"):
        print(file=sys.stderr)
    if args.json:
        print_json({
            "project": str(result.project_path), "recording": str(result.recording),
            "duration": round(result.duration, 3), "segments": result.segments,
            "words": result.words, "language": result.language, "model": result.model,
            "engine": result.engine, "seconds": round(result.seconds, 2),
            "transcribed": result.transcribed, "first_lines": result.first_lines,
            "speakers": result.speakers,
        })
        return 0
    state = "transcribed" if result.transcribed else "already transcribed"
    print(f"Demo project: {result.project_path}")
    print(f"Recording:    {result.recording} ({format_time(result.duration)})")
    print(f"Transcript:   {result.segments} segments, {result.words} words, "
          f"{state} with {result.engine} {result.model}")
    if result.speakers:
        print(f"Speakers:     {', '.join(result.speakers)} (found by voice; rename them in "
              "the app or with `desk speaker rename`)")
    for line in result.first_lines:
        print(f"  {line}")
    print(f"Took {result.seconds:.1f} s on this computer.")
    print(f"Open it with: desk open {result.project_path}")
    return 0


def run_open_command(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a .desk project or a recording")
    from desk.ui.app import main as app_main

    return int(app_main([str(path.resolve()), *(["--play"] if args.play else [])]) or 0)
