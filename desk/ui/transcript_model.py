"""The transcript as a Qt table model: time, speaker, text, one row per segment.

The model keeps a light copy of the segments (times, text, word timings) so
that painting and the playhead never touch the database: `set_playhead` is a
binary search over start times and repaints only the rows whose highlight
changed. The project is re-read only for the rows an edit or a job touched.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from desk.core.coding import blind
from desk.core.coding.line_labels import LineLabels
from desk.core.records import Segment
from desk.core.store import Project
from desk.core.timecode import format_time
from desk.ui.table_model import RecordTableModel

COL_TIME, COL_SPEAKER, COL_TEXT = range(3)
SEGMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
START_ROLE = Qt.ItemDataRole.UserRole + 2
END_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_ROLE = Qt.ItemDataRole.UserRole + 4  # the SegmentRow (painting, hit tests)
TAG_COLOURS_ROLE = Qt.ItemDataRole.UserRole + 5
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 6  # only the playback highlight changed
EDITED_ROLE = Qt.ItemDataRole.UserRole + 7  # corrected by hand (text, split, merge, times)

Index = QModelIndex | QPersistentModelIndex
EditRunner = Callable[[str, Callable[[], Any]], Any]
WORD_PREFETCH_SECONDS = 120.0  # words are read for this much of the recording at a time


@dataclass
class SegmentRow:
    """What the view needs of one segment, kept in memory."""

    id: int
    start: float
    end: float
    text: str
    speaker: str | None
    edited: bool
    word_starts: list[float] = field(default_factory=list)
    word_ends: list[float] = field(default_factory=list)
    word_texts: list[str] = field(default_factory=list)
    tag_colours: list[str] = field(default_factory=list)
    words_loaded: bool = True
    _spans: list[tuple[int, int]] | None = None

    @classmethod
    def from_segment(cls, segment: Segment, words_loaded: bool = True) -> SegmentRow:
        row = cls(id=int(segment.id or 0), start=segment.start, end=segment.end,
                  text=segment.text, speaker=segment.speaker, edited=segment.edited,
                  words_loaded=words_loaded)
        if words_loaded:
            row.set_words(segment)
        return row

    def set_words(self, segment: Segment) -> None:
        self.word_starts = [w.start for w in segment.words]
        self.word_ends = [w.end for w in segment.words]
        self.word_texts = [w.text for w in segment.words]
        self.words_loaded = True
        self._spans = None

    def word_at_time(self, seconds: float) -> int:
        """Index of the word being spoken at `seconds` (the last one started), or -1."""
        i = bisect.bisect_right(self.word_starts, seconds) - 1
        return i if i >= 0 and seconds < max(self.word_ends[i], self.end) else -1

    def word_spans(self) -> list[tuple[int, int]]:
        """Character range of each word in `text` (words are found in order)."""
        if self._spans is None:
            spans: list[tuple[int, int]] = []
            cursor = 0
            lowered = self.text.casefold()
            for word in self.word_texts:
                token = word.strip().casefold()
                found = lowered.find(token, cursor) if token else -1
                if found < 0:
                    spans.append((cursor, cursor))
                    continue
                spans.append((found, found + len(token)))
                cursor = found + len(token)
            self._spans = spans
        return self._spans

    def word_at_char(self, offset: int) -> int:
        """The word containing (or nearest before) a character offset, or -1."""
        best = -1
        for i, (begin, end) in enumerate(self.word_spans()):
            if begin == end:
                continue
            if begin <= offset < end:
                return i
            if begin <= offset:
                best = i
        return best


class TranscriptModel(RecordTableModel):
    """Segments of the project's current transcript, with the playback highlight."""

    current_changed = Signal(int, int)  # row, word (-1: none)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.transcript_id: int | None = None
        self._rows: list[SegmentRow] = []
        self._starts: list[float] = []
        self._row_of: dict[int, int] = {}
        self.current_row = -1
        self.current_word = -1
        self.run_edit: EditRunner = lambda _label, perform: perform()
        self.annotator = ""
        self.headers = [self.tr("Time"), self.tr("Speaker"), self.tr("Text")]

    # -- loading -----------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.reload()

    def reload(self) -> None:
        """Re-read the whole current transcript (opening, undo of a structural edit)."""
        self.beginResetModel()
        self._rows = []
        self.transcript_id = None
        if self.project is not None:
            current = self.project.transcripts.current()
            if current is not None:
                self.transcript_id = current.id
                # Words are read later, a window at a time (ensure_words): 25,000 of them
                # would double the time it takes to open a 2-hour project.
                self._rows = [SegmentRow.from_segment(s, words_loaded=False) for s in
                              self.project.transcripts.segments(current.id, with_words=False)]
        self._reindex()
        self.current_row = self.current_word = -1
        self._apply_annotation_colours()
        self.endResetModel()

    def resync(self) -> bool:
        """After undo/redo: update in place the rows that differ; True if that sufficed.

        Same segments (ids) → only the changed rows repaint and the view keeps its place.
        A split or merge changed the rows, or another version is current → a full reload
        (returns False).
        """
        project = self.project
        current = project.transcripts.current() if project is not None else None
        if project is None or current is None or current.id != self.transcript_id:
            self.reload()  # another version became current (switch, import, undo of either)
            return False
        fresh = project.transcripts.segments(self.transcript_id, with_words=False)
        if [s.id for s in fresh] != [r.id for r in self._rows]:
            self.reload()
            return False
        changed = []
        for i, (segment, row) in enumerate(zip(fresh, self._rows, strict=True)):
            if (segment.text, segment.start, segment.end, segment.speaker, segment.edited) != (
                    row.text, row.start, row.end, row.speaker, row.edited):
                self._rows[i] = SegmentRow.from_segment(segment, words_loaded=False)
                changed.append(i)
        self._reindex()
        self._apply_annotation_colours()
        for i in changed:
            self.dataChanged.emit(self.index(i, 0), self.index(i, COL_TEXT))
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_TIME), self.index(len(self._rows) - 1,
                                                                      COL_TIME), [TAG_COLOURS_ROLE])
        return True

    def _reindex(self) -> None:
        self._starts = [r.start for r in self._rows]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    def append_segments(self, segment_ids: list[int]) -> None:
        """Rows a running job just stored (read by id; they follow the existing ones)."""
        if self.project is None or not segment_ids:
            return
        segments = [self.project.transcripts.segment(i) for i in segment_ids
                    if i not in self._row_of]
        if not segments:
            return
        if self.transcript_id is None:
            self.transcript_id = segments[0].transcript_id
        new_rows = [SegmentRow.from_segment(s) for s in segments]
        if segments[0].transcript_id != self.transcript_id or (
                self._rows and new_rows[0].start < self._rows[-1].start):
            self.reload()  # another transcript, or a resumed window out of order: rebuild
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        self._rows.extend(new_rows)
        self._reindex()
        self.endInsertRows()

    def refresh_segments(self, segment_ids: list[int]) -> None:
        """Re-read rows after an in-place edit (text, times, speaker)."""
        if self.project is None:
            return
        for segment_id in segment_ids:
            row = self._row_of.get(segment_id)
            if row is None:
                continue
            fresh = SegmentRow.from_segment(self.project.transcripts.segment(segment_id))
            fresh.tag_colours = self._rows[row].tag_colours
            self._rows[row] = fresh
            self.dataChanged.emit(self.index(row, 0), self.index(row, COL_TEXT))
        self._reindex()

    def refresh_annotations(self) -> None:
        """Recompute the tag stripes (called after coding, undo, import)."""
        self._apply_annotation_colours()
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, COL_TIME), self.index(last, COL_TIME),
                                  [TAG_COLOURS_ROLE])

    def _apply_annotation_colours(self) -> None:
        """Each row's stripes: the tags whose codes label it by the one rule the exports
        follow (coding/line_labels), so a range that grazes a line does not colour it."""
        for row in self._rows:
            row.tag_colours = []
        if self.project is None or not self._rows:
            return
        colours = {t.name: t.colour for t in self.project.tags.list(include_archived=True)}
        only = blind.visible_annotator(self.project, self.annotator)
        annotations = [a for a in blind.visible(self.project.annotations.list(), only)
                       if a.tag in colours]
        labels = LineLabels(self._rows, annotations)
        for i, row in enumerate(self._rows):
            for a_index in labels.annotations_of(i):
                colour = colours[annotations[a_index].tag]
                if colour not in row.tag_colours:
                    row.tag_colours.append(colour)

    def ensure_words(self, row: int) -> SegmentRow:
        """The row with its word timings, reading them (and its neighbours') if needed."""
        segment_row = self._rows[row]
        if segment_row.words_loaded or self.project is None:
            return segment_row
        window = self.project.transcripts.segments(
            self.transcript_id, start=segment_row.start,
            end=segment_row.start + WORD_PREFETCH_SECONDS, with_words=True)
        for segment in window:
            i = self._row_of.get(int(segment.id or 0))
            if i is not None and not self._rows[i].words_loaded:
                self._rows[i].set_words(segment)
        segment_row.words_loaded = True
        return segment_row

    # -- lookups -------------------------------------------------------------------------
    def row(self, row: int) -> SegmentRow:
        return self._rows[row]

    def rows(self) -> list[SegmentRow]:
        return self._rows

    def row_of_segment(self, segment_id: int) -> int:
        return self._row_of.get(segment_id, -1)

    def row_at_time(self, seconds: float) -> int:
        """The segment playing at `seconds` (the last one started before it), or -1."""
        i = bisect.bisect_right(self._starts, seconds) - 1
        if i < 0:
            return -1
        return i if seconds < self._rows[i].end else -1

    def set_playhead(self, seconds: float) -> bool:
        """Move the highlight; repaints at most two rows. True if it changed."""
        row = self.row_at_time(seconds)
        word = self.ensure_words(row).word_at_time(seconds) if row >= 0 else -1
        if row == self.current_row and word == self.current_word:
            return False
        previous = self.current_row
        self.current_row, self.current_word = row, word
        for changed in {previous, row}:
            if changed >= 0:
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, COL_TEXT),
                                      [HIGHLIGHT_ROLE])
        self.current_changed.emit(row, word)
        return True

    # -- Qt model API ------------------------------------------------------------------------
    def records(self) -> Sequence[Any]:
        return self._rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_TIME:
                return format_time(row.start)
            if column == COL_SPEAKER:
                return row.speaker or ""
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TIME:
            span = f"{format_time(row.start, True)} – {format_time(row.end, True)}"
            edited = self.tr("Corrected by hand")
            return f"{span}\n{edited}" if row.edited else span
        if role == EDITED_ROLE:
            return row.edited
        if role == SEGMENT_ID_ROLE:
            return row.id
        if role == START_ROLE:
            return row.start
        if role == END_ROLE:
            return row.end
        if role == ROW_ROLE:
            return row
        if role == TAG_COLOURS_ROLE:
            return list(row.tag_colours)
        if role == HIGHLIGHT_ROLE:
            return index.row() == self.current_row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        writable = self.project is not None and self.project.writable
        if writable and index.column() in (COL_SPEAKER, COL_TEXT):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Inline edits are saved at once, as one undoable step each."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.project is None:
            return False
        row = self._rows[index.row()]
        project = self.project
        text = str(value)
        if index.column() == COL_TEXT:
            if " ".join(text.split()) == row.text:
                return False
            self.run_edit(self.tr("Edit text"),
                          lambda: project.edits.set_text(row.id, text, self.annotator))
        elif index.column() == COL_SPEAKER:
            name = text.strip() or None
            if name == row.speaker:
                return False
            self.run_edit(self.tr("Set speaker"),
                          lambda: project.edits.set_speaker([row.id], name, self.annotator))
        else:
            return False
        self.refresh_segments([row.id])
        return True
