"""One speaker job's child, followed from the window: progress, Cancel, the closing rule.

Identify speakers and Save voice run the same job (pipeline/speaker_job.py)
with different tasks; this is what they share. The request is checked first
(services/identify_speakers.py: no model, no recording, no transcript, no such
speaker: a message, no child); the child's events come through a JobRunner
thread; the status bar shows the progress and a Cancel button; closing the
project cancels the child and waits for its thread. Subclasses say what the
job's ending means (`on_finished`, and the texts).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desk.core.errors import DeskError
from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.ui.project_handle import ProjectHandle
from desk.ui.status_reporter import StatusReporter
from desk.ui.transcription_controller import JobProgress
from desk.ui.workers import EventSource, JobRunner


class SpeakerRun(QObject):
    """At most one job of this kind for the open project (see the module doc)."""

    ended = Signal(object)  # the last event, or None
    state_changed = Signal()  # started or ended: actions follow `running`

    def __init__(self, projects: ProjectHandle, report: StatusReporter,
                 annotator: Callable[[], str], working: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.projects, self.report, self.annotator = projects, report, annotator
        self.dialog_parent = parent
        self.runner: JobRunner | None = None
        self.last_event: JobEvent | None = None
        self.progress = JobProgress(working=working)  # "… %1 / %2 of speech"
        self.progress.hide()  # the window puts it in its status bar
        self.progress.cancel_button.clicked.connect(lambda: self.cancel())
        projects.closed.connect(self._on_closed)

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.isRunning()

    def start(self, options: SpeakerJobOptions, job: EventSource | None = None) -> bool:
        """Check the request, then run the job (tests pass a scripted one)."""
        from desk.core.services.identify_speakers import speaker_job

        project = self.projects.project
        if project is None or self.running:
            return False
        if not options.annotator:
            options = dataclasses.replace(options, annotator=self.annotator())
        try:
            job = job or speaker_job(project, options)
        except DeskError as exc:
            self.report.error(self.refused(str(exc)))
            return False
        self.last_event = None
        self.runner = JobRunner(job, self)
        self.runner.job_event.connect(self._on_event)
        self.runner.crashed.connect(lambda exc: self.report.error(
            self.refused(str(exc)) if isinstance(exc, DeskError) else self.crashed_text()))
        self.runner.finished.connect(self._on_thread_finished)
        self.progress.show_progress(0.0, 1.0, None)
        self.progress.show()
        self.runner.start()
        self.state_changed.emit()
        return True

    def _on_event(self, event: JobEvent) -> None:
        self.last_event = event
        if event.kind in ("started", "progress"):
            self.progress.show_progress(event.done, event.total, event.eta)
        elif event.kind == "finished":
            self.on_finished(event)
        elif event.kind == "cancelled":
            self.report.status(self.cancelled_text())
        elif event.kind == "failed":
            self.report.error(self.refused(event.message) if event.message
                              else self.crashed_text())

    def _on_thread_finished(self) -> None:
        runner, self.runner = self.runner, None
        if runner is None:
            return
        self.progress.hide()
        runner.deleteLater()
        self.state_changed.emit()
        self.ended.emit(self.last_event)

    def cancel(self, quietly: bool = False) -> None:
        """Stop the child; nothing is written. `quietly`: closing, so wait for the thread."""
        if self.runner is not None and self.runner.stop(wait=quietly):
            self._on_thread_finished()

    def _on_closed(self) -> None:
        self.cancel(quietly=True)
        self.state_changed.emit()

    # -- what a kind of job says --------------------------------------------------------------
    def on_finished(self, event: JobEvent) -> None:
        raise NotImplementedError

    def refused(self, reason: str) -> str:
        """The message for a request the core refused (its one line, as it stands)."""
        return reason

    def cancelled_text(self) -> str:
        raise NotImplementedError

    def crashed_text(self) -> str:
        raise NotImplementedError
