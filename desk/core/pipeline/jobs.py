"""A transcription job in a child process: progress, cancel, resume.

`ChildJob` is the parent's side of any job child (the speaker job's too,
speaker_job.py); `TranscriptionJob` adds what a killed transcription leaves to record.

The child (`python -m desk.core.pipeline.jobs`, or `desk --job-worker` in a frozen app)
opens the project itself and commits every segment as it is produced; it
reports JSON-line events on a private copy of stdout. The parent only reads
those events. Cancel is a kill: nothing in the child needs to cooperate, and a
crashing model (or a SIGKILL from the OS) spares the app and loses at most the
window being decoded. `--resume` continues from the last window stored whole.
The child dies with the parent (job_guard.py): its stdin is a pipe the parent
holds open and never writes to.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from desk.core.errors import DeskError
from desk.core.logs import log_dir
from desk.core.pipeline import job_guard
from desk.core.pipeline.job_messages import JobEvent, JobOptions
from desk.core.store import Project

__all__ = ["ChildJob", "JobEvent", "JobOptions", "TranscriptionJob", "run_job",
           "run_transcription"]

EXIT_BAD_INPUT = 2
# Windows: the child never opens a console window of its own (no flash when the windowed
# app starts it, even if its executable is a console program); elsewhere 0 = no flags.
CHILD_CREATION_FLAGS = getattr(subprocess, "CREATE_NO_WINDOW", 0)


def worker_command(project_path: Path, options: JobOptions) -> list[str]:
    payload = json.dumps(options.to_json())
    if getattr(sys, "frozen", False):
        return [sys.executable, "--job-worker", str(project_path), payload]
    return [sys.executable, "-m", "desk.core.pipeline.jobs", str(project_path), payload]


class ChildJob:
    """The parent's handle on one job child process: start it, read its events, kill it."""

    def __init__(self, project_path: Path | str, command: list[str], name: str) -> None:
        self.project_path = Path(project_path)
        self.name = name  # what the job does, as messages and the log file name it
        self.command = command
        self._process: subprocess.Popen[str] | None = None
        self._cancelled = False
        self.last_event: JobEvent | None = None
        self.log_path = log_dir() / f"{name}.log"

    def start(self) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
        env[job_guard.PARENT_ENV] = str(os.getpid())
        log = self.log_path.open("a", encoding="utf-8")
        try:
            self._process = subprocess.Popen(
                self.command, stdout=subprocess.PIPE,
                stderr=log, stdin=subprocess.PIPE, text=True, encoding="utf-8", env=env,
                creationflags=CHILD_CREATION_FLAGS,
            )
        finally:
            log.close()
        if self._cancelled:  # cancelled before the child was there (Cancel at once)
            self._process.kill()

    def events(self) -> Iterator[JobEvent]:
        """Events until the child ends; the last one is finished, failed or cancelled."""
        process = self._process
        if process is None:
            raise RuntimeError("start() the job first")
        assert process.stdout is not None
        final: JobEvent | None = None
        for line in process.stdout:
            try:
                event = JobEvent.from_json(json.loads(line))
            except (json.JSONDecodeError, TypeError):
                continue  # a library printed to our channel; ignore it
            self.last_event = event
            if event.kind in ("finished", "failed"):
                final = event
            yield event
        code = process.wait()
        if process.stdin is not None:
            process.stdin.close()  # the child's watchdog pipe (it is gone already)
        if final is None or self._cancelled:
            final = self._ended_without_report(code)
            self.last_event = final
            yield final

    def cancel(self) -> None:
        """Kill the child now; what it committed stays (a job commits whole steps only)."""
        self._cancelled = True
        if self._process is not None and self._process.poll() is None:
            self._process.kill()

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    @property
    def returncode(self) -> int | None:
        return None if self._process is None else self._process.poll()

    @property
    def needs_recording(self) -> bool:
        """The child ended without reporting it: `record_ending` should store that."""
        return False

    def record_ending(self, project: Project) -> None:
        """Store an end the child could not report (nothing to store for most jobs)."""

    def _ended_without_report(self, code: int) -> JobEvent:
        kind = "cancelled" if self._cancelled else "failed"
        message = ("cancelled" if self._cancelled else
                   f"the {self.name} process stopped unexpectedly (exit {code}); "
                   f"details in {self.log_path}")
        last = self.last_event
        return JobEvent(kind, last.transcript_id if last else None, last.done if last else 0.0,
                        last.total if last else 0.0, message=message)


