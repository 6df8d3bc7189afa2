"""`desk speakers`: find who speaks when in a project's transcript, offline.

The work runs in a speaker job's child (progress on stderr, Ctrl+C cancels
and changes nothing); the result is one step for `desk undo`. Segments whose
speaker the analyst set stay as they are unless `--replace` is given; voices
the profile library knows (`desk voices`) are named and marked for
`desk speaker confirm|reject`.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from desk.cli.common import add_json_arg, add_project_arg, open_project, print_json
from desk.cli.progress_line import ProgressLine
from desk.cli.speaker_cmds import speaker_json
from desk.core.errors import DeskError
from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.core.services.annotator import default_annotator
from desk.core.services.identify_speakers import identify_speakers, speaker_job
from desk.core.timecode import format_time

COUNT_HELP = "auto (find the number, default) or how many speak"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "speakers", help="find who speaks when in the transcript (offline)",
        description="Label every segment of the current transcript with its speaker "
                    "(Speaker 1, 2, …), cutting segments where the voice changes; "
                    "voices in the profile library are named. One step for `desk undo`.")
    add_project_arg(p)
    add_speaker_count_arg(p)
    p.add_argument("--replace", action="store_true",
                   help="relabel the segments whose speaker was set by hand too")
    p.add_argument("--no-profiles", action="store_true",
                   help="do not name voices after the profile library (`desk voices`)")
    p.add_argument("--annotator", default=None, help="who did it (default: $DESK_ANNOTATOR)")
    add_json_arg(p)
    p.set_defaults(func=cmd_speakers)


def add_speaker_count_arg(parser: argparse.ArgumentParser, default: str | None = "auto") -> None:
    parser.add_argument("--speakers", default=default, metavar="auto|N", help=COUNT_HELP)


def speaker_options(args: argparse.Namespace, count: str) -> SpeakerJobOptions:
    """The job's options from the command line; a bad count is refused here (exit 2)."""
    from desk.core.speakers.diarize import parse_count

    annotator = getattr(args, "annotator", None)
    return SpeakerJobOptions(
        speakers=parse_count(count), replace=bool(getattr(args, "replace", False)),
        use_profiles=not getattr(args, "no_profiles", False),
        annotator=str(annotator) if annotator is not None else default_annotator())


def cmd_speakers(args: argparse.Namespace) -> int:
    path = Path(args.project)
    final = run_speaker_job(path, speaker_options(args, args.speakers))
    if final.kind != "finished":
        return report_unfinished(final, f"desk speakers {path}")
    if args.json:
        with open_project(path, writable=False) as project:
            speakers = [speaker_json(s) for s in project.speakers.list()]
        print_json({**final.details, "speakers": speakers})
    else:
        print(f"{path}: {final.message}")
    return 0


def run_speaker_job(path: Path, options: SpeakerJobOptions,
                    doing: str = "identifying speakers") -> JobEvent:
    """Check, start and follow a speaker job with a progress line; Ctrl+C cancels it."""
    with open_project(path, writable=False) as project:
        job = speaker_job(project, options)
    progress = ProgressLine(doing)

    def interrupt(signum: int, frame: FrameType | None) -> None:
        job.cancel()

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        return identify_speakers(path, options, progress, job=job)
    finally:
        signal.signal(signal.SIGINT, previous)
        progress.close()


def report_unfinished(final: JobEvent, again: str) -> int:
    """A cancelled (130) or crashed (1) job: the project is as it was; say how to run again."""
    if final.kind == "cancelled":
        print(f"desk: cancelled at {format_time(final.done)} of the speech; nothing was "
              f"changed; run `{again}` again", file=sys.stderr)
        return 130
    if final.kind == "failed":
        print(f"desk: error: {final.message}", file=sys.stderr)
        return 1
    raise DeskError(f"the speaker job ended oddly: {final.kind}")
