"""Suggestion actions: "Suggest delays" (dead air), "Suggest from keywords", accept or reject all.

Suggestions appear hatched on the timeline and in italics in the annotations
pane until the analyst accepts or rejects them there. When the project has no
dead air stored yet, the recording is scanned first, in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QWidget

from desk.core.errors import DeskError
from desk.core.records import Annotation, Silence
from desk.core.services.dead_air import recording_to_scan, scan_dead_air, store_dead_air
from desk.core.store import Project
from desk.ui.settings import Settings
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.workers import Task, error_message, run_task


class SuggestionActions(QObject):
    finished = Signal(int)  # how many suggestions one request added

    def __init__(self, controller: CodingController, settings: Settings,
                 parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self.controller = controller
        self.settings = settings
        self.parent_widget = parent_widget
        self.scan: Task | None = None  # the dead-air scan running, if any
        self.suggest_delays_action = QAction(self.tr("Suggest delays from dead air…"), self)
        self.suggest_delays_action.triggered.connect(lambda: self.ask_min_silence())
        self.suggest_keywords_action = QAction(self.tr("Suggest from codebook keywords"), self)
        self.suggest_keywords_action.triggered.connect(self.suggest_keywords)
        self.accept_all_action = QAction(self.tr("Accept all suggestions"), self)
        self.accept_all_action.triggered.connect(lambda: controller.accept(None))
        self.reject_all_action = QAction(self.tr("Reject all suggestions"), self)
        self.reject_all_action.triggered.connect(lambda: controller.reject(None))
        controller.changed.connect(self._enable)
        self._enable()

    def actions(self) -> list[QAction]:
        return [self.suggest_delays_action, self.suggest_keywords_action,
                self.accept_all_action, self.reject_all_action]

    def _enable(self) -> None:
        has_project = self.controller.project is not None
        pending = any(a.source == "suggested" for a in self.controller.annotations)
        self.suggest_delays_action.setEnabled(has_project and not self.scanning())
        self.suggest_keywords_action.setEnabled(has_project)
        self.accept_all_action.setEnabled(pending)
        self.reject_all_action.setEnabled(pending)

    def scanning(self) -> bool:
        return self.scan is not None and self.scan.pending()

    def min_silence(self) -> float:
        return self.settings.min_silence

    def ask_min_silence(self) -> QInputDialog:
        dialog = QInputDialog(self.parent_widget)
        dialog.setWindowTitle(self.tr("Suggest delays"))
        dialog.setLabelText(self.tr("Shortest dead air to suggest as a delay (seconds):"))
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setDoubleRange(0.5, 3600.0)
        dialog.setDoubleDecimals(1)
        dialog.setDoubleValue(self.min_silence())
        dialog.doubleValueSelected.connect(self.suggest_delays)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def suggest_delays(self, min_silence: float | None = None) -> None:
        """Scan for dead air if none is stored (background), then add the suggestions."""
        project = self.controller.project
        if project is None:
            return
        min_silence = self.min_silence() if min_silence is None else float(min_silence)
        self.settings.min_silence = min_silence
        try:
            recording = recording_to_scan(project)
        except DeskError:
            self.controller.error.emit(self.tr("The recording is missing, so dead air cannot "
                                               "be found. Relink the recording first."))
            return
        if recording is None:
            self._suggest(min_silence)
            return
        self.controller.message.emit(self.tr("Looking for dead air in the recording…"))
        self.scan = run_task(lambda: scan_dead_air(recording),
                             lambda found: self._scanned(project, found, min_silence),
                             self._failed, owner=self)
        self._enable()

    def _scanned(self, project: Project, found: list[Silence], min_silence: float) -> None:
        self._enable()
        if project is not self.controller.project:
            return  # the project was closed meanwhile
        if found:
            store_dead_air(project, found)
            self.controller.media_changed()
        self._suggest(min_silence)

    def _failed(self, error: BaseException) -> None:
        self._enable()
        self.controller.error.emit(error_message(error))
        self.finished.emit(0)

    def _suggest(self, min_silence: float) -> None:
        made = self.controller.suggest_delays(min_silence)
        self._report(made)

    def suggest_keywords(self) -> None:
        self._report(self.controller.suggest_keywords())

    def _report(self, made: list[Annotation]) -> None:
        self.controller.message.emit(
            self.tr("%1 suggestions added: accept or reject them in the Annotations pane")
            .replace("%1", str(len(made))))
        self.finished.emit(len(made))
