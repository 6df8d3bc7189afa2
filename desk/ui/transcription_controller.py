"""Transcribing from the app: start, live rows, progress with ETA, cancel, resume.

The job (desk.core.pipeline.jobs) runs Whisper in a child process that writes segments
to the project file itself; the app only follows its events on a JobRunner
thread. On "segments" the new rows are read by id and appended, so the
transcript grows while the analyst reads it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from desk.core.errors import DeskError
from desk.core.services.resume import interrupted_transcript, resume_options
from desk.core.timecode import format_time
from desk.ui.workers import JobRunner

if TYPE_CHECKING:
    from desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


class JobProgress(QWidget):
    """Status-bar widget: progress bar, ETA, cancel button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def show_progress(self, done: float, total: float, eta: float | None) -> None:
        fraction = done / total if total > 0 else 0.0
        self.bar.setValue(round(1000 * min(1.0, fraction)))
        self.bar.setFormat(f"{fraction:.0%}")
        text = translate("transcription", "Transcribing %1 / %2").replace("%1", format_time(done)) \
            .replace("%2", format_time(total))
        if eta is not None:
            left = translate("transcription", "about %1 left")
            text += " · " + left.replace("%1", format_time(eta))
        self.label.setText(text)


class TranscriptionController(QObject):
    """Runs at most one job for the window and follows it."""

    job_ended = Signal(object)  # the last event (finished / failed / cancelled), or None

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner: JobRunner | None = None
        self.last_event: Any = None
        self.progress = JobProgress()
        self.progress.hide()
        self.progress.cancel_button.clicked.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.progress)
        self.resume_banner = _ResumeBanner(self)
        self.resume_banner.hide()

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.isRunning()

    # -- starting -------------------------------------------------------------------------
    def open_dialog(self) -> None:
        from desk.ui.transcription_dialog import TranscriptionDialog

        w = self.window
        if w.project is None or self.running:
            return
        dialog = TranscriptionDialog(w.settings, resumable=self.resumable(), parent=w)
        if dialog.exec():
            self.start(dialog.options())

    def resumable(self) -> bool:
        project = self.window.project
        return project is not None and interrupted_transcript(project) is not None

    def resume(self) -> None:
        project = self.window.project
        interrupted = interrupted_transcript(project) if project is not None else None
        if interrupted is not None:
            self.start(resume_options(interrupted))

    def start(self, options: Any, job: Any = None) -> bool:
        """Launch a job (or the given one: tests pass a scripted job) and follow it."""
        w = self.window
        if w.project is None or self.running:
            return False
        try:
            if job is None:
                job = self._make_job(options)
        except DeskError as exc:
            w.show_error(str(exc))
            return False
        self.resume_banner.hide()
        self.last_event = None
        self.runner = JobRunner(job, w)
        self.runner.event.connect(self._on_event)
        self.runner.crashed.connect(self._on_crash)
        self.runner.finished.connect(self._on_thread_finished)
        self.progress.show_progress(0.0, w.project.media.duration(), None)
        self.progress.show()
        self.runner.start()
        self.update_actions()
        return True

    def _make_job(self, options: Any) -> Any:
        from desk.core.pipeline.jobs import TranscriptionJob
        from desk.core.weights.catalog import resolve_model

        resolve_model(options.model)  # a missing model is a dialog now, not a failed job later
        return TranscriptionJob(self.window.project.path, options)  # type: ignore[union-attr]

    # -- following --------------------------------------------------------------------------
    def _on_event(self, event: Any) -> None:
        w = self.window
        self.last_event = event
        model = w.transcript_model
        if w.project is None:
            return
        if event.kind == "started":
            if event.transcript_id is not None and event.transcript_id != model.transcript_id:
                model.reload()
            w.update_title()
        elif event.kind == "segments":
            if event.transcript_id is not None and model.transcript_id not in (
                    None, event.transcript_id):
                model.reload()
            else:
                model.append_segments(list(event.segment_ids))
        if event.kind in ("started", "progress", "segments"):
            self.progress.show_progress(event.done, event.total, event.eta)
        elif event.kind == "finished":
            w.status(translate("transcription", "Transcription finished."))
        elif event.kind == "cancelled":
            w.status(translate("transcription",
                               "Transcription cancelled; what was transcribed is kept."))
        elif event.kind == "failed":
            w.show_error(event.message or translate(
                "transcription", "The transcription failed; see the log file."))

    def _on_crash(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, DeskError) else translate(
            "transcription", "The transcription could not run; details are in the log file.")
        self.window.show_error(message)

    def _on_thread_finished(self) -> None:
        runner, self.runner = self.runner, None
        if runner is None:
            return
        self.progress.hide()
        runner.deleteLater()
        if self.window.project is not None and runner.job.needs_recording:
            runner.job.record_ending(self.window.project)  # the app's own connection
        if self.window.project is not None:
            self.window.transcript_model.refresh_annotations()
            self.window.update_title()
        self.update_actions()
        self.job_ended.emit(self.last_event)

    def cancel(self, quietly: bool = False) -> None:
        """Stop the child; stored segments stay. `quietly`: closing, so wait for the thread."""
        runner = self.runner
        if runner is None:
            return
        runner.cancel()
        if quietly:
            runner.wait(10000)
            self._on_thread_finished()

    def update_actions(self, actions: Any = None) -> None:
        actions = actions or getattr(self.window, "window_actions", None)
        if actions is None:
            return
        writable = self.window.project is not None and self.window.project.writable
        actions.get("transcribe").setEnabled(writable and not self.running)
        actions.get("cancel_transcription").setEnabled(self.running)
        actions.get("resume_transcription").setEnabled(
            writable and not self.running and self.resumable())

    def offer_resume(self) -> None:
        """After opening: an interrupted transcription gets a banner with a Resume button."""
        project = self.window.project
        interrupted = interrupted_transcript(project) if project is not None else None
        if project is None or self.running or interrupted is None or not project.writable:
            self.resume_banner.hide()
            return
        self.resume_banner.show_for(interrupted.progress, interrupted.total)
        self.update_actions()


class _ResumeBanner(QWidget):
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
        pane_layout = controller.window.transcript_view.parentWidget().layout()
        pane_layout.insertWidget(0, self)  # type: ignore[attr-defined]

    def show_for(self, done: float, total: float) -> None:
        self.label.setText(translate("transcription", "The transcription stopped at %1 of %2.")
                           .replace("%1", format_time(done)).replace("%2", format_time(total)))
        self.show()
