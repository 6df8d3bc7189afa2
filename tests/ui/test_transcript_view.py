"""Transcript pane on a real project: highlight while playing, click-to-seek, edits, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import COL_TEXT
from tests.ui.ui_helpers import (
    TRANSCRIPT_TEXTS,
    window_with_transcript,
)

TEXTS = TRANSCRIPT_TEXTS


@pytest.fixture
def project_path(transcript_path: Path) -> Path:
    return transcript_path


@pytest.fixture
def window(transcript_window: MainWindow) -> MainWindow:
    return transcript_window


def test_highlight_follows_playback(qtbot: QtBot, window: MainWindow) -> None:
    model = window.transcript_model
    window.player.seek(11.0)  # third segment: 9.0-12.5, eight words of 0.44 s
    assert model.current_row == 2 and model.current_word == 4
    window.player.play()
    qtbot.waitUntil(lambda: model.current_row == 2 and model.current_word >= 5, timeout=4000)
    qtbot.waitUntil(lambda: model.current_row == 3, timeout=5000)
    window.player.pause()
    segment = model.row(model.current_row)
    assert segment.start <= window.player.position() < segment.end
    assert window.transcript_view.delegate.current_row == 3


def test_clicking_a_word_seeks_there(qtbot: QtBot, window: MainWindow) -> None:
    view, model = window.transcript_view, window.transcript_model
    rect = view.word_rect(3, 2)  # "talk"
    assert not rect.isEmpty()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.player.position() == pytest.approx(model.row(3).word_starts[2], abs=0.01)
    assert model.current_row == 3 and model.current_word == 2
    # Shift+click a later word: the selection is that run of words.
    end_rect = view.word_rect(4, 1)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier, end_rect.center())
    start, end = view.selected_time_range()
    assert start == pytest.approx(model.row(3).word_starts[2])
    assert end == pytest.approx(model.row(4).word_ends[1])
    # Clicking the time column seeks to the segment's start.
    time_cell = view.visualRect(model.index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=time_cell.center())
    assert window.player.position() == pytest.approx(model.row(1).start)


def test_ctrl_space_toggles_playback_while_editing(qtbot: QtBot, window: MainWindow) -> None:
    view, model = window.transcript_view, window.transcript_model
    index = model.index(0, COL_TEXT)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.delegate.active_editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert window.player.is_playing()
    qtbot.keyClick(editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not window.player.is_playing()
    assert view.is_editing() and " " not in editor.toPlainText()[-1:]


def test_follow_playback_scrolls_to_the_segment_playing(qtbot: QtBot, tmp_path: Path,
                                                        tmp_project: Project,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"line number {i} of the long stream" for i in range(40)]
    window = window_with_transcript(qtbot, tmp_path, monkeypatch, tmp_project, lines, 0.7)
    view, model = window.transcript_view, window.transcript_model
    view.finish_row_heights()
    window.action("follow_playback").setChecked(False)
    window.player.seek(model.row(35).start + 0.1)
    assert view.rowAt(view.viewport().height() - 2) < 35  # not followed
    window.action("follow_playback").setChecked(True)  # jumps to the playhead at once
    window.player.seek(model.row(36).start + 0.1)
    visible = range(view.rowAt(0), view.rowAt(view.viewport().height() - 2) + 1)
    assert 36 in visible
    assert window.settings.follow_playback


def test_undo_keeps_the_reading_position(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"line number {i} of the long stream" for i in range(60)]
    window = window_with_transcript(qtbot, tmp_path, monkeypatch, tmp_project, lines, 0.7)
    view, model = window.transcript_view, window.transcript_model
    view.finish_row_heights()
    view.scrollTo(model.index(40, 0), view.ScrollHint.PositionAtTop)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.setData(model.index(41, COL_TEXT), "line forty-one, corrected")
    window.undo_stack.undo()
    assert resets == [] and view.rowAt(0) == 40  # in place: no reset, no jump
    assert model.row(41).text == "line number 41 of the long stream"
    window.window_actions.editing.split(model.row(42).id, len("line number 42"))
    window.undo_stack.undo()  # structural: rows are rebuilt, the view returns to its place
    assert resets and view.rowAt(0) == 40 and model.rowCount() == 60
