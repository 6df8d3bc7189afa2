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


def _highlighted_share(window: MainWindow, row: int, word: int) -> float:
    """How much of a word's box is painted in the palette's highlight colour (a grab)."""
    view = window.transcript_view
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    palette = view.palette()
    # Either colour group: an inactive window paints rows in the inactive highlight.
    highlights = {palette.color(group, palette.ColorRole.Highlight).rgb()
                  for group in (palette.ColorGroup.Active, palette.ColorGroup.Inactive)}
    rect = view.word_rect(row, word)
    ratio = image.devicePixelRatio()
    pixels = [image.pixel(int(x * ratio), int(y * ratio))
              for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())]
    return sum(1 for p in pixels if p in highlights) / max(1, len(pixels))


def test_a_word_selection_is_painted_and_shown_on_the_timeline(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    view, model = window.transcript_view, window.transcript_model
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.word_rect(3, 1).center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier, view.word_rect(3, 3).center())
    # "us talk about" is drawn selected; "Let" and "the" in the same (selected) row are not.
    for word in (2, 3):
        assert _highlighted_share(window, 3, word) > 0.3
    for word in (0, 4):
        assert _highlighted_share(window, 3, word) < 0.05
    start, end = model.row(3).word_starts[1], model.row(3).word_ends[3]
    assert f"({end - start:.3f} s)" in window.selection_label.text()
    canvas = window.tagging.timeline.canvas
    assert canvas.selection_span == pytest.approx((start, end))
    image = canvas.grab().toImage()
    middle = canvas.x_of((start + end) / 2) * image.devicePixelRatio()
    outside = canvas.x_of(end + 3) * image.devicePixelRatio()
    assert image.pixelColor(int(middle), 2) != image.pixelColor(int(outside), 2)  # the band
    qtbot.keyRelease(view, Qt.Key.Key_Shift)  # Qt would keep Shift held for the next test


def test_shift_arrows_select_word_by_word_across_lines(qtbot: QtBot, window: MainWindow) -> None:
    view, model = window.transcript_view, window.transcript_model
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.word_rect(0, 2).center())
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.delegate.word_selection == (0, 2, 0, 2)  # first the clicked word, "and"
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.delegate.word_selection == (0, 2, 1, 1)  # "and welcome" + "Sorry for"
    assert view.selected_time_range() == pytest.approx((model.row(0).word_starts[2],
                                                        model.row(1).word_ends[1]))
    assert _highlighted_share(window, 1, 1) > 0.3
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.delegate.word_selection == (0, 2, 1, 0)
    assert _highlighted_share(window, 1, 0) > 0.3 and _highlighted_share(window, 1, 1) < 0.05
    assert window.selection_label.text().startswith("Selected 00:00:0")
    qtbot.keyRelease(view, Qt.Key.Key_Shift)  # Qt would keep Shift held for the next test
