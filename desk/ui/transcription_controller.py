"""Transcribing from the app: start, live rows, progress with ETA, cancel, resume.

The job (desk.core.pipeline.jobs) runs Whisper in a child process that writes segments
to the project file itself; the app only follows its events on a JobRunner
thread. On "segments" the new rows are read by id and appended, so the
transcript grows while the analyst reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from desk.core.errors import DeskError
from desk.core.pipeline.job_messages import JobEvent, JobOptions, SpeakerJobOptions
from desk.core.services.resume import interrupted_transcript, resume_options
from desk.core.timecode import format_time
from desk.ui.project_handle import ProjectHandle
from desk.ui.settings import Settings
from desk.ui.status_reporter import StatusReporter
from desk.ui.transcript_model import TranscriptModel
from desk.ui.workers import EventSource, JobRunner

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


class JobProgress(QWidget):
    """Status-bar widget: progress bar, ETA, cancel button.

    `working` names the job in the label ("… %1 / %2": done / total time);
    by default it is a transcription's.
    """

    def __init__(self, parent: QWidget | None = None, working: str | None = None) -> None:
        super().__init__(parent)
        self.working = working or translate("transcription", "Transcribing %1 / %2")
        self.setObjectName("jobProgress")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(True)
        self.label = QLabel()
        self.cancel_button = QToolButton()
        self.cancel_button.setText(translate("transcription", "Cancel"))
        self.cancel_button.setObjectName("cancelJob")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

    def show_progress(self, done: float, total: float, eta: float | None,
                      scanning: bool = False) -> None:
        """The bar and its label; `scanning`: the recording is searched for dead air first."""
        fraction = done / total if total > 0 else 0.0
        self.bar.setValue(round(1000 * min(1.0, fraction)))
        self.bar.setFormat(f"{fraction:.0%}")
        template = (translate("transcription", "Finding dead air %1 / %2") if scanning
                    else self.working)
        text = template.replace("%1", format_time(done)).replace("%2", format_time(total))
        if eta is not None:
            left = translate("transcription", "about %1 left")
            text += " · " + left.replace("%1", format_time(eta))
        self.label.setText(text)


class TranscriptionController(QObject):
    """Runs at most one job for the open project and follows it."""

    job_ended = Signal(object)  # the last event (finished / failed / cancelled), or None
    state_changed = Signal()  # started, ended or became resumable: the actions follow
    transcript_changed = Signal()  # another transcript or engine: the title follows

    def __init__(self, projects: ProjectHandle, settings: Settings, report: StatusReporter,
                 model: TranscriptModel, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.projects = projects
        self.settings = settings
        self.report = report
        self.model = model
        self.dialog_parent = dialog_parent
        self.runner: JobRunner | None = None
        self.last_event: JobEvent | None = None
        # What the dialog asked to run once the transcript is complete (speakers), and who
        # runs it (the window wires the speaker identifier's start).
        self.then: SpeakerJobOptions | None = None
        self.run_then: Callable[[SpeakerJobOptions], object] | None = None
        self.progress = JobProgress()  # the window puts it in its status bar
        self.progress.hide()
        self.progress.cancel_button.clicked.connect(lambda: self.cancel())
        self.resume_banner = ResumeBanner(self)  # the window puts it above the transcript
        self.resume_banner.hide()

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.isRunning()

    # -- starting -------------------------------------------------------------------------
    def open_dialog(self) -> None:
        from desk.ui.transcription_dialog import TranscriptionDialog

        if self.projects.project is None or self.running:
            return
        current = self.projects.project.versions.list()
        label = next((v.label for v in current if v.current), None)
        dialog = TranscriptionDialog(self.settings, resumable=self.resumable(),
                                     parent=self.dialog_parent, current=label)
        if dialog.exec() and self.start(dialog.options()):
            self.then = dialog.speaker_request()

    def resumable(self) -> bool:
        project = self.projects.project
        return project is not None and interrupted_transcript(project) is not None

    def resume(self) -> None:
        project = self.projects.project
        interrupted = interrupted_transcript(project) if project is not None else None
        if interrupted is not None:
            self.start(resume_options(interrupted))

    def start(self, options: JobOptions, job: EventSource | None = None) -> bool:
        """Launch a job (or the given one: tests pass a scripted job) and follow it."""
        project = self.projects.project
        if project is None or self.running:
            return False
        try:
            if job is None:
                job = self._make_job(options)
        except DeskError as exc:
            self.report.error(str(exc))
            return False
        self.resume_banner.hide()
        self.last_event = None
        self.runner = JobRunner(job, self)
        self.runner.job_event.connect(self._on_event)
        self.runner.crashed.connect(self._on_crash)
        self.runner.finished.connect(self._on_thread_finished)
        self.progress.show_progress(0.0, project.media.duration(), None)
        self.progress.show()
        self.runner.start()
        self.state_changed.emit()
        return True

    def _make_job(self, options: JobOptions) -> EventSource:
        from desk.core.pipeline.jobs import TranscriptionJob
        from desk.core.weights.catalog import resolve_model

        project = self.projects.project
        assert project is not None
        resolve_model(options.model)  # a missing model is a dialog now, not a failed job later
        return TranscriptionJob(project.path, options)

    # -- following --------------------------------------------------------------------------
    def _on_event(self, event: JobEvent) -> None:
        self.last_event = event
        model = self.model
        if self.projects.project is None:
            return
        if event.kind == "started":
            if event.transcript_id is not None:  # a resume may have discarded its last window
                model.reload()
            self.transcript_changed.emit()
        elif event.kind == "segments" and (
                event.transcript_id is None or model.transcript_id in (None,
                                                                       event.transcript_id)):
            # (A run beside the current version is not shown until it completes.)
            model.append_segments(list(event.segment_ids))
        if event.kind in ("started", "scanning", "progress", "segments"):
            self.progress.show_progress(event.done, event.total, event.eta,
                                        scanning=event.kind == "scanning")
        elif event.kind == "finished":
            self.report.status(translate("transcription", "Transcription finished."))
        elif event.kind == "cancelled":
            self.report.status(translate(
                "transcription", "Transcription cancelled; what was transcribed is kept."))
        elif event.kind == "failed":
            self.report.error(event.message or translate(
                "transcription", "The transcription failed; see the log file."))

    def _on_crash(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, DeskError) else translate(
            "transcription", "The transcription could not run; details are in the log file.")
        self.report.error(message)

    def _on_thread_finished(self) -> None:
        runner, self.runner = self.runner, None
        if runner is None:
            return
        self.progress.hide()
        runner.deleteLater()
        project = self.projects.project
        if project is not None and runner.job.needs_recording:
            runner.job.record_ending(project)  # the app's own connection
        if project is not None:
            current = project.transcripts.current()
            if (current.id if current else None) != self.model.transcript_id:
                self.model.reload()  # the new run completed: it is the current version now
            else:
                self.model.refresh_annotations()
            self.transcript_changed.emit()
        self.state_changed.emit()
        self.job_ended.emit(self.last_event)
        then, self.then = self.then, None
        if then is not None and self.run_then and self.last_event is not None \
                and self.last_event.kind == "finished":
            self.run_then(then)

    def cancel(self, quietly: bool = False) -> None:
        """Stop the child; stored segments stay. `quietly`: closing, so wait for the thread."""
        if self.runner is not None and self.runner.stop(wait=quietly):
            self._on_thread_finished()

    def offer_resume(self) -> None:
        """After opening: an interrupted transcription gets a banner with a Resume button."""
        project = self.projects.project
        interrupted = interrupted_transcript(project) if project is not None else None
        if project is None or self.running or interrupted is None or not project.writable:
            self.resume_banner.hide()
            return
        self.resume_banner.show_for(interrupted.progress, interrupted.total)
        self.state_changed.emit()


class ResumeBanner(QWidget):
    """"Transcription stopped at 12:30 of 1:10:00 [Resume] [×]" above the transcript."""

    def __init__(self, controller: TranscriptionController) -> None:
        super().__init__()
        self.setObjectName("resumeBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.resume_button = QToolButton()
        self.resume_button.setObjectName("resumeButton")
        self.resume_button.setText(translate("transcription", "Resume"))
        dismiss = QToolButton()
        dismiss.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(dismiss)
        self.resume_button.clicked.connect(controller.resume)
        dismiss.clicked.connect(self.hide)

    def show_for(self, done: float, total: float) -> None:
        self.label.setText(translate("transcription", "The transcription stopped at %1 of %2.")
                           .replace("%1", format_time(done)).replace("%2", format_time(total)))
        self.show()
