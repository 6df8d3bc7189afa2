"""The annotations as a table: tag, start, end, duration, note, annotator, source.

The model reads the controller's cache (one query per change, shared with the
timeline) and writes through the controller, so an inline edit of a note, a
tag or a time is one undo step like any other coding action. Suggestions are
shown in italics until accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desk.core.errors import DeskError
from desk.core.records import Annotation
from desk.core.timecode import format_time, parse_time
from desk.ui.table_model import RecordTableModel
from desk.ui.tagging.coding_controller import CodingController

Index = QModelIndex | QPersistentModelIndex
COL_TAG, COL_START, COL_END, COL_DURATION, COL_NOTE, COL_ANNOTATOR, COL_SOURCE = range(7)
EDITABLE = {COL_TAG, COL_START, COL_END, COL_NOTE}
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_ROW_SIGNALS = 50  # more inserted/removed rows than this: reset instead


class AnnotationsModel(RecordTableModel):
    def __init__(self, controller: CodingController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._rows: list[Annotation] = []
        self._colours: dict[str, QColor] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self.headers = [self.tr("Tag"), self.tr("Start"), self.tr("End"), self.tr("Duration"),
                         self.tr("Note"), self.tr("Annotator"), self.tr("Source")]
        controller.changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Take the controller's annotations with the smallest change signals that fit.

        Coding adds one row, deleting removes some: inserting or removing just
        those rows keeps the views' selection and scroll position and costs
        nothing like a reset of thousands of rows.
        """
        fresh = list(self.controller.annotations)
        self._colours = {t.name: QColor(t.colour) for t in self.controller.tags}
        old_ids = [a.id for a in self._rows]
        new_ids = [a.id for a in fresh]
        if old_ids != new_ids:
            old_set, new_set = set(old_ids), set(new_ids)
            few = len(old_set ^ new_set) <= MAX_ROW_SIGNALS
            if few and old_set <= new_set and [i for i in new_ids if i in old_set] == old_ids:
                for row, annotation in enumerate(fresh):  # ascending: earlier rows are final
                    if annotation.id not in old_set:
                        self.beginInsertRows(QModelIndex(), row, row)
                        self._rows.insert(row, annotation)
                        self.endInsertRows()
            elif few and new_set <= old_set and [i for i in old_ids if i in new_set] == new_ids:
                for row in reversed(range(len(old_ids))):
                    if old_ids[row] not in new_set:
                        self.beginRemoveRows(QModelIndex(), row, row)
                        del self._rows[row]
                        self.endRemoveRows()
            else:  # reordered (retimed), or many rows at once (a project opened): reset
                self.beginResetModel()
                self._rows = fresh
                self.endResetModel()
                return
        changed = [row for row, (old, new) in enumerate(zip(self._rows, fresh, strict=True))
                   if old != new]
        self._rows = fresh
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, COL_SOURCE))

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), -1)

    # -- Qt model interface -----------------------------------------------------------------
    def records(self) -> Sequence[Any]:
        return self._rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, column)
        if role == Qt.ItemDataRole.EditRole:
            return {COL_TAG: a.tag, COL_START: format_time(a.start, True),
                    COL_END: format_time(a.end, True), COL_NOTE: a.note}.get(column)
        if role == SORT_ROLE:
            return (a.tag.casefold(), a.start, a.end, a.duration, a.note.casefold(),
                    a.annotator.casefold(), a.source)[column]
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TAG:
            return self._colours.get(a.tag)
        if role == Qt.ItemDataRole.FontRole and a.source == "suggested":
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole:
            if a.source == "suggested":
                return self.tr("Suggested: accept or reject it. Not counted until accepted.")
            return a.note or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_START, COL_END,
                                                                     COL_DURATION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, a: Annotation, column: int) -> str:
        if column == COL_TAG:
            return a.tag
        if column == COL_START:
            return format_time(a.start, True)
        if column == COL_END:
            return format_time(a.end, True)
        if column == COL_DURATION:
            return f"{a.duration:.1f} s"
        if column == COL_NOTE:
            return a.note
        if column == COL_ANNOTATOR:
            return a.annotator
        return {"suggested": self.tr("suggested"), "imported": self.tr("imported")}.get(
            a.source, self.tr("coded"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or index.column() not in EDITABLE or index.row() >= len(self._rows):
            return False
        a = self._rows[index.row()]
        column = index.column()
        changes: dict[str, Any] = {}
        try:
            if column == COL_NOTE:
                if str(value) == a.note:
                    return False
                changes["note"] = str(value)
            elif column == COL_TAG:
                if str(value).casefold() == a.tag.casefold():
                    return False
                changes["tag"] = str(value)
            else:
                seconds = parse_time(str(value))
                changes["start" if column == COL_START else "end"] = seconds
        except DeskError as exc:
            self.controller.error.emit(str(exc))
            return False
        assert a.id is not None  # rows come from the store
        updated = self.controller.update_annotation(a.id, **changes)
        if updated is None:
            return False
        self._rows[index.row()] = updated
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_SOURCE))
        return True


class AnnotationsFilter(QSortFilterProxyModel):
    """Filter by tag, annotator, source and text (in the tag name or the note)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tag: str | None = None
        self.annotator: str | None = None
        self.source: str | None = None  # "suggested", "coded", or None for all
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, tag: str | None = None, annotator: str | None = None,
                    source: str | None = None, text: str = "") -> None:
        self.beginFilterChange()
        self.tag, self.annotator, self.source = tag, annotator, source
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AnnotationsModel) or source_row >= model.rowCount():
            return True
        a = model.annotation(source_row)
        if self.tag is not None and a.tag != self.tag:
            return False
        if self.annotator is not None and a.annotator != self.annotator:
            return False
        if self.source == "suggested" and a.source != "suggested":
            return False
        if self.source == "coded" and a.source == "suggested":
            return False
        return not self.text or self.text in a.note.casefold() or self.text in a.tag.casefold()
