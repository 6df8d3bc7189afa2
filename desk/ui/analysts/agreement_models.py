"""The Agreement pane's two tables: the figures per tag, and the disagreements to walk.

Both only present what the core computed: the cells are the report's own
text (desk.core.formats.agreement_report), so the pane, `desk agreement` and
the exported HTML/CSV read the same; a coefficient's cell is tinted by its
reading (reliable, tentative, unreliable) and says it in its tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desk.core.coding.agreement.reading import threshold_note
from desk.core.coding.agreement.results import AgreementResult
from desk.core.coding.disagreements import Disagreement
from desk.core.formats.agreement_report import CHANCE_CORRECTED, COLUMNS, figure, per_annotator
from desk.core.timecode import format_time
from desk.ui.table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
TINTS = {"reliable": QColor(46, 125, 50, 70), "tentative": QColor(239, 108, 0, 70),
         "unreliable": QColor(198, 40, 40, 70)}
KEY_ROLE = Qt.ItemDataRole.UserRole  # a disagreement's key


class FiguresModel(QAbstractTableModel):
    """Rows: each tag, then "(all tags)"; columns: units, coded time, then each coefficient."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.result: AgreementResult | None = None

    def set_result(self, result: AgreementResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.result is None else len(self.result.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3 + len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < 3:
            return (self.tr("Tag"), self.tr("Units"), self.tr("Coded time"))[section]
        key, label = COLUMNS[section - 3]
        if self.result is not None and key.startswith("kappa"):
            return label.replace("κ", self.result.kappa_name)
        return label

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self.result
        if result is None or not index.isValid():
            return None
        row, column = result.rows[index.row()], index.column()
        if column < 3:
            if role == Qt.ItemDataRole.DisplayRole:
                return (row.tag, per_annotator(row.units),
                        per_annotator(row.coded_seconds, seconds=True))[column]
            if role == Qt.ItemDataRole.ToolTipRole and column:
                return " / ".join(result.annotators)
            return None
        key = COLUMNS[column - 3][0]
        estimate = row.figures[key]
        defined = key in CHANCE_CORRECTED and estimate.value is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return figure(estimate, key)
        if role == Qt.ItemDataRole.BackgroundRole and defined:
            return TINTS.get(estimate.reading)
        if role == Qt.ItemDataRole.ToolTipRole and defined:
            return f"{estimate.reading} — {threshold_note()}"
        return None


class DisagreementsModel(RecordTableModel):
    """The disagreements, largest first, and whether each is settled in the consensus."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.found: list[Disagreement] = []
        self.decided: set[str] = set()
        self.headers = [self.tr("#"), self.tr("Kind"), self.tr("Start"), self.tr("End"),
                        self.tr("Size"), self.tr("Codings"), self.tr("Settled")]
        self.kinds = {"missing": self.tr("one coded, one not"),
                      "tag": self.tr("other tag"), "boundaries": self.tr("boundaries")}

    def set_disagreements(self, found: list[Disagreement], decided: set[str]) -> None:
        self.beginResetModel()
        self.found, self.decided = list(found), set(decided)
        self.endResetModel()

    def set_decided(self, decided: set[str]) -> None:
        """Only the "Settled" column changes (after a decision, or its undo)."""
        self.decided = set(decided)
        if self.found:
            column = len(self.headers) - 1
            self.dataChanged.emit(self.index(0, column), self.index(len(self.found) - 1, column))

    def at(self, row: int) -> Disagreement | None:
        return self.record(row)  # type: ignore[no-any-return]

    def records(self) -> Sequence[Any]:
        return self.found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.found):
            return None
        d, column = self.found[index.row()], index.column()
        if role == KEY_ROLE:
            return d.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return d.describe()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(index.row() + 1), self.kinds.get(d.kind, d.kind),
                format_time(d.start, True), format_time(d.end, True), f"{d.size:.1f} s",
                d.describe(), "✓" if d.key in self.decided else "")[column]
