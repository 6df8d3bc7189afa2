"""Correcting the transcript: split, merge, retime, speakers, each one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui import dialogs
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import COL_SPEAKER, COL_TEXT
from tests.ui.ui_helpers import TRANSCRIPT_TEXTS as TEXTS
from tests.ui.ui_helpers import (
    window_with_transcript,
)


def test_undo_redo_round_trip(window: MainWindow) -> None:
    model, stack = window.transcript_model, window.undo_stack
    original = [model.row(i).text for i in range(model.rowCount())]
    base = stack.count()  # the project's own history (its codebook)
    model.setData(model.index(0, COL_TEXT), "Hello everybody and welcome")
    model.setData(model.index(1, COL_SPEAKER), "Elon Musk")
    window.window_actions.editing.split(model.row(2).id, len("There was a massive"))
    assert model.rowCount() == len(TEXTS) + 1 and stack.count() == base + 3
    window.window_actions.editing.merge()  # the new right half with its successor
    assert stack.count() == base + 4
    for _ in range(4):
        stack.undo()
    assert [model.row(i).text for i in range(model.rowCount())] == original
    assert model.row(1).speaker is None
    for _ in range(4):
        stack.redo()
    assert model.row(0).text == "Hello everybody and welcome"
    assert model.row(1).speaker == "Elon Musk"
    assert model.row(2).text == "There was a massive"
    assert model.rowCount() == len(TEXTS)


def test_split_at_the_editor_cursor(qtbot: QtBot, window: MainWindow) -> None:
    view, model = window.transcript_view, window.transcript_model
    index = model.index(1, COL_TEXT)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.delegate.active_editor
    cursor = editor.textCursor()
    cursor.setPosition(len("Sorry for"))
    editor.setTextCursor(cursor)
    left, right = window.window_actions.editing.split()
    assert model.row(1).text == "Sorry for" and model.row(2).text == "the late start"
    assert model.row(2).id == right and model.row(1).id == left


def test_adjust_times_with_the_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setattr(dialogs.SegmentTimesDialog, "exec", lambda self: 1)
    monkeypatch.setattr(dialogs.SegmentTimesDialog, "times", lambda self: (4.75, 8.0))
    view, model = window.transcript_view, window.transcript_model
    view.setCurrentIndex(model.index(1, COL_TEXT))
    window.action("segment_times").trigger()
    assert (model.row(1).start, model.row(1).end) == (4.75, 8.0)
    window.undo_stack.undo()
    assert (model.row(1).start, model.row(1).end) == (5.0, 8.5)


def test_speakers_assign_and_rename(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_with_transcript(qtbot, tmp_path, monkeypatch, tmp_project,
                                    ["Hello everyone", "Thank you Elon", "Amazing job"])
    view, model = window.transcript_view, window.transcript_model
    view.selectRow(0)
    view.selectionModel().select(model.index(2, 0), view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    window.window_actions.editing.assign_speaker("SPEAKER_1")
    assert [model.row(i).speaker for i in range(3)] == ["SPEAKER_1", None, "SPEAKER_1"]
    window.window_actions.editing.rename_speaker("SPEAKER_1", "Donald Trump")
    assert model.row(2).speaker == "Donald Trump"
    window.undo_stack.undo()
    assert model.row(2).speaker == "SPEAKER_1"


def test_the_editor_grows_with_its_text_and_never_covers_the_next_row(
        qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    view, model = window.transcript_view, window.transcript_model
    index = model.index(1, COL_TEXT)
    fitted = view.rowHeight(1)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.delegate.active_editor
    assert editor is not None
    qtbot.keyClicks(editor, " and then a long, long explanation of what went wrong" * 3)
    assert view.rowHeight(1) > fitted
    next_row = view.visualRect(model.index(2, COL_TEXT))
    assert editor.geometry().bottom() < next_row.top()  # the next line stays visible
    assert editor.document().size().height() * editor.fontMetrics().lineSpacing() \
        <= editor.viewport().height() + editor.fontMetrics().lineSpacing()  # all of it shows
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.delegate.active_editor is None, timeout=2000)
    assert view.rowHeight(1) == fitted  # cancelled: back to the text's height


def test_corrected_rows_are_marked_and_the_mark_reaches_the_exports(
        window: MainWindow, tmp_path: Path) -> None:
    import json

    from PySide6.QtCore import Qt

    from desk.core.formats.registry import export_format
    from desk.ui.transcript_model import COL_TIME, EDITED_ROLE

    model = window.transcript_model
    assert not model.index(0, COL_TIME).data(EDITED_ROLE)
    model.setData(model.index(0, COL_TEXT), "Hello everybody and welcome")
    assert model.index(0, COL_TIME).data(EDITED_ROLE)
    assert "Corrected by hand" in model.index(0, COL_TIME).data(Qt.ItemDataRole.ToolTipRole)
    assert not model.index(1, COL_TIME).data(EDITED_ROLE)
    out = tmp_path / "out.json"
    export_format("json").export(window.project, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["provenance"]["edited_by_hand"] is True
    assert [s["edited"] for s in data["transcript"]["segments"]][:2] == [True, False]
