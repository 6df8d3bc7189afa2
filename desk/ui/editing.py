"""Correcting the transcript: split, merge, retime, speakers (each one undoable step)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel

from desk.core.store import Project
from desk.ui import dialogs
from desk.ui.player import Player
from desk.ui.project_handle import ProjectHandle
from desk.ui.status_reporter import StatusReporter
from desk.ui.transcript_model import COL_TEXT
from desk.ui.transcript_view import TranscriptView
from desk.ui.undo import UndoBridge

translate = QCoreApplication.translate


class TranscriptEditing:
    def __init__(self, view: TranscriptView, projects: ProjectHandle, undo: UndoBridge,
                 report: StatusReporter, player: Player, annotator: Callable[[], str]) -> None:
        self.view = view
        self.model = view.transcript_model
        self.projects = projects
        self.undo = undo
        self.report = report
        self.player = player
        self.annotator = annotator

    @property
    def _project(self) -> Project | None:
        return self.projects.project

    def _current_row(self) -> int:
        view = self.view
        row = view.currentIndex().row()
        if row < 0 and view.selected_rows():
            row = view.selected_rows()[0]
        return row

    def _select_row(self, row: int) -> None:
        view, model = self.view, self.model
        if 0 <= row < model.rowCount():
            index = model.index(row, COL_TEXT)
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            view.scrollTo(index)

    def edit_current(self) -> None:
        view = self.view
        row = self._current_row()
        if row >= 0:
            view.edit(self.model.index(row, COL_TEXT))

    def split(self, segment_id: int | None = None,
              offset: int | None = None) -> tuple[int, int] | None:
        """Split at the editor's cursor, else before the word playing, else at the clicked word."""
        project = self._project
        if project is None:
            return None
        model = self.model
        if segment_id is None or offset is None:
            located = self._close_editor_at_cursor()
            if located is None:
                located = self._split_point()
            if located is None:
                self.report.status(translate("editing", "Put the text cursor (or the playhead) "
                                             "where the segment should split."))
                return None
            segment_id, offset = located
        sid, char = segment_id, offset
        result = self.undo.run(translate("editing", "Split segment"),
                               lambda: project.edits.split(sid, char, self.annotator()))
        if result is not None:
            self._select_row(model.row_of_segment(result[1]))
        return result

    def _close_editor_at_cursor(self) -> tuple[int, int] | None:
        """Save an open editor's text and return where its cursor was, in the saved text."""
        view = self.view
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
        model = self.model
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
        project = self._project
        row = self._current_row()
        if project is None or row < 0:
            return
        segment_id = self.model.row(row).id
        self.undo.run(translate("editing", "Merge segments"),
                      lambda: project.edits.merge_with_next(segment_id, self.annotator()))
        self._select_row(self.model.row_of_segment(segment_id))

    def adjust_times(self) -> None:
        from desk.ui.dialogs import SegmentTimesDialog

        project = self._project
        row = self._current_row()
        if project is None or row < 0:
            return
        segment = self.model.row(row)
        dialog = SegmentTimesDialog(segment.start, segment.end, self.player.position(),
                                    self.view)
        if not dialog.exec():
            return
        start, end = dialog.times()
        self.undo.run(translate("editing", "Adjust times"),
                      lambda: project.edits.set_times(segment.id, start, end, self.annotator()))

    def assign_speaker(self, name: str | None = None) -> None:
        project = self._project
        ids = self.view.selected_segment_ids()
        if project is None or not ids:
            self.report.status(translate("editing", "Select the segments first."))
            return
        if name is None:
            names = project.edits.speakers()
            current = self.model.row(self.view.selected_rows()[0]).speaker or ""
            name, ok = dialogs.ask_item(self.view, translate("editing", "Assign speaker"),
                                        translate("editing", "Speaker of the selected segments:"),
                                        names or [current], max(0, names.index(current))
                                        if current in names else 0, True)
            if not ok:
                return
        chosen = name.strip() or None
        self.undo.run(translate("editing", "Assign speaker"),
                      lambda: project.edits.set_speaker(ids, chosen, self.annotator()))

    def rename_speaker(self, old: str | None = None, new: str | None = None) -> None:
        project = self._project
        if project is None:
            return
        names = project.edits.speakers()
        if not names:
            self.report.status(translate("editing", "No speakers yet: assign one first."))
            return
        if old is None:
            old, ok = dialogs.ask_item(self.view, translate("editing", "Rename speaker"),
                                       translate("editing", "Speaker:"), names, 0, False)
            if not ok:
                return
        if new is None:
            new, ok = dialogs.ask_text(self.view, translate("editing", "Rename speaker"),
                                       translate("editing", "New name:"), old)
            if not ok:
                return
        before, after = old, new
        self.undo.run(translate("editing", "Rename speaker"),
                      lambda: project.edits.rename_speaker(before, after, self.annotator()))

    def go_to_playhead(self) -> None:
        row = self.model.row_at_time(self.player.position())
        if row >= 0:
            self.view.scrollTo(self.model.index(row, COL_TEXT),
                                       self.view.ScrollHint.PositionAtCenter)
