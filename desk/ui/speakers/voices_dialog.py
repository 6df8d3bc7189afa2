"""Voice profiles…: the library `desk voices` keeps, listed, removed, exported, imported.

The same VoiceLibrary calls as `desk voices remove|export|import`, on the
same file (Desk's data folder), so a profile saved in the window is one the
CLI lists and the other way round. A bad file is the core's one line and
changes nothing (the library checks a whole file before it adds any of it).
The library is a small JSON file: reading and writing it takes milliseconds,
on the GUI thread. Removing asks first: a profile is not part of any project's
undo history.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.core.speakers.profiles import VoiceLibrary
from desk.ui.speakers.voices_model import COL_NAME, VoicesModel
from desk.ui.status_reporter import StatusReporter


class VoicesDialog(QDialog):
    def __init__(self, report: StatusReporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voicesDialog")
        self.setWindowTitle(self.tr("Voice profiles"))
        self.report = report
        self.library = VoiceLibrary()
        self.question: QMessageBox | None = None  # the open "Remove?" box (tests reach it)
        self.model = VoicesModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("voicesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.follow())
        explain = QLabel(self.tr(
            "Identify speakers names a voice these profiles know in every recording. A "
            "profile is a voice print, never audio: save one from the Speakers pane "
            "(Save voice…)."))
        explain.setWordWrap(True)
        self.note = QLabel(self)  # what the last change did
        self.note.setObjectName("voicesNote")
        self.note.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.clicked.connect(lambda _c=False: self.ask_remove())
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Write the selected profiles (none selected: "
                                              "all) to a file for a colleague"))
        self.export_button.clicked.connect(lambda _c=False: self.export())
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Add the profiles of a file; a profile of a "
                                              "name you have is pooled with yours"))
        self.import_button.clicked.connect(lambda _c=False: self.import_())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.export_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.resize(560, 320)
        self.reload()

    def reload(self) -> None:
        """Reread the library file (a voice saved meanwhile, the CLI's changes)."""
        try:
            self.library = VoiceLibrary()
        except DeskError as exc:
            self.report.error(self.tr("The voice profile library cannot be read: %1")
                              .replace("%1", str(exc)))
        self.model.set_voices(self.library.list())
        self.follow()

    def follow(self) -> None:
        self.remove_button.setEnabled(bool(self.selected()))
        self.export_button.setEnabled(self.model.rowCount() > 0)
        if self.model.rowCount() == 0 and not self.note.text():
            self.note.setText(self.tr("No voice profiles yet."))

    def selected(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [v.name for v in (self.model.voice(r) for r in rows) if v is not None]

    def select(self, names: list[str]) -> None:
        self.view.clearSelection()
        for row, voice in enumerate(self.model.voices):
            if voice.name in names:
                self.view.selectionModel().select(
                    self.model.index(row, COL_NAME),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows)

    # -- the three changes ----------------------------------------------------------------------
    def ask_remove(self) -> QMessageBox | None:
        names = self.selected()
        if not names:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove voice profiles"),
                          self.tr("Remove %1? Recordings will no longer be named after "
                                  "them; this cannot be undone.").replace(
                              "%1", ", ".join(f"“{n}”" for n in names)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.remove(names))
        box.destroyed.connect(lambda: setattr(self, "question", None))
        self.question = box
        box.open()
        return box

    def remove(self, names: list[str]) -> bool:
        try:
            self.library.remove(*names)
        except DeskError as exc:
            self.report.error(str(exc))
            return False
        finally:
            self.reload()
        self.note.setText(self.tr("Removed: %1").replace("%1", ", ".join(names)))
        return True

    def export(self, target: Path | None = None) -> bool:
        """The selected profiles (or all) to `target`; None: ask where."""
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export voice profiles"), str(Path.home() / "voices.json"),
                self.tr("Desk voice profiles (*.json)"))
            if not chosen:
                return False
            target = Path(chosen)
        try:
            written = self.library.export(target, self.selected() or None)
        except DeskError as exc:
            self.report.error(str(exc))
            return False
        self.note.setText(self.tr("%1 exported to %2").replace(
            "%1", ", ".join(v.name for v in written)).replace("%2", str(target)))
        return True

    def import_(self, source: Path | None = None) -> bool:
        """Add the profiles of `source`; None: ask which file. A bad file changes nothing."""
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import voice profiles"), str(Path.home()),
                self.tr("Desk voice profiles (*.json)"))
            if not chosen:
                return False
            source = Path(chosen)
        try:
            added = self.library.import_file(source)
        except DeskError as exc:
            self.report.error(self.tr("Nothing was imported: %1").replace("%1", str(exc)))
            self.reload()
            return False
        self.reload()
        self.select([v.name for v in added])
        self.note.setText(self.tr("Imported: %1").replace("%1", ", ".join(v.name for v in added)))
        return True
