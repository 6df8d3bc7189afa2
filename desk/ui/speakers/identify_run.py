"""Transcript → Identify speakers…: the speaker job in its child, followed from the window.

The same job `desk speakers` runs (services/identify_speakers.py): the request
is checked first (no model, no recording, no transcript: a message, no
child), the child finds the voices and commits once; its finished event names
the history action, which becomes one step on the window's undo stack.
Progress and Cancel sit in the status bar, as for a transcription.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.ui.project_handle import ProjectHandle
from desk.ui.status_reporter import StatusReporter
from desk.ui.transcription_controller import JobProgress
from desk.ui.undo import UndoBridge
from desk.ui.workers import EventSource, JobRunner

MAX_SPEAKERS = 12  # the count box offers 1…12 besides "found automatically"


class IdentifyDialog(QDialog):
    """How many voices (or find out) and whether the analyst's own speakers may change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identifyDialog")
        self.setWindowTitle(self.tr("Identify speakers"))
        self.count = QComboBox()
        self.count.setObjectName("speakerCount")
        self.count.addItem(self.tr("Find out automatically"), None)
        for n in range(1, MAX_SPEAKERS + 1):
            self.count.addItem(str(n), n)
        self.replace = QCheckBox(self.tr("Also relabel segments whose speaker I set by hand"))
        self.replace.setObjectName("replaceHandMade")
        self.profiles = QCheckBox(self.tr("Name voices my voice profiles know"))
        self.profiles.setObjectName("useProfiles")
        self.profiles.setChecked(True)
        explain = QLabel(self.tr("Desk listens to the recording offline and gives every word a "
                                 "speaker; segments are cut where the voice changes. One step "
                                 "to undo."))
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Identify"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Speakers:"), self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.replace)
        layout.addWidget(self.profiles)
        layout.addWidget(buttons)

    def options(self, annotator: str) -> SpeakerJobOptions:
        return SpeakerJobOptions(speakers=self.count.currentData(),
                                 replace=self.replace.isChecked(),
                                 use_profiles=self.profiles.isChecked(), annotator=annotator)


class SpeakerIdentifier(QObject):
    """At most one speaker job for the open project, with progress, cancel and one undo step."""

    ended = Signal(object)  # the last event, or None

    def __init__(self, projects: ProjectHandle, undo: UndoBridge, report: StatusReporter,
                 annotator: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.projects, self.undo, self.report, self.annotator = projects, undo, report, annotator
        self.dialog_parent = parent
        self.runner: JobRunner | None = None
        self.last_event: JobEvent | None = None
        self.action = QAction(self.tr("Identify speakers…"), self)
        self.action.setObjectName("action_identify_speakers")
        self.action.setToolTip(self.tr("Find who speaks when, offline, and label every segment"))
        self.action.triggered.connect(lambda _c=False: self.open_dialog())
        self.progress = JobProgress(working=self.tr("Identifying speakers %1 / %2 of speech"))
        self.progress.hide()  # the window puts it in its status bar
        self.progress.cancel_button.clicked.connect(lambda: self.cancel())
        projects.opened.connect(lambda _p: self._follow())
        projects.closed.connect(self._on_closed)
        self._follow()

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.isRunning()

    def _follow(self) -> None:
        self.action.setEnabled(self.projects.writable and not self.running)

    def open_dialog(self) -> None:
        if self.projects.project is None or self.running:
            return
        dialog = IdentifyDialog(self.dialog_parent)
        if dialog.exec():
            self.start(dialog.options(self.annotator()))

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
            self.report.error(str(exc))
            return False
        self.last_event = None
        self.runner = JobRunner(job, self)
        self.runner.event.connect(self._on_event)
        self.runner.crashed.connect(lambda exc: self.report.error(
            str(exc) if isinstance(exc, DeskError)
            else self.tr("Identifying speakers could not run; details are in the log file.")))
        self.runner.finished.connect(self._on_thread_finished)
        self.progress.show_progress(0.0, 1.0, None)
        self.progress.show()
        self.runner.start()
        self._follow()
        return True

    def _on_event(self, event: JobEvent) -> None:
        self.last_event = event
        if event.kind in ("started", "progress"):
            self.progress.show_progress(event.done, event.total, event.eta)
        elif event.kind == "finished":
            action_id = (event.details or {}).get("action_id")
            self.undo.push_recorded(self.tr("Identify speakers"), action_id)
            self.report.status(self.tr("Speakers identified: %1").replace("%1", event.message))
        elif event.kind == "cancelled":
            self.report.status(self.tr("Identifying speakers cancelled; nothing was changed."))
        elif event.kind == "failed":
            self.report.error(event.message or self.tr(
                "Identifying speakers failed; see the log file."))

    def _on_thread_finished(self) -> None:
        runner, self.runner = self.runner, None
        if runner is None:
            return
        self.progress.hide()
        runner.deleteLater()
        self._follow()
        self.ended.emit(self.last_event)

    def cancel(self, quietly: bool = False) -> None:
        """Stop the child; nothing is written. `quietly`: closing, so wait for the thread."""
        if self.runner is not None and self.runner.stop(wait=quietly):
            self._on_thread_finished()

    def _on_closed(self) -> None:
        self.cancel(quietly=True)
        self._follow()
