"""Edit → Edit history…: who changed what in the project, and when (`desk history`).

Evidence needs provenance: every edit the store records (coding, corrections,
speakers, imports, merges) is one history action with its coder and time. The
dialog lists them newest first, as `desk history` does, with a filter by coder
for projects several analysts work on; undone actions are marked. It follows
the undo stack, so an undo made in the window shows at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.core.store import Project
from desk.core.store.history import ActionInfo
from desk.ui.table_model import RecordTableModel
from desk.ui.undo import UndoBridge

Index = QModelIndex | QPersistentModelIndex
SHOWN = 1000  # the newest actions listed (`desk history -n N` reaches further back)
EVERYONE = ""


def when_text(stamp: str) -> str:
    """A stored UTC stamp as people read it, in UTC: analysts in several time zones agree."""
    return stamp[:19].replace("T", " ") + " UTC" if stamp else ""


class HistoryModel(RecordTableModel):
    """The project's history actions, newest first, optionally one coder's."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self.coder: str = EVERYONE
        self.every: list[ActionInfo] = []  # as read: the filter works on these
        self.actions: list[ActionInfo] = []
        self.headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("State")]
        self.reload()

    def reload(self) -> None:
        """Read the history again (after an edit or an undo); the coder filter stays."""
        self.every = self.project.history.actions(limit=SHOWN)
        self.set_coder(self.coder)

    def set_coder(self, coder: str) -> None:
        self.beginResetModel()
        self.coder = coder
        self.actions = [a for a in self.every if coder in (EVERYONE, a.annotator)]
        self.endResetModel()

    def coders(self) -> list[str]:
        return sorted({a.annotator for a in self.every}, key=str.casefold)

    def records(self) -> Sequence[Any]:
        return self.actions

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        action = self.actions[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Action %1").replace("%1", str(action.id))
        return (when_text(action.at), action.annotator or self.tr("(no name)"), action.label,
                self.tr("undone") if action.undone else "")[index.column()]


class HistoryDialog(QDialog):
    """The history table with a coder filter; closes with Close."""

    def __init__(self, project: Project, undo: UndoBridge,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Edit history — %1").replace("%1", project.path.name))
        self.model = HistoryModel(project, self)
        self.coder = QComboBox()
        self.coder.setObjectName("historyCoder")
        self.view = QTableView()
        self.view.setObjectName("historyTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._fill_coders()
        self.coder.currentIndexChanged.connect(
            lambda _i: self.model.set_coder(str(self.coder.currentData())))
        undo.stack.indexChanged.connect(self._refresh)  # an undo made elsewhere shows at once
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Edits by:")))
        top.addWidget(self.coder, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _fill_coders(self) -> None:
        chosen = self.coder.currentData()
        self.coder.blockSignals(True)
        self.coder.clear()
        self.coder.addItem(self.tr("everyone"), EVERYONE)
        for name in self.model.coders():
            if name:
                self.coder.addItem(name, name)
        found = self.coder.findData(chosen) if chosen is not None else 0
        self.coder.setCurrentIndex(max(found, 0))
        self.coder.blockSignals(False)

    def _refresh(self, *_: object) -> None:
        self.model.reload()  # one read of the history
        self._fill_coders()
        if self.coder.currentData() != self.model.coder:  # gone from the newest actions
            self.model.set_coder(str(self.coder.currentData()))
