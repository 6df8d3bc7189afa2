"""Frame steps, nudges, a segment and a loop, driven by their keys in a real window."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import COL_TEXT


def test_frame_keys_step_when_not_typing_and_ctrl_alt_always(qtbot: QtBot,
                                                             transcript_window: MainWindow) -> None:
    window, player = transcript_window, transcript_window.player
    frame = player.frame_seconds()
    player.seek(10.0)
    window.transcript_view.setFocus()
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Period)
    assert player.position() == pytest.approx(10.0 + frame)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Comma)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Comma)
    assert player.position() == pytest.approx(10.0 - frame)
    # Typing a note: "," is a comma, but Ctrl+Alt+→ still steps.
    note = window.tagging.annotations_panel.text_filter
    note.setFocus()
    qtbot.keyClicks(note, "a, b.")
    assert note.text() == "a, b." and player.position() == pytest.approx(10.0 - frame)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(note, Qt.Key.Key_Right, modifiers)
    assert player.position() == pytest.approx(10.0)
    window.action("nudge_forward").trigger()
    assert player.position() == pytest.approx(11.0)
    window.action("nudge_back").trigger()
    window.action("nudge_back").trigger()
    assert player.position() == pytest.approx(9.0)


def test_play_this_segment_stops_at_its_end(qtbot: QtBot, transcript_window: MainWindow) -> None:
    window = transcript_window
    view, model = window.transcript_view, window.transcript_model
    view.setCurrentIndex(model.index(1, COL_TEXT))
    segment = model.row(1)
    window.action("play_segment").trigger()
    assert window.player.is_playing()
    qtbot.waitUntil(lambda: not window.player.is_playing(), timeout=8000)
    assert window.player.position() == pytest.approx(segment.end)


def test_loop_repeats_the_selected_annotation_until_pressed_again(
        qtbot: QtBot, transcript_window: MainWindow) -> None:
    window = transcript_window
    controller = window.tagging.controller
    window.action("loop_selection").trigger()  # nothing selected: says so, plays nothing
    assert not window.player.is_playing()
    assert "loop" in window.statusBar().currentMessage()
    annotation = controller.code_range(controller.active_tags()[0].name, 6.0, 6.6)
    assert annotation is not None
    controller.flush()
    controller.set_selected([annotation.id])
    seen: list[float] = []
    window.player.position_changed.connect(seen.append)
    window.action("loop_selection").trigger()
    qtbot.waitUntil(lambda: any(b < a for a, b in itertools.pairwise(seen) if a >= 6.5),
                    timeout=8000)
    assert window.player.is_playing()
    window.action("loop_selection").trigger()
    assert not window.player.is_playing() and window.player.playing_range() is None


def test_go_to_time_opens_the_clock_for_typing(qtbot: QtBot,
                                               transcript_window: MainWindow) -> None:
    window = transcript_window
    window.action("go_to_time").trigger()
    entry = window.transport_bar.time_entry
    assert entry.isVisible() and entry.hasFocus()
    entry.setText("00:00:21.125")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert window.player.position() == pytest.approx(21.125)
