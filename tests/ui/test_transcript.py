"""Transcript pane on a real project: highlight while playing, click-to-seek, edits, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import COL_SPEAKER, COL_TEXT, TranscriptModel
from tests.ui.ui_helpers import (
    add_transcript,
    isolated_settings,
    make_window,
    window_with_transcript,
)

TEXTS = ["Hello everyone and welcome", "Sorry for the late start",
         "There was a massive attack on the servers", "Let us talk about the border",
         "Thank you so much Elon"]


@pytest.fixture
def project_path(tmp_project: Project) -> Path:
    add_transcript(tmp_project, TEXTS)
    path = tmp_project.path
    tmp_project.close()
    return path


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, project_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.window_actions.files.open_project(project_path) is not None
    return window


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, project_path: Path) -> None:
    model = TranscriptModel()
    with Project.open(project_path) as project:
        model.set_project(project)
        assert model.rowCount() == len(TEXTS)
        qtmodeltester.check(model)
        model.set_playhead(6.0)
        model.refresh_annotations()
        qtmodeltester.check(model)


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


def test_inline_edit_is_saved_at_once_and_survives_reopening(
        qtbot: QtBot, window: MainWindow, project_path: Path) -> None:
    view, model = window.transcript_view, window.transcript_model
    index = model.index(2, COL_TEXT)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.delegate.active_editor
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "There was a DDoS attack")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert model.row(2).text == "There was a DDoS attack"
    with Project.open(project_path, writable=False) as other:  # on disk already
        assert other.transcripts.segment(model.row(2).id).text == "There was a DDoS attack"
    window.close_project()
    window.window_actions.files.open_project(project_path)
    assert window.transcript_model.row(2).text == "There was a DDoS attack"
    assert window.transcript_model.row(2).edited


def test_undo_redo_round_trip(window: MainWindow) -> None:
    model, stack = window.transcript_model, window.undo_stack
    original = [model.row(i).text for i in range(model.rowCount())]
    model.setData(model.index(0, COL_TEXT), "Hello everybody and welcome")
    model.setData(model.index(1, COL_SPEAKER), "Elon Musk")
    window.window_actions.editing.split(model.row(2).id, len("There was a massive"))
    assert model.rowCount() == len(TEXTS) + 1 and stack.count() == 3
    window.window_actions.editing.merge()  # the new right half with its successor
    assert stack.count() == 4
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


def test_find_goes_through_matches(qtbot: QtBot, window: MainWindow) -> None:
    window.action("find").trigger()
    bar = window.find_bar
    assert bar.isVisible()
    bar.field.setText("the")
    hits = bar.search()
    assert [h.segment_id for h in hits] == [model_id(window, i) for i in (1, 2, 3)]
    assert window.transcript_view.currentIndex().row() == 1
    bar.next()
    assert window.transcript_view.currentIndex().row() == 2
    bar.previous()
    bar.previous()
    assert window.transcript_view.currentIndex().row() == 3  # wraps around
    assert bar.count_label.text() == "3 of 3"


def model_id(window: MainWindow, row: int) -> int:
    return window.transcript_model.row(row).id


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


def test_tag_stripes_follow_annotations(window: MainWindow) -> None:
    project = window.project
    project.annotations.add("DDoS claim", 9.5, 12.0, annotator="tester")
    window.transcript_model.refresh_annotations()
    colour = project.tags.get("DDoS claim").colour
    assert window.transcript_model.row(2).tag_colours == [colour]
    assert window.transcript_model.row(1).tag_colours == []
    window.transcript_view.scrollTo(window.transcript_model.index(2, 0))
    pixmap = window.transcript_view.viewport().grab()  # paints the stripe
    stripe_x = window.transcript_view.visualRect(window.transcript_model.index(2, 0)).left() + 1
    stripe_y = window.transcript_view.visualRect(window.transcript_model.index(2, 0)).center().y()
    ratio = pixmap.devicePixelRatio()
    painted = pixmap.toImage().pixelColor(QPoint(int(stripe_x * ratio), int(stripe_y * ratio)))
    assert painted.name() == colour.lower()


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


def test_adjust_times_with_the_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.ui import dialogs

    monkeypatch.setattr(dialogs.SegmentTimesDialog, "exec", lambda self: 1)
    monkeypatch.setattr(dialogs.SegmentTimesDialog, "times", lambda self: (4.75, 8.0))
    view, model = window.transcript_view, window.transcript_model
    view.setCurrentIndex(model.index(1, COL_TEXT))
    window.action("segment_times").trigger()
    assert (model.row(1).start, model.row(1).end) == (4.75, 8.0)
    window.undo_stack.undo()
    assert (model.row(1).start, model.row(1).end) == (5.0, 8.5)


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
