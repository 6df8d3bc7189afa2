"""`desk demo`: the sample recording, copied, made a project, transcribed and its speakers found.

The same steps serve the app (`desk demo`) and the terminal (`desk demo
--no-gui`): copy the bundled sample into the user's data folder (the
installation folder may be read-only), create its project with the default
codebook, transcribe it with the embedded tiny.en model, then find who speaks
when (where the `speakers` extra is installed: the question an analyst asks
first). A second run reuses the finished project; an interrupted transcription
is resumed.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desk.core.errors import MediaError, ModelError
from desk.core.pipeline.job_messages import JobEvent, JobOptions, SpeakerJobOptions
from desk.core.resources import resource_path
from desk.core.services.annotator import default_annotator
from desk.core.services.project_setup import create_project
from desk.core.services.resume import interrupted_transcript
from desk.core.speakers.model import require_extra
from desk.core.store import Project

SAMPLE_NAME = "sample.mp4"
PROJECT_NAME = "demo.desk"
DEMO_MODEL = "tiny.en"


@dataclass
class DemoPlan:
    folder: Path
    recording: Path
    project_path: Path
    needs_transcription: bool
    resume: bool
    needs_speakers: bool  # the speaker model is installed and nobody is labelled yet


@dataclass
class DemoResult:
    project_path: Path
    recording: Path
    duration: float
    segments: int
    words: int
    language: str | None
    model: str
    engine: str
    seconds: float  # wall time of this run
    transcribed: bool  # False when a finished project was reused
    first_lines: list[str]  # "Speaker 1: Hello everyone…" once speakers are known
    speakers: list[str]  # their names, in the pane's order


def demo_folder() -> Path:
    """`$DESK_DATA_DIR/demo`, else the platform's user data folder."""
    override = os.environ.get("DESK_DATA_DIR")
    base = Path(override) if override else Path(platformdirs.user_data_dir("Desk", False))
    return base / "demo"


def prepare_demo(folder: Path | None = None, fresh: bool = False) -> DemoPlan:
    """Copy the sample and create its project if needed; says what is left to do."""
    folder = folder or demo_folder()
    sample = resource_path("sample", SAMPLE_NAME)
    if not sample.is_file():
        raise MediaError(f"the sample recording is missing from this installation: {sample}")
    folder.mkdir(parents=True, exist_ok=True)
    recording = folder / SAMPLE_NAME
    project_path = folder / PROJECT_NAME
    if fresh:
        for path in (project_path, Path(f"{project_path}-wal"), Path(f"{project_path}-shm")):
            path.unlink(missing_ok=True)
    if not recording.is_file() or recording.stat().st_size != sample.stat().st_size:
        partial = recording.with_name(recording.name + ".part")
        shutil.copyfile(sample, partial)
        os.replace(partial, recording)
    if not project_path.exists():
        create_project(recording, project_path).close()
    with Project.open(project_path) as project:
        current = project.transcripts.current()
        resume = interrupted_transcript(project) is not None
        unlabelled = not project.speakers.list()
    needs = current is None or current.status != "complete"
    return DemoPlan(folder, recording, project_path, needs, resume,
                    needs_speakers=unlabelled and speaker_model_installed())


def speaker_model_installed() -> bool:
    try:
        require_extra()
    except ModelError:
        return False
    return True


DEMO_PROMPT = "Kamala Harris, DDoS"


def demo_options(resume: bool) -> JobOptions:
    # The prompt names what the sample talks about, as an analyst would for the real stream:
    # without it tiny.en hears "DDoS" as "D2S".
    return JobOptions(engine="auto", model=DEMO_MODEL, language="en", resume=resume,
                      prompt=DEMO_PROMPT)


def demo_speaker_options(annotator: str = "") -> SpeakerJobOptions:
    """Find how many speak (the sample has two), as an analyst would on a new recording.

    The labels are the analyst's own edits (undoable, theirs in the history): the window
    fills in its annotator, the terminal the default one.
    """
    return SpeakerJobOptions(speakers=None, annotator=annotator)


# What a demo step reports: its name ("transcribing", "identifying speakers") and its event.
OnStep = Callable[[str, JobEvent], None]


def run_demo(on_step: OnStep | None = None, folder: Path | None = None,
             fresh: bool = False) -> DemoResult:
    """The whole pipeline, blocking (the CLI); raises DeskError when a step fails."""
    from desk.core.pipeline.jobs import run_transcription
    from desk.core.services.identify_speakers import identify_speakers

    def step(name: str) -> Callable[[JobEvent], None] | None:
        return (lambda event: on_step(name, event)) if on_step else None

    started = time.monotonic()
    plan = prepare_demo(folder, fresh)
    if plan.needs_transcription:
        final = run_transcription(plan.project_path, demo_options(plan.resume),
                                  step("transcribing"))
        if final.kind != "finished":
            raise ModelError(f"the demo transcription {final.kind}: {final.message}")
    if plan.needs_speakers:
        final = identify_speakers(plan.project_path, demo_speaker_options(default_annotator()),
                                  step("identifying speakers"))
        if final.kind != "finished":
            raise ModelError(f"identifying the demo's speakers {final.kind}: {final.message}")
    return summarize(plan, time.monotonic() - started)


def summarize(plan: DemoPlan, seconds: float) -> DemoResult:
    with Project.open(plan.project_path, writable=False) as project:
        transcript = project.transcripts.current()
        segments = project.transcripts.segments(with_words=False)
        count, words = project.transcripts.count()
        first = [f"{s.speaker}: {s.text}" if s.speaker else s.text for s in segments[:3]]
        return DemoResult(
            project_path=plan.project_path, recording=plan.recording,
            duration=project.media.duration(), segments=count, words=words,
            language=transcript.language if transcript else None,
            model=transcript.model if transcript else "", engine=transcript.engine if transcript
            else "", seconds=seconds, transcribed=plan.needs_transcription,
            first_lines=first, speakers=[s.name for s in project.speakers.list()],
        )
