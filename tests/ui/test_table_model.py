"""The shared part of Desk's tables: row and column counts and the header row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from desk.ui.table_model import RecordTableModel


class Pairs(RecordTableModel):
    def __init__(self, rows: list[tuple[str, int]]) -> None:
        super().__init__()
        self.rows = rows
        self.headers = ["Name", "Count"]

    def records(self) -> Sequence[Any]:
        return self.rows

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pair = self.record(index.row()) if index.isValid() else None
        if pair is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(pair[index.column()])


def test_counts_headers_and_records(qtmodeltester: ModelTester) -> None:
    model = Pairs([("delay", 2), ("praise exchange", 5)])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)] == [
        "Name", "Count", None]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.record(1) == ("praise exchange", 5)
    assert model.record(2) is None and model.record(-1) is None
    assert model.index(1, 1).data() == "5"
