"""Transcript → Identify speakers…: the speaker job in its child, followed from the window.

The same job `desk speakers` runs (services/identify_speakers.py): the request
is checked first (no model, no recording, no transcript: a message, no
child), the child finds the voices and commits once; its finished event names
the history action, which becomes one step on the window's undo stack.
Progress and Cancel sit in the status bar (speaker_run.py), as for a transcription.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
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

from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.ui.project_handle import ProjectHandle
from desk.ui.speakers.speaker_run import SpeakerRun
from desk.ui.status_reporter import StatusReporter
from desk.ui.undo import UndoBridge

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


class SpeakerIdentifier(SpeakerRun):
    """The identify job: its menu action, and one undo step when it has labelled the voices."""

    def __init__(self, projects: ProjectHandle, undo: UndoBridge, report: StatusReporter,
                 annotator: Callable[[], str], parent: QWidget) -> None:
        super().__init__(projects, report, annotator, QCoreApplication.translate(
            "SpeakerIdentifier", "Identifying speakers %1 / %2 of speech"), parent)
        self.undo = undo
        self.action = QAction(self.tr("Identify speakers…"), self)
        self.action.setObjectName("action_identify_speakers")
        self.action.setToolTip(self.tr("Find who speaks when, offline, and label every segment"))
        self.action.triggered.connect(lambda _c=False: self.open_dialog())
        projects.opened.connect(lambda _p: self._follow())
        self.state_changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.action.setEnabled(self.projects.writable and not self.running)

    def open_dialog(self) -> None:
        if self.projects.project is None or self.running:
            return
        dialog = IdentifyDialog(self.dialog_parent)
        if dialog.exec():
            self.start(dialog.options(self.annotator()))

    def on_finished(self, event: JobEvent) -> None:
        action_id = (event.details or {}).get("action_id")
        self.undo.push_recorded(self.tr("Identify speakers"), action_id)
        self.report.status(self.tr("Speakers identified: %1").replace("%1", event.message))

    def cancelled_text(self) -> str:
        return self.tr("Identifying speakers cancelled; nothing was changed.")

    def crashed_text(self) -> str:
        return self.tr("Identifying speakers could not run; details are in the log file.")
