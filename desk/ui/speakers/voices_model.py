"""The Voice profiles dialog's table: name, speech it was made from, date, recording(s).

It presents what the library file records (desk.core.speakers.profiles), the
same fields `desk voices list` prints; the dialog edits through the library.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desk.core.speakers.profiles import Voice
from desk.core.timecode import format_time
from desk.ui.table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
COL_NAME, COL_SPEECH, COL_UPDATED, COL_SOURCE = range(4)


class VoicesModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.voices: list[Voice] = []
        self.headers = [self.tr("Profile"), self.tr("Speech"), self.tr("Saved"),
                        self.tr("From")]

    def set_voices(self, voices: list[Voice]) -> None:
        self.beginResetModel()
        self.voices = list(voices)
        self.endResetModel()

    def voice(self, row: int) -> Voice | None:
        return self.record(row)  # type: ignore[no-any-return]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def records(self) -> Sequence[Any]:
        return self.voices

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        voice = self.voice(index.row()) if index.isValid() else None
        if voice is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(voice, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_SPEECH:
            return self.tr("Made from %1 voice windows of 1.5 s").replace(
                "%1", str(voice.windows))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SPEECH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, voice: Voice, column: int) -> str:
        if column == COL_NAME:
            return voice.name
        if column == COL_SPEECH:
            return self.tr("about %1").replace("%1", format_time(voice.speech))
        if column == COL_UPDATED:
            return voice.updated_at[:16].replace("T", " ") + " UTC" if voice.updated_at else ""
        return voice.source
