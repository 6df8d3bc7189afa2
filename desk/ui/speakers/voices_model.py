"""The Voice profiles dialog's table: name, speech it was made from, date, recording(s).

It presents what the library file records (desk.core.speakers.profiles), the
same fields `desk voices list` prints; the dialog edits through the library.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.core.speakers.profiles import Voice
from desk.core.timecode import format_time

Index = QModelIndex | QPersistentModelIndex
COL_NAME, COL_SPEECH, COL_UPDATED, COL_SOURCE = range(4)


class VoicesModel(QAbstractTableModel):
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
        return self.voices[row] if 0 <= row < len(self.voices) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.voices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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