class TranscriptionJob(ChildJob):
    """The parent's handle on one transcription child process."""

    def __init__(self, project_path: Path | str, options: JobOptions) -> None:
        super().__init__(project_path, worker_command(Path(project_path), options),
                         "transcription")
        self.options = options
        self._unrecorded = False

    @property
    def needs_recording(self) -> bool:
        """The child ended without reporting it: `record_ending` should store that."""
        return self._unrecorded

    def _ended_without_report(self, code: int) -> JobEvent:
        """The child was killed (cancel, crash, out of memory); `record_ending` stores that."""
        event = super()._ended_without_report(code)
        event.message = f"{event.message}; resume to continue"
        self._unrecorded = event.transcript_id is not None
        return event

    def record_ending(self, project: Project) -> None:
        """Store an end the child could not report, through the caller's own open project.

        The caller passes the Project it already has open (the app's); a second
        connection opened and closed beside it in the same process is what once
        let a job's end delete the app's journal (issue #11).
        """
        event = self.last_event
        if not self._unrecorded or event is None or event.transcript_id is None:
            return
        self._unrecorded = False
        cancelled = event.kind == "cancelled"
        try:
            holder = project.transcripts.claim_holder(event.transcript_id)
            if holder is not None and not job_guard.is_stale(holder):
                return  # another job has taken the transcript over: its status is its own
            project.transcripts.update(event.transcript_id, status=event.kind,
                                       error=None if cancelled else event.message)
        except DeskError as exc:  # locked or read-only now: the next resume still works
            logging.getLogger("desk.jobs").warning("could not record the job's end: %s", exc)


def run_transcription(project_path: Path | str, options: JobOptions,
                      on_event: Callable[[JobEvent], None] | None = None,
                      job: TranscriptionJob | None = None) -> JobEvent:
    """Run a job to its end (blocking) and return its final event.

    For callers without an open project (the CLI): an end the child could not
    report is stored here, in a project opened once the child is gone.
    """
    job = job or TranscriptionJob(project_path, options)
    final = run_job(job, on_event)
    if job.needs_recording:
        with contextlib.suppress(DeskError), Project.open(project_path) as project:
            job.record_ending(project)
    return final


def run_job(job: ChildJob, on_event: Callable[[JobEvent], None] | None = None) -> JobEvent:
    """Start a job, pass each event on, and return the final one (blocking)."""
    job.start()
    final = JobEvent("failed", message="no events")
    for event in job.events():
        if on_event:
            on_event(event)
        final = event
    return final


# -- the child's side ------------------------------------------------------------------
def event_channel() -> Callable[[JobEvent], None]:
    """In the child: `emit(event)` writes JSON lines on a private copy of stdout.

    Anything a library prints goes to stderr (the log) instead, not into the channel.
    """
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def emit(event: JobEvent) -> None:
        channel.write(json.dumps(event.to_json()) + "\n")
        channel.flush()

    return emit


def worker_main(argv: list[str]) -> int:
    """Entry point of the child process: run one job, report events as JSON lines."""
    from desk.core.logs import setup_logging
    from desk.core.pipeline import transcription

    job_guard.die_with_parent()
    setup_logging("transcription")
    project_path, options = Path(argv[0]), JobOptions.from_json(json.loads(argv[1]))
    emit = event_channel()
    plan = None
    try:
        plan = transcription.prepare(project_path, options)
        final = transcription.run(plan, options, emit)
        emit(final)
        return 0
    except DeskError as exc:
        _record_failure(plan, str(exc))
        emit(JobEvent("failed", message=str(exc)))
        return EXIT_BAD_INPUT
    except Exception as exc:
        logging.getLogger("desk.jobs").exception("transcription failed")
        message = f"transcription failed: {exc.__class__.__name__}: {exc}"
        _record_failure(plan, message)
        emit(JobEvent("failed", message=message))
        return 1


def _record_failure(plan: object, message: str) -> None:
    project = getattr(plan, "project", None)
    if project is None:
        return
    running = project.versions.newest(("running",))
    if running is not None:
        project.transcripts.update(running.id, status="failed", error=message)


if __name__ == "__main__":
    raise SystemExit(worker_main(sys.argv[1:]))
