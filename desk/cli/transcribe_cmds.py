"""`desk transcribe` and `desk models`: local Whisper, with progress on stderr."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from types import FrameType

from desk.cli.common import add_json_arg, print_json, print_table, remove_project_file
from desk.cli.progress_line import ProgressLine
from desk.core.errors import DeskError
from desk.core.pipeline.job_messages import JobOptions, SpeakerJobOptions
from desk.core.pipeline.jobs import TranscriptionJob, run_transcription
from desk.core.services.project_setup import project_for_target
from desk.core.timecode import format_time


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("transcribe", help="transcribe a recording locally with Whisper")
    p.add_argument("target", metavar="MEDIA|PROJECT",
                   help="a recording (a project is created beside it) or a .desk project")
    p.add_argument("-p", "--project", help="project file for a recording (default: MEDIA.desk)")
    p.add_argument("--engine", default="auto", choices=["auto", "openai", "faster"],
                   help="auto = faster-whisper when installed (default)")
    p.add_argument("--model", default="tiny.en", help="model name or path (default: tiny.en)")
    p.add_argument("--language", default="auto", help="auto (detect), en, de, ...")
    p.add_argument("--prompt", help="names and words to expect (e.g. 'Kamala Harris, DDoS')")
    p.add_argument("--resume", action="store_true", help="continue an interrupted job")
    p.add_argument("--decoding", default="accurate", choices=["adaptive", "accurate", "faster"],
                   help="adaptive = greedy, and beam search where a step is doubtful (default); "
                        "accurate = beam search everywhere; faster = greedy everywhere")
    p.add_argument("--beam-size", type=int, default=5,
                   help="beam search width (default 5; 1 = greedy everywhere)")
    p.add_argument("--threads", type=int, default=None,
                   help="CPU threads (default: all cores; the app uses half)")
    p.add_argument("--speakers", default=None, metavar="auto|N",
                   help="then find who speaks when: auto (find the number) or how many "
                        "(as `desk speakers`)")
    p.set_defaults(func=cmd_transcribe)

    p = sub.add_parser("models", help="list the Whisper models available offline")
    add_json_arg(p)
    p.add_argument("--download", metavar="NAME", help="fetch an official model (needs network)")
    p.set_defaults(func=cmd_models)


def cmd_transcribe(args: argparse.Namespace) -> int:
    from desk.core.pipeline.engines.registry import choose_engine
    from desk.core.pipeline.engines.segments import check_language
    from desk.core.weights.catalog import resolve_model

    # Fail on a missing model or engine, or a language the model lacks, before a
    # project is created for a recording (a resume keeps the language it began with).
    model = resolve_model(args.model)
    choose_engine(args.engine, model)
    if not args.resume and args.language not in ("", "auto"):
        check_language(model, args.language)
    speakers = _speaker_request(args)
    project_path, made = project_for_target(Path(args.target),
                                            Path(args.project) if args.project else None)
    if made:
        print(f"created {project_path}", file=sys.stderr)
    options = JobOptions(engine=args.engine, model=args.model, language=args.language,
                         prompt=args.prompt, resume=args.resume, beam_size=args.beam_size,
                         decoding=args.decoding,
                         threads=args.threads or _all_cores())
    job = TranscriptionJob(project_path, options)
    progress = ProgressLine()

    def interrupt(signum: int, frame: FrameType | None) -> None:
        job.cancel()

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        final = run_transcription(project_path, options, progress, job=job)
    except BaseException as exc:
        if made and not isinstance(exc, KeyboardInterrupt):
            remove_project_file(project_path)
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
        progress.close()
    if made and final.kind not in ("finished", "cancelled"):
        remove_project_file(project_path)  # made for this run, which failed: leave nothing
    if final.kind == "finished":
        print(f"{project_path}: {final.message}")
        return 0 if speakers is None else _identify_after(project_path, speakers)
    if final.kind == "cancelled":
        print(f"desk: cancelled at {format_time(final.done)}; continue with "
              f"`desk transcribe {project_path} --resume`", file=sys.stderr)
        return 130
    if job.returncode == 2:
        raise DeskError(final.message)
    print(f"desk: error: {final.message}", file=sys.stderr)
    return 1


def _speaker_request(args: argparse.Namespace) -> SpeakerJobOptions | None:
    """`--speakers`, checked before anything is transcribed (a bad count, no speaker model)."""
    if args.speakers is None:
        return None
    from desk.cli.identify_cmds import speaker_options
    from desk.core.speakers.model import require_extra

    options = speaker_options(args, args.speakers)
    require_extra()
    return options


def _identify_after(project_path: Path, options: SpeakerJobOptions) -> int:
    from desk.cli.identify_cmds import report_unfinished, run_speaker_job

    final = run_speaker_job(project_path, options)
    if final.kind != "finished":
        return report_unfinished(final, f"desk speakers {project_path}")
    print(f"{project_path}: {final.message}")
    return 0


def _all_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows
        return max(1, os.cpu_count() or 1)


def cmd_models(args: argparse.Namespace) -> int:
    from desk.core.weights.catalog import download_model, list_models

    if args.download:
        def report(done: int, total: int | None) -> None:
            if total:
                sys.stderr.write(f"\r{args.download}: {100 * done // total}%")

        ref = download_model(args.download, report)
        print(f"\n{ref.name}: {ref.path}")
        return 0
    models = list_models()
    if args.json:
        print_json([m.to_json() for m in models])
        return 0
    print_table([[m.name, m.format, "multilingual" if m.multilingual else "English",
                  f"{m.size / 1e6:.0f} MB", m.source, str(m.path)] for m in models],
                ["model", "format", "languages", "size", "source", "path"])
    return 0
