"""File → Export… and File → Import… (and dropped files): the window's side of the exchange.

Exports run the core's `run_plan` through `run_task`, on the worker's own
read-only connection, with a progress bar and Cancel in the status bar; when
done, the status bar says what was written, with "Show in folder". Imports
are parsed off the GUI thread too (`preview_import` on a read-only
connection), shown in the preview dialog, and applied on the window's
connection as one undoable step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStatusBar,
    QToolButton,
    QWidget,
)

from desk.core.errors import JobCancelled
from desk.core.formats.registry import IMPORTERS, file_filter
from desk.core.services.exchange import ExportResult
from desk.core.services.export_plan import ExportPlan, run_plan
from desk.core.services.import_preview import ImportPreview, apply_preview, preview_import
from desk.core.store import Project
from desk.ui.project_handle import ProjectHandle
from desk.ui.settings import Settings
from desk.ui.status_reporter import StatusReporter
from desk.ui.undo import UndoBridge
from desk.ui.workers import Task, error_message, run_task

if TYPE_CHECKING:
    from desk.ui.export_dialog import ExportDialog
    from desk.ui.import_dialog import ImportDialog

translate = QCoreApplication.translate
IMPORT_SUFFIXES = frozenset(i.suffix for i in IMPORTERS.values())
NOTICE_MILLISECONDS = 20000


class ExportProgress(QWidget):
    """Status-bar widget while an export runs: what is written, a bar, Cancel."""

    step = Signal(int, int, str)  # emitted on the worker thread, shown on the GUI thread

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("exportProgress")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelExport")
        self.cancel_button.setText(translate("export", "Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.step.connect(self.show_step)

    def show_step(self, done: int, total: int, fmt: str) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(translate("export", "Exporting %1…").replace("%1", fmt.upper())
                           if fmt else translate("export", "Exporting…"))


class ExportNotice(QWidget):
    """"Exported 3 files to …  [Show in folder]" in the status bar, for a while."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("exportNotice")
        self.label = QLabel()
        self.show_button = QToolButton()
        self.show_button.setObjectName("showInFolder")
        self.show_button.setText(translate("export", "Show in folder"))
        self.show_button.clicked.connect(self.open_folder)
        self.folder: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.show_button)

    def tell(self, text: str, folder: Path) -> None:
        self.label.setText(text)
        self.folder = folder
        self.show()
        self._timer.start(NOTICE_MILLISECONDS)

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


class ExportImport(QObject):
    """Runs File → Export… and File → Import… for the open project."""

    exported = Signal(object)  # list[ExportResult]
    imported = Signal(object)  # ImportSummary

    def __init__(self, projects: ProjectHandle, undo: UndoBridge, report: StatusReporter,
                 settings: Settings, annotator: Callable[[], str], status_bar: QStatusBar,
                 dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.projects = projects
        self.undo = undo
        self.report = report
        self.settings = settings
        self.annotator = annotator
        self.dialog_parent = dialog_parent
        self.progress = ExportProgress()
        self.progress.hide()
        self.progress.cancel_button.clicked.connect(self.cancel_export)
        self.notice = ExportNotice()
        self.notice.hide()
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.notice)
        self.task: Task | None = None
        self._cancel = threading.Event()
        # The open dialogs (window-modal; tests reach them here).
        self.export_dialog: ExportDialog | None = None
        self.import_dialog: ImportDialog | None = None

    @property
    def exporting(self) -> bool:
        return self.task is not None and self.task.pending()

    # -- export -----------------------------------------------------------------------------
    def export(self) -> None:
        """Ask what to export (the dialog, window-modal), then write it in the background."""
        from desk.ui.export_dialog import ExportDialog

        project = self.projects.project
        if project is None or self.exporting or self.export_dialog is not None:
            return
        dialog = ExportDialog(project, self.settings.last_export_folder,
                              parent=self.dialog_parent)
        self.export_dialog = dialog
        dialog.accepted.connect(lambda: self.run_export(dialog.plan()))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if dialog is self.export_dialog:
            self.export_dialog = None
        if dialog is self.import_dialog:
            self.import_dialog = None
        dialog.deleteLater()

    def run_export(self, plan: ExportPlan) -> Task | None:
        project = self.projects.project
        if project is None or self.exporting:
            return None
        self.settings.last_export_folder = str(plan.folder)
        self._cancel.clear()
        self.notice.hide()
        self.progress.show_step(0, 1, "")
        self.progress.show()
        path = Path(project.path)
        self.task = run_task(
            lambda: run_plan(path, plan, self.progress.step.emit, self._cancel.is_set),
            lambda results: self._exported(plan, results), self._export_failed, owner=self)
        return self.task

    def cancel_export(self) -> None:
        self._cancel.set()

    def _exported(self, plan: ExportPlan, results: list[ExportResult]) -> None:
        self.progress.hide()
        count = sum(len(r.files) + (1 if r.folder else 0) for r in results)
        text = (translate("export", "Exported 1 file to %2") if count == 1 else
                translate("export", "Exported %1 files to %2").replace("%1", str(count))) \
            .replace("%2", str(plan.folder))
        self.notice.tell(text, plan.folder)
        self.exported.emit(results)

    def _export_failed(self, error: BaseException) -> None:
        self.progress.hide()
        if isinstance(error, JobCancelled):
            self.report.status(translate("export", "Export cancelled; the files already "
                                                   "written are complete."))
            return
        self.report.error(error_message(error))

    # -- import -----------------------------------------------------------------------------
    def import_file(self, path: Path | None = None, as_: str | None = None) -> Task | None:
        """Preview `path` (asked for when None) off the GUI thread, then show the preview."""
        project = self.projects.project
        if project is None or not project.writable:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.dialog_parent, translate("import", "Import into the project"),
                self.settings.last_folder,
                file_filter(importers=True, describe=lambda text: translate("formats", text)))
            if not chosen:
                return None
            path = Path(chosen)
        return self._preview(project, Path(path), as_)

    def _preview(self, project: Project, path: Path, as_: str | None) -> Task:
        project_path, who = Path(project.path), self.annotator()

        def read() -> ImportPreview:
            with Project.open(project_path, writable=False) as beside:
                return preview_import(beside, path, as_=as_, annotator=who)

        return run_task(read, self._show_preview, self._import_failed, owner=self)

    def _show_preview(self, preview: ImportPreview) -> None:
        from desk.ui.import_dialog import ImportDialog

        if self.projects.project is None:
            return
        if self.import_dialog is not None:  # a new "bring in as" for the open dialog
            self.import_dialog.show_preview(preview)
            return
        dialog = ImportDialog(preview, self.dialog_parent)
        self.import_dialog = dialog
        dialog.mode_changed.connect(lambda as_: self.import_file(preview.path, as_))
        dialog.accepted.connect(lambda: self.apply(dialog.chosen()))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def apply(self, preview: ImportPreview) -> None:
        """Write the previewed import as one undoable step."""
        project = self.projects.project
        if project is None:
            return
        label = translate("import", "Import %1").replace("%1", preview.path.name)
        summary = self.undo.run(label, lambda: apply_preview(project, preview))
        if summary is not None:
            self.report.status(summary.message)
            self.imported.emit(summary)

    def _import_failed(self, error: BaseException) -> None:
        if self.import_dialog is not None:
            self.import_dialog.reject()
        self.report.error(error_message(error))

    @staticmethod
    def importable(path: Path) -> bool:
        """A file the window imports when dropped (rather than opening it as a project)."""
        return Path(path).suffix.lower() in IMPORT_SUFFIXES
