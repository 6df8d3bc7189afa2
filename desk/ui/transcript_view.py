"""The transcript pane: read along, click a word to seek, select what to code.

Selection has two grains: whole segments (ordinary row selection) or a run of
words (click a word, Shift+click another). `selected_time_range()` answers
with the finer one, which is what the tagging pane codes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QItemSelection, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QTextLine, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from desk.ui.transcript_delegate import PAD, TranscriptDelegate
from desk.ui.transcript_model import COL_SPEAKER, COL_TEXT, COL_TIME, TranscriptModel

HEIGHTS_AT_ONCE = 150  # rows fitted per slice (~10 ms)
USER_SCROLL_GRACE = 3.0  # seconds: following playback waits after the user scrolled


class TranscriptView(QTableView):
    selection_changed = Signal()
    seek_requested = Signal(float)

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.transcript_model = model
        self.setModel(model)
        self.delegate = TranscriptDelegate(self)
        self.delegate.grow_row = self._grow_row
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        # Row heights are set by us from cached text layouts: ResizeToContents would re-measure
        # every row on each dataChanged (30 times a second while playing).
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setMinimumSectionSize(1)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.Fixed)  # no re-measuring
        header.resizeSection(COL_TIME, self.fontMetrics().horizontalAdvance("00:00:00") + 28)
        header.setSectionResizeMode(COL_SPEAKER, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.setColumnWidth(COL_SPEAKER, 110)
        self.follow_playback = True
        self._user_scrolled_at = 0.0
        self._word_anchor: tuple[int, int] | None = None
        self._word_focus: tuple[int, int] | None = None  # the moving end (Shift+click, Shift+→)
        self._pending_rows: list[int] = []
        self._height_slicer = QTimer(self)
        self._height_slicer.setSingleShot(True)
        self._height_slicer.setInterval(0)
        self._height_slicer.timeout.connect(self._fit_next_slice)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 2 * PAD)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(60)
        self._relayout.timeout.connect(self.update_row_heights)
        model.current_changed.connect(self._on_current_changed)
        model.modelReset.connect(self._on_reset)
        model.rowsInserted.connect(lambda _p, first, last: self.update_row_heights(first, last))
        model.dataChanged.connect(self._on_data_changed)
        self.selectionModel().selectionChanged.connect(self._on_selection)
        header.sectionResized.connect(self._on_section_resized)
        self.verticalScrollBar().sliderPressed.connect(self._user_scrolled)

    # -- what the coding and editing read -----------------------------------------------
    def selected_time_range(self) -> tuple[float, float] | None:
        """The selected words' span, else the selected segments' span, else None."""
        model = self.transcript_model
        selection = self.delegate.word_selection
        if selection is not None:
            r0, w0, r1, w1 = selection
            first, last = model.ensure_words(r0), model.ensure_words(r1)
            if w0 < len(first.word_starts) and w1 < len(last.word_ends):
                return first.word_starts[w0], last.word_ends[w1]
        rows = self.selected_rows()
        if not rows:
            return None
        return (min(model.row(r).start for r in rows), max(model.row(r).end for r in rows))

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.selectionModel().selectedRows())

    def selected_segment_ids(self) -> list[int]:
        return [self.transcript_model.row(r).id for r in self.selected_rows()]

    def clear_word_selection(self) -> None:
        if self.delegate.word_selection is not None:
            self.delegate.word_selection = None
            self.viewport().update()

    def editor_cursor(self) -> tuple[int, int] | None:
        """(segment id, character offset) of an open text editor's cursor."""
        editor = self.delegate.active_editor
        index = self.currentIndex()
        if editor is None or not index.isValid():
            return None
        return self.transcript_model.row(index.row()).id, editor.textCursor().position()

    def is_editing(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState

    # -- following playback ---------------------------------------------------------------
    def _on_current_changed(self, row: int, word: int) -> None:
        self.delegate.current_row, self.delegate.current_word = row, word
        if (row >= 0 and self.follow_playback and not self.is_editing()
                and time.monotonic() - self._user_scrolled_at > USER_SCROLL_GRACE):
            self.scrollTo(self.transcript_model.index(row, COL_TEXT),
                          QAbstractItemView.ScrollHint.EnsureVisible)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._user_scrolled()
        super().wheelEvent(event)

    def _user_scrolled(self) -> None:
        """The reader looks elsewhere: following playback pauses for a moment."""
        self._user_scrolled_at = time.monotonic()

    def _on_reset(self) -> None:
        self.delegate.clear_cache()
        self.delegate.word_selection = None
        self.delegate.current_row = self.delegate.current_word = -1
        self._word_anchor = self._word_focus = None
        self.update_row_heights()

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex,
                         roles: list[int] | None = None) -> None:
        if roles and Qt.ItemDataRole.DisplayRole not in roles:
            return  # highlight or tag stripes: same text, same height
        self.update_row_heights(top.row(), bottom.row())

    def update_row_heights(self, first: int = 0, last: int | None = None) -> None:
        """Fit rows to their wrapped text. Many rows are done in slices, visible ones first,
        so opening a 2-hour transcript does not wait for 2,500 text layouts."""
        model = self.transcript_model
        last = model.rowCount() - 1 if last is None else last
        if last - first < HEIGHTS_AT_ONCE:
            self._fit_rows(range(first, last + 1))
            return
        visible = max(0, self.rowAt(0))
        order = list(range(max(first, visible), last + 1)) + list(range(first, max(first, visible)))
        self._pending_rows = order
        self._height_slicer.start()

    def _fit_next_slice(self) -> None:
        rows, self._pending_rows = (self._pending_rows[:HEIGHTS_AT_ONCE],
                                    self._pending_rows[HEIGHTS_AT_ONCE:])
        count = self.transcript_model.rowCount()
        self._fit_rows(r for r in rows if r < count)
        if self._pending_rows:
            self._height_slicer.start()

    def finish_row_heights(self) -> None:
        """Fit every pending row now (tests, screenshots)."""
        while self._pending_rows:
            self._fit_next_slice()
        self._height_slicer.stop()
        self.updateGeometries()  # the scroll range now matches the fitted rows

    def _fit_rows(self, rows: Iterable[int]) -> None:
        model = self.transcript_model
        header = self.verticalHeader()
        font = self.font()
        width = self.delegate.text_width()
        minimum = self.fontMetrics().height() + 2 * PAD
        for row in rows:
            layout = self.delegate.layout_for(model.row(row), width, font)
            height = int(layout.boundingRect().height()) + 2 * PAD
            header.resizeSection(row, max(minimum, height))

    def _grow_row(self, row: int, height: int) -> None:
        """The edited row takes the editor's height (never less than its text needs)."""
        if self.verticalHeader().sectionSize(row) < height:
            self.verticalHeader().resizeSection(row, height)
            self.updateEditorGeometries()  # now, not on the next layout pass
            self.scrollTo(self.transcript_model.index(row, COL_TEXT))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        row = self.currentIndex().row()
        super().closeEditor(editor, hint)
        if 0 <= row < self.transcript_model.rowCount():
            self._fit_rows([row])  # back to the text's own height

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COL_TEXT:
            self._relayout.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout.start()

    def set_find_terms(self, terms: list[str], only: set[int] | None = None) -> None:
        """Mark the searched words (in the segments `only`, e.g. one speaker's hits)."""
        self.delegate.find_terms = [t.casefold() for t in terms if t]
        self.delegate.find_only = only
        self.viewport().update()

    # -- mouse: seek and word selection ------------------------------------------------------
    def word_at(self, index: QModelIndex, x: float, y: float) -> int:
        if not index.isValid() or index.column() != COL_TEXT:
            return -1
        offset = self.delegate.char_at(index, self.visualRect(index), x, y, self.font())
        if offset < 0:
            return -1
        return self.transcript_model.ensure_words(index.row()).word_at_char(offset)

    def word_rect(self, row: int, word: int) -> QRect:
        """Where a word is drawn, in viewport coordinates (empty if not laid out)."""
        index = self.transcript_model.index(row, COL_TEXT)
        segment = self.transcript_model.ensure_words(row)
        spans = segment.word_spans()
        if not 0 <= word < len(spans):
            return QRect()
        begin, end = spans[word]
        layout = self.delegate.layout_for(segment, self.delegate.text_width(), self.font())
        line = layout.lineForTextPosition(begin)
        if not line.isValid():
            return QRect()
        cell = self.visualRect(index)
        x0 = _x_of(line, begin)
        x1 = _x_of(line, end)
        return QRect(int(cell.left() + PAD + x0), int(cell.top() + PAD + line.y()),
                     max(1, int(x1 - x0)), int(line.height()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        index = self.indexAt(position.toPoint())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        word = self.word_at(index, position.x(), position.y())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            row = self.transcript_model.ensure_words(index.row())
            if word >= 0 and shift and self._word_anchor is not None:
                self._word_focus = (index.row(), word)
                self._select_words(self._word_anchor, self._word_focus)
            elif word >= 0:
                self._word_anchor = self._word_focus = (index.row(), word)
                self.clear_word_selection()
                self.seek_requested.emit(row.word_starts[word])
            else:
                self._word_anchor = None
                self.clear_word_selection()
                if not shift:
                    self.seek_requested.emit(row.start)
        super().mousePressEvent(event)

    # -- keyboard: Shift+←/→ select word by word --------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()), 0)
        if (step and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
                and not self.is_editing() and self.extend_word_selection(step)):
            event.accept()
            return
        super().keyPressEvent(event)

    def extend_word_selection(self, step: int) -> bool:
        """Grow or shrink the word selection by one word; the first press takes one word."""
        model = self.transcript_model
        if self._word_anchor is None or self._word_focus is None:
            row = self.currentIndex().row()
            if row < 0 or not model.ensure_words(row).word_starts:
                return False
            words = len(model.ensure_words(row).word_starts)
            word = model.current_word if model.current_row == row else (0 if step > 0
                                                                          else words - 1)
            self._word_anchor = self._word_focus = (row, max(0, word))
        elif self.delegate.word_selection is not None:
            self._word_focus = self._next_word(self._word_focus, step)
        self._select_words(self._word_anchor, self._word_focus)
        return True

    def _next_word(self, at: tuple[int, int], step: int) -> tuple[int, int]:
        """The word before or after `at`, across lines; `at` itself at either end."""
        model = self.transcript_model
        row, word = at[0], at[1] + step
        while not 0 <= word < len(model.ensure_words(row).word_starts):
            row += step
            if not 0 <= row < model.rowCount():
                return at
            word = 0 if step > 0 else len(model.ensure_words(row).word_starts) - 1
        return row, word

    def _select_words(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        (r0, w0), (r1, w1) = sorted([a, b])
        self.delegate.word_selection = (r0, w0, r1, w1)
        self.viewport().update()
        self.selection_changed.emit()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit()


def _x_of(line: QTextLine, position: int) -> float:
    """Where a text position is drawn on a laid-out line (the stubs type the pair `object`)."""
    x, _ = cast(tuple[float, int], line.cursorToX(position))
    return x
