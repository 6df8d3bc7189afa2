"""A speaker job in a child process: identify speakers, or take a voice print.

The same rules as a transcription job (jobs.py): the child opens the project
itself, reports JSON-line events (progress in seconds of speech, with an ETA
and a heartbeat), dies with its parent, and claims the transcript it labels
so that no other job works on it meanwhile (a killed job's claim is stale).
It writes once, at the end, in one transaction: a kill at any moment leaves
the project as it was, and the run can simply be started again. torch is
loaded only in the child.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from desk.core.errors import DeskError, InputError
from desk.core.pipeline import job_guard
from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.job_messages import SPEAKER_TASKS, JobEvent, SpeakerJobOptions
from desk.core.pipeline.job_progress import JobProgress
from desk.core.pipeline.jobs import EXIT_BAD_INPUT, ChildJob, event_channel
from desk.core.records import Word
from desk.core.store import Project

Emit = Callable[[JobEvent], None]


def speaker_worker_command(project_path: Path, options: SpeakerJobOptions) -> list[str]:
    payload = json.dumps(options.to_json())
    if getattr(sys, "frozen", False):
        return [sys.executable, "--speaker-worker", str(project_path), payload]
    return [sys.executable, "-m", "desk.core.pipeline.speaker_job", str(project_path), payload]


class SpeakerJob(ChildJob):
    """The parent's handle on one speaker child (start, events, cancel: see ChildJob)."""

    def __init__(self, project_path: Path | str, options: SpeakerJobOptions) -> None:
        super().__init__(project_path, speaker_worker_command(Path(project_path), options),
                         "speakers")
        self.options = options


# -- the child's side ------------------------------------------------------------------
def worker_main(argv: list[str]) -> int:
    """Entry point of the child process: run one speaker job, report events as JSON lines."""
    from desk.core.logs import setup_logging

    job_guard.die_with_parent()
    setup_logging("speakers")
    emit = event_channel()
    try:
        options = SpeakerJobOptions.from_json(json.loads(argv[1]))
        emit(run(Path(argv[0]), options, emit))
        return 0
    except DeskError as exc:
        emit(JobEvent("failed", message=str(exc)))
        return EXIT_BAD_INPUT
    except Exception as exc:
        logging.getLogger("desk.speakers").exception("speaker job failed")
        emit(JobEvent("failed", message=f"identifying speakers failed: "
                                        f"{exc.__class__.__name__}: {exc}"))
        return 1


def run(project_path: Path, options: SpeakerJobOptions, emit: Emit) -> JobEvent:
    """Do the job's task; returns its final event (finished)."""
    if options.task not in SPEAKER_TASKS:
        raise InputError(f"unknown speaker task '{options.task}'")
    if options.task == "voiceprint":
        with Project.open(project_path, writable=False) as project:
            return _voiceprint(project, options, emit)
    with Project.open(project_path) as project:
        return _identify(project, options, emit)


def _identify(project: Project, options: SpeakerJobOptions, emit: Emit) -> JobEvent:
    from desk.core.speakers import identify, regions
    from desk.core.speakers.model import SpeakerEmbedder
    from desk.core.speakers.profiles import VoiceLibrary

    transcript = project.transcripts.current()
    if transcript is None or transcript.id is None:
        raise InputError(f"{project.path.name} has no transcript to find speakers in: "
                         "transcribe it first")
    tid = transcript.id
    segments = identify.transcript_segments(project)
    speech = sum(r.duration for r in regions.from_words(
        w for s in segments for w in (s.words or [Word(s.start, s.end, s.text)])))
    holder = job_guard.this_process()
    other = project.transcripts.claim(tid, holder, job_guard.is_stale)
    if other is not None:
        pid = job_guard.holder_pid(other)
        raise InputError(f"transcript {tid} is in use by another job"
                         + (f" (process {pid})" if pid else "") + "; wait for it to end")
    try:
        emit(JobEvent("started", tid, 0.0, speech,
                      message=f"voice prints of {speech:.0f} s of speech"))
        window = Window(0.0, max(speech, 1e-6))  # the speech as one window, no dead air
        meter = JobProgress(emit, functools.partial(JobEvent, transcript_id=tid),
                            speech, [window])
        meter.begin(window)

        def progress(done: float, total: float) -> None:
            job_guard.stop_if_orphaned()
            meter.engine_progress(done)

        library = VoiceLibrary(Path(options.library) if options.library else None) \
            if options.use_profiles else None
        with meter.heartbeat():
            summary = identify.identify(project, options.speakers, options.replace, library,
                                        options.annotator, progress,
                                        SpeakerEmbedder(options.threads))
            meter.end(window)
    finally:
        project.transcripts.release(tid, holder)
    matched = ", ".join(f"{name} ({score:.2f})" for name, score in summary.matched.items())
    return JobEvent(
        "finished", tid, speech, speech, 0.0, details=asdict(summary),
        message=(f"{len(summary.speakers)} speaker{'s' if len(summary.speakers) != 1 else ''}"
                 f" ({', '.join(summary.speakers)}); {summary.segments} segments labelled, "
                 f"{summary.split} cut where the voice changes, {summary.kept} set by hand "
                 "kept" + (f"; matched by voice: {matched}" if matched else "")))


def _voiceprint(project: Project, options: SpeakerJobOptions, emit: Emit) -> JobEvent:
    from desk.core.speakers import regions
    from desk.core.speakers.identify import recording, spoken_by, voice_of
    from desk.core.speakers.model import SpeakerEmbedder
    from desk.core.speakers.profiles import VoiceLibrary

    if not options.speaker:
        raise InputError("a voice print needs the speaker it is of")
    who, said = spoken_by(project, options.speaker)
    speech = sum(r.duration for r in regions.from_words(said))
    emit(JobEvent("started", done=0.0, total=speech,
                  message=f"taking the voice print of {who}"))
    window = Window(0.0, max(speech, 1e-6))
    meter = JobProgress(emit, JobEvent, speech, [window])
    meter.begin(window)

    def progress(done: float, total: float) -> None:
        job_guard.stop_if_orphaned()
        meter.engine_progress(done)

    with meter.heartbeat():
        voice = voice_of(recording(project), who, said, options.profile,
                         SpeakerEmbedder(options.threads), progress)
        meter.end(window)
    library = VoiceLibrary(Path(options.library) if options.library else None)
    saved = library.add(voice)
    return JobEvent("finished", done=speech, total=speech,
                    details={"name": saved.name, "windows": voice.windows,
                             "total_windows": saved.windows, "library": str(library.path)},
                    message=f"voice profile '{saved.name}': {voice.windows} windows "
                            f"({saved.windows} in all) in {library.path}")


if __name__ == "__main__":
    raise SystemExit(worker_main(sys.argv[1:]))
