"""Identify speakers and keep voice prints: the recipes the CLI and the window both run.

Everything heavy runs in a speaker job's child (pipeline/speaker_job.py), so the
caller's thread only reads events; what can fail on bad input is checked
first, in the caller's process and without torch, so a bad request starts no
child and changes nothing. The window builds the job with `speaker_job` and
follows it with its JobRunner; the CLI calls `identify_speakers`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desk.core.errors import InputError, MediaError
from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.core.pipeline.jobs import EXIT_BAD_INPUT, run_job
from desk.core.pipeline.speaker_job import SpeakerJob
from desk.core.speakers.model import require_extra
from desk.core.store import Project

OnEvent = Callable[[JobEvent], None]


class SpeakerJobFailed(InputError):
    """The child refused the request (bad input it found), with its one-line reason."""


def check_ready(project: Project, options: SpeakerJobOptions) -> None:
    """Refuse, before any child starts: no speaker model, no recording, no transcript."""
    require_extra()
    media = project.media.get()
    if media is None:
        raise InputError(f"{project.path.name} has no recording attached")
    if not Path(media.path).is_file():
        raise MediaError(f"the recording is missing: {media.path} (moved? relink it in Desk)")
    if options.speakers is not None and options.speakers < 1:
        raise InputError("--speakers must be at least 1")
    if not project.transcripts.count()[0]:
        raise InputError(f"{project.path.name} has no transcript to find speakers in: "
                         "transcribe it first")
    if options.task == "voiceprint":
        if not options.speaker:
            raise InputError("a voice print needs the speaker it is of")
        project.speakers.get(options.speaker)  # an unknown name is refused here


def speaker_job(project: Project, options: SpeakerJobOptions) -> SpeakerJob:
    """A checked job on the caller's open project, not yet started (the window's entry)."""
    check_ready(project, options)
    return SpeakerJob(project.path, options)


def identify_speakers(project_path: Path, options: SpeakerJobOptions,
                      on_event: OnEvent | None = None,
                      job: SpeakerJob | None = None) -> JobEvent:
    """Run a speaker job to its end (blocking) and return its final event.

    For callers without an open project (the CLI). A refusal the child found
    (exit 2) is raised as SpeakerJobFailed; a crash or a cancel is returned.
    """
    if job is None:
        with Project.open(project_path, writable=False) as project:
            job = speaker_job(project, options)
    final = run_job(job, on_event)
    if final.kind == "failed" and job.returncode == EXIT_BAD_INPUT:
        raise SpeakerJobFailed(final.message)
    return final
