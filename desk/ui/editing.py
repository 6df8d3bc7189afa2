"""Correcting the transcript: split, merge, retime, speakers (each one undoable step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel
from PySide6.QtWidgets import QInputDialog

from desk.core.store import Project
from desk.ui.transcript_model import COL_TEXT

if TYPE_CHECKING:
    from desk.ui.main_window import MainWindow


translate = QCoreApplication.translate


class TranscriptEditing:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def _project(self) -> Project | None:
        return self.window.project

    def _current_row(self) -> int:
        view = self.window.transcript_view
        row = view.currentIndex().row()
        if row < 0 and view.selected_rows():
            row = view.selected_rows()[0]
        return row

    def _select_row(self, row: int) -> None:
        view = self.window.transcript_view
        model = self.window.transcript_model
        if 0 <= row < model.rowCount():
            index = model.index(row, COL_TEXT)
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            view.scrollTo(index)

    def edit_current(self) -> None:
        view = self.window.transcript_view
        row = self._current_row()
        if row >= 0:
            view.edit(self.window.transcript_model.index(row, COL_TEXT))

    def split(self, segment_id: int | None = None,
              offset: int | None = None) -> tuple[int, int] | None:
        """Split at the editor's cursor, else before the word playing, else at the clicked word."""
        w, project = self.window, self._project
        if project is None:
            return None
        model = w.transcript_model
        if segment_id is None or offset is None:
            located = self._close_editor_at_cursor()
            if located is None:
                located = self._split_point()
            if located is None:
                w.status(translate("editing", "Put the text cursor (or the playhead) where the "
                                   "segment should split."))
                return None
            segment_id, offset = located
        sid, char = segment_id, offset
        result = w.run_edit(translate("editing", "Split segment"),
                            lambda: project.edits.split(sid, char, w.settings.annotator))
        if result is not None:
            self._select_row(model.row_of_segment(result[1]))
        return result

    def _close_editor_at_cursor(self) -> tuple[int, int] | None:
        """Save an open editor's text and return where its cursor was, in the saved text."""
        view = self.window.transcript_view
        located = view.editor_cursor()
        editor = view.delegate.active_editor
        if located is None or editor is None:
            return None
        text = editor.toPlainText()
        segment_id, offset = located
        view.delegate.commitData.emit(editor)
        view.delegate.closeEditor.emit(editor, view.delegate.EndEditHint.NoHint)
        # The saved text has its whitespace normalised: map the cursor onto it.
        return segment_id, len(" ".join(text[:offset].split()))

    def _split_point(self) -> tuple[int, int] | None:
        """Before the word playing (if in the current row), else before the second word."""
        model = self.window.transcript_model
        row = self._current_row()
        if row < 0:
            return None
        segment = model.ensure_words(row)
        spans = segment.word_spans()
        word = model.current_word if model.current_row == row else -1
        if word <= 0:
            return None
        return segment.id, spans[word][0]

    def merge(self) -> None:
        w, project = self.window, self._project
        row = self._current_row()
        if project is None or row < 0:
            return
        segment_id = w.transcript_model.row(row).id
        w.run_edit(translate("editing", "Merge segments"),
                   lambda: project.edits.merge_with_next(segment_id, w.settings.annotator))
        self._select_row(w.transcript_model.row_of_segment(segment_id))

    def adjust_times(self) -> None:
        from desk.ui.dialogs import SegmentTimesDialog

        w, project = self.window, self._project
        row = self._current_row()
        if project is None or row < 0:
            return
        segment = w.transcript_model.row(row)
        dialog = SegmentTimesDialog(segment.start, segment.end, w.player.position(), w)
        if not dialog.exec():
            return
        start, end = dialog.times()
        w.run_edit(translate("editing", "Adjust times"),
                   lambda: project.edits.set_times(segment.id, start, end, w.settings.annotator))

    def assign_speaker(self, name: str | None = None) -> None:
        w, project = self.window, self._project
        ids = w.transcript_view.selected_segment_ids()
        if project is None or not ids:
            w.status(translate("editing", "Select the segments first."))
            return
        if name is None:
            names = project.edits.speakers()
            current = w.transcript_model.row(w.transcript_view.selected_rows()[0]).speaker or ""
            name, ok = QInputDialog.getItem(w, translate("editing", "Assign speaker"),
                                            translate("editing",
                                                      "Speaker of the selected segments:"),
                                            names or [current], max(0, names.index(current))
                                            if current in names else 0, True)
            if not ok:
                return
        chosen = name.strip() or None
        w.run_edit(translate("editing", "Assign speaker"),
                   lambda: project.edits.set_speaker(ids, chosen, w.settings.annotator))

    def rename_speaker(self, old: str | None = None, new: str | None = None) -> None:
        w, project = self.window, self._project
        if project is None:
            return
        names = project.edits.speakers()
        if not names:
            w.status(translate("editing", "No speakers yet: assign one first."))
            return
        if old is None:
            old, ok = QInputDialog.getItem(w, translate("editing", "Rename speaker"),
                                           translate("editing", "Speaker:"), names, 0, False)
            if not ok:
                return
        if new is None:
            new, ok = QInputDialog.getText(w, translate("editing", "Rename speaker"),
                                           translate("editing", "New name:"), text=old)
            if not ok:
                return
        before, after = old, new
        w.run_edit(translate("editing", "Rename speaker"),
                   lambda: project.edits.rename_speaker(before, after, w.settings.annotator))

    def go_to_playhead(self) -> None:
        w = self.window
        row = w.transcript_model.row_at_time(w.player.position())
        if row >= 0:
            w.transcript_view.scrollTo(w.transcript_model.index(row, COL_TEXT),
                                       w.transcript_view.ScrollHint.PositionAtCenter)
