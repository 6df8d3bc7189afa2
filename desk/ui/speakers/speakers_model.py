"""The Speakers pane's table: number, name, colour, talk time, turns, voice match.

It only presents what the core holds (the speakers in number order and the
figures of desk.core.coding.stats), so the pane, `desk speaker list` and
`desk stats` agree. A name typed into the table is handed to `rename`, which
the pane runs through the undo stack; the model never edits the project.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from desk.core.coding.stats import SpeakerStats
from desk.core.records import Speaker
from desk.core.timecode import format_time
from desk.ui.table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
COL_NUMBER, COL_NAME, COL_COLOUR, COL_TALK, COL_TURNS, COL_MATCH = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole  # a row's speaker id


class SpeakersModel(RecordTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.speakers: list[Speaker] = []
        self.figures: dict[str, SpeakerStats] = {}
        self.writable = False
        # Called with (speaker id, new name); True when the rename was made.
        self.rename: Callable[[int, str], bool] | None = None
        self.headers = [self.tr("#"), self.tr("Speaker"), self.tr("Colour"),
                        self.tr("Talk time"), self.tr("Turns"), self.tr("Voice match")]

    def set_speakers(self, speakers: list[Speaker], figures: list[SpeakerStats],
                     writable: bool) -> None:
        """New rows; the same speakers in the same order only change cells (the
        selection and an open editor survive a rename elsewhere)."""
        same = [s.id for s in speakers] == [s.id for s in self.speakers]
        if not same:
            self.beginResetModel()
        self.speakers = list(speakers)
        self.figures = {f.speaker: f for f in figures}
        self.writable = writable
        if not same:
            self.endResetModel()
        elif speakers:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(speakers) - 1, len(self.headers) - 1))

    def speaker(self, row: int) -> Speaker | None:
        return self.record(row)  # type: ignore[no-any-return]

    def row_of(self, speaker_id: int | None) -> int:
        return next((r for r, s in enumerate(self.speakers) if s.id == speaker_id), -1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.writable and index.column() == COL_NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def records(self) -> Sequence[Any]:
        return self.speakers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        speaker = self.speaker(index.row()) if index.isValid() else None
        if speaker is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return speaker.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(speaker, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_COLOUR and speaker.colour:
            return swatch(speaker.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(speaker, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_TALK,
                                                                    COL_TURNS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        speaker = self.speaker(index.row()) if index.isValid() else None
        if speaker is None or speaker.id is None or role != Qt.ItemDataRole.EditRole \
                or index.column() != COL_NAME or self.rename is None:
            return False
        name = str(value).strip()
        if not name or name == speaker.name:
            return False
        return self.rename(speaker.id, name)

    # -- cells ----------------------------------------------------------------------------
    def _text(self, speaker: Speaker, column: int) -> str:
        figures = self.figures.get(speaker.name)
        if column == COL_NUMBER:
            return str(speaker.position or "")
        if column == COL_NAME:
            return speaker.name
        if column == COL_COLOUR:
            return speaker.colour or ""
        if column == COL_TALK:
            return format_time(figures.talk_time) if figures else format_time(0.0)
        if column == COL_TURNS:
            return str(figures.turns) if figures else "0"
        return self.match_text(speaker)

    def match_text(self, speaker: Speaker) -> str:
        """ "matched by voice (0.83)", as the analyst should read a profile's suggestion."""
        if not speaker.matched_profile:
            return ""
        score = f"{speaker.matched_score:.2f}" if speaker.matched_score is not None else "?"
        if speaker.match_status == "confirmed":
            return self.tr("confirmed (%1)").replace("%1", score)
        if speaker.match_status == "rejected":
            return self.tr("rejected: not %1").replace("%1", speaker.matched_profile)
        return self.tr("matched by voice (%1)").replace("%1", score)

    def _tip(self, speaker: Speaker, column: int) -> str | None:
        figures = self.figures.get(speaker.name)
        if column == COL_NAME and self.writable:
            return self.tr("Double-click to rename; the name flows into the transcript, "
                           "the statistics and every export")
        if column == COL_COLOUR and self.writable:
            return self.tr("Double-click to change the colour")
        if column == COL_TALK and figures:
            return self.tr("%1 % of the recording, %2 segments").replace(
                "%1", f"{figures.share * 100:.1f}").replace("%2", str(figures.segments))
        if column == COL_TURNS and figures:
            return self.tr("Longest turn %1; broke in %2 times, was broken in on %3 times") \
                .replace("%1", format_time(figures.longest_turn)) \
                .replace("%2", str(figures.interruptions)).replace("%3", str(figures.interrupted))
        if column == COL_MATCH and speaker.matched_profile:
            return self.tr("The voice profile “%1” matched this speaker: confirm or reject it") \
                .replace("%1", speaker.matched_profile)
        return None


def swatch(colour: str, size: int = 14) -> QIcon:
    """The speaker's colour as it is, also in a selected row (Qt would tint a plain one)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
        icon.addPixmap(pixmap, mode)
    return icon
