"""Transcript → Versions…: every transcription run, which one is current, and what to do.

Each row is a `TranscriptVersion` from the store (engine, model, settings,
date, edited by hand, partial). Use, Rename and Delete are the store's
history actions run through the window's undo bridge, so Edit → Undo takes
each back; a partial run (cancelled, failed, killed) is listed as such and
the interrupted one can be resumed from here. The rows follow the undo
stack, so an undo made elsewhere shows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.records import TranscriptVersion
from desk.core.services.resume import interrupted_transcript
from desk.core.store import Project
from desk.core.timecode import format_time
from desk.ui.table_model import RecordTableModel
from desk.ui.undo import UndoBridge

Index = QModelIndex | QPersistentModelIndex
VERSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("name", "engine", "model", "settings", "made", "segments", "edited", "state")


def settings_text(settings: dict[str, Any]) -> str:
    """A run's settings in a few words: decoding, beam, language of the prompt."""
    parts = []
    for key in ("decoding", "beam_size", "language"):
        if settings.get(key) not in (None, ""):
            parts.append(f"{key.replace('_', ' ')} {settings[key]}")
    if settings.get("prompt"):
        parts.append(f"prompt “{str(settings['prompt'])[:40]}”")
    return ", ".join(parts)


class VersionsModel(RecordTableModel):
    """The project's transcript versions, oldest first."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.versions: list[TranscriptVersion] = []
        self.headers = [self.tr("Name"), self.tr("Engine"), self.tr("Model"),
                        self.tr("Settings"), self.tr("Made"), self.tr("Segments"),
                        self.tr("Edited"), self.tr("State")]
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.versions = self.project.versions.list()
        self.endResetModel()

    def version(self, row: int) -> TranscriptVersion:
        return self.versions[row]

    def row_of(self, version_id: int) -> int:
        return next((i for i, v in enumerate(self.versions) if v.id == version_id), -1)

    def state(self, version: TranscriptVersion) -> str:
        t = version.transcript
        if version.current:
            return self.tr("current")
        if not version.partial:
            return self.tr("complete")
        where = (self.tr(" at %1 of %2").replace("%1", format_time(t.progress))
                 .replace("%2", format_time(t.total)) if t.total > 0 else "")
        kind = {"running": self.tr("partial (interrupted)"),
                "cancelled": self.tr("partial (cancelled)"),
                "failed": self.tr("partial (failed)")}.get(t.status, self.tr("partial"))
        return kind + where

    def records(self) -> Sequence[Any]:
        return self.versions

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.versions):
            return None
        version = self.versions[index.row()]
        if role == VERSION_ID_ROLE:
            return version.id
        if role == Qt.ItemDataRole.FontRole and version.current:
            font = QLabel().font()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        t = version.transcript
        column = COLUMNS[index.column()]
        return {
            "name": version.name or self.tr("(unnamed)"), "engine": t.engine, "model": t.model,
            "settings": settings_text({**t.settings, "language": t.language}),
            "made": (t.created_at or "")[:16].replace("T", " "),
            "segments": str(version.segments),
            "edited": self.tr("yes") if version.edited else self.tr("no"),
            "state": self.state(version),
        }[column]


class VersionsDialog(QDialog):
    """The list with Use, Rename, Delete and Resume; each edit one undo step."""

    def __init__(self, project: Project, undo: UndoBridge, annotator: Callable[[], str],
                 resume: Callable[[], None], running: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(self.tr("Transcript versions"))
        self.project = project
        self.undo = undo
        self.annotator = annotator
        self._resume = resume
        self._running = running
        self.model = VersionsModel(project, self)
        self.table = QTableView()
        self.table.setObjectName("versionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.use())
        self.use_button = self._button("useVersion", self.tr("Use"), self.use)
        self.rename_button = self._button("renameVersion", self.tr("Rename…"), self.rename)
        self.delete_button = self._button("deleteVersion", self.tr("Delete"), self.delete)
        self.resume_button = self._button("resumeVersion", self.tr("Resume"), self.resume)
        close = self._button("closeVersions", self.tr("Close"), self.accept)
        note = QLabel(self.tr("Every transcription run is kept as a version. Codes belong to "
                              "the recording, not to a version, so they stay with every "
                              "switch. Edit → Undo takes back a switch, a rename or a delete."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.use_button, self.rename_button, self.delete_button,
                       self.resume_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        undo.stack.indexChanged.connect(self._refresh)  # an undo made elsewhere shows at once
        self._refresh()
        self.resize(900, 360)

    def _button(self, name: str, text: str, handler: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: handler())
        return button

    # -- the rows ---------------------------------------------------------------------------
    def selected(self) -> TranscriptVersion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.version(rows[0].row()) if rows else None

    def select(self, version_id: int) -> None:
        row = self.model.row_of(version_id)
        if row >= 0:
            self.table.selectRow(row)

    def _refresh(self, *_: object) -> None:
        chosen = self.selected()
        self.model.reload()
        self.table.resizeColumnsToContents()
        current = self.project.versions.current_id()
        keep = chosen.id if chosen is not None else current
        if keep is not None:
            self.select(keep)
        self._update_buttons()

    def _update_buttons(self) -> None:
        version = self.selected()
        writable = self.project.writable
        interrupted = interrupted_transcript(self.project)
        self.use_button.setEnabled(writable and version is not None and not version.current
                                   and not version.partial)
        self.rename_button.setEnabled(writable and version is not None)
        self.delete_button.setEnabled(writable and version is not None and not (
            version.transcript.status == "running" and self._running()))
        self.resume_button.setEnabled(writable and version is not None and not self._running()
                                      and interrupted is not None
                                      and interrupted.id == version.id)

    # -- the analyst's actions --------------------------------------------------------------
    def use(self) -> None:
        version = self.selected()
        if version is None or version.current or version.partial or not self.project.writable:
            return
        self.undo.run(self.tr("Use transcript version %1").replace("%1", version.label),
                      lambda: self.project.versions.use(version.id, self.annotator()))

    def rename(self, name: str | None = None) -> None:
        version = self.selected()
        if version is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename version"), self.tr("Name:"),
                                            text=version.name)
            if not ok:
                return
        chosen = name
        self.undo.run(self.tr("Rename transcript version"),
                      lambda: self.project.versions.rename(version.id, chosen,
                                                           self.annotator()))

    def delete(self) -> None:
        version = self.selected()
        if version is None:
            return
        self.undo.run(self.tr("Delete transcript version %1").replace("%1", version.label),
                      lambda: self.project.versions.delete(version.id, self.annotator()))

    def resume(self) -> None:
        """Continue the interrupted run (the transcription controller runs it)."""
        self.accept()
        self._resume()
