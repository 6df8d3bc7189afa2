"""What Desk's flat tables share: a list of records shown under translated column headers.

Each table (transcript, annotations, speakers, voices, versions, disagreements,
history) keeps its own records and says how a cell reads; counting rows and
columns and the header row are written once here, within the bounds Qt's
model tester checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """A table over `records()` with one column per entry of `headers`."""

    headers: list[str]

    def records(self) -> Sequence[Any]:
        """The rows, in order (each subclass keeps its own list)."""
        raise NotImplementedError

    def record(self, row: int) -> Any:
        """The record shown in `row`, or None outside the table."""
        rows = self.records()
        return rows[row] if 0 <= row < len(rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None
