"""Live coding with real libvlc playing real media: keys open and close ranges at the playhead."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from tests.ui.tagging.conftest import tagging


def _play_until(qtbot: QtBot, window: MainWindow, seconds: float) -> None:
    window.player.play()
    qtbot.waitUntil(lambda: window.player.position() >= seconds, timeout=10_000)


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> float:
    """Press a key (no modifier) where the analyst works; the playhead at that moment."""
    at = window.player.position()
    qtbot.keyClick(window.transcript_view, key)
    return at


def test_two_key_presses_make_one_annotation_at_the_playhead(
        qtbot: QtBot, opened: MainWindow, project_path: Path) -> None:
    ui = tagging(opened)
    _play_until(qtbot, opened, 1.0)
    opened_at = _press(qtbot, opened, Qt.Key.Key_1)
    assert ui.codebook_panel.tag_palette.is_recording("delay")
    assert ui.cancel_live_action.isEnabled()
    qtbot.wait(300)
    also_at = _press(qtbot, opened, Qt.Key.Key_3)  # a second tag open at the same time
    deadline = time.monotonic() + 1.2
    qtbot.waitUntil(lambda: time.monotonic() >= deadline, timeout=3000)
    closed_at = _press(qtbot, opened, Qt.Key.Key_1)
    assert not ui.codebook_panel.tag_palette.is_recording("delay")
    assert ui.codebook_panel.tag_palette.is_recording("praise exchange")
    qtbot.wait(300)
    also_closed = _press(qtbot, opened, Qt.Key.Key_3)
    opened.player.pause()

    project = opened.project
    assert project is not None
    delay = project.annotations.list(tag="delay")
    praise = project.annotations.list(tag="praise exchange")
    assert len(delay) == 1 and len(praise) == 1
    assert abs(delay[0].start - opened_at) <= 0.3 and abs(delay[0].end - closed_at) <= 0.3
    assert abs(praise[0].start - also_at) <= 0.3 and abs(praise[0].end - also_closed) <= 0.3
    assert delay[0].end - delay[0].start > 1.0
    assert delay[0].annotator == "tester" and delay[0].source == "manual"
    # The playhead really moved between the presses (real playback, not a fake clock).
    assert closed_at - opened_at > 1.0

    # Each is one undo step; undo/redo reach the file at once.
    stack = opened.undo_stack
    stack.undo()
    assert project.annotations.list(tag="praise exchange") == []
    stack.undo()
    assert project.annotations.count() == 0
    stack.redo()
    stack.redo()
    assert project.annotations.count() == 2

    opened.close_project()
    with Project.open(project_path, writable=False) as again:
        kept = again.annotations.list(tag="delay")
        assert [(a.start, a.end) for a in kept] == [(delay[0].start, delay[0].end)]


def test_escape_cancels_open_ranges(qtbot: QtBot, opened: MainWindow) -> None:
    ui = tagging(opened)
    _play_until(qtbot, opened, 0.3)
    _press(qtbot, opened, Qt.Key.Key_2)
    _press(qtbot, opened, Qt.Key.Key_5)
    assert len(ui.controller.live.open_ranges()) == 2
    qtbot.keyClick(opened.transcript_view, Qt.Key.Key_Escape)
    assert ui.controller.live.open_ranges() == []
    assert not ui.cancel_live_action.isEnabled()
    _press(qtbot, opened, Qt.Key.Key_2)  # opens again instead of closing
    assert ui.codebook_panel.tag_palette.is_recording("DDoS claim")
    opened.player.pause()
    assert opened.project.annotations.count() == 0


def test_live_ranges_end_when_the_project_closes(qtbot: QtBot, opened: MainWindow) -> None:
    ui = tagging(opened)
    _press(qtbot, opened, Qt.Key.Key_1)  # paused: opens at the playhead all the same
    assert ui.controller.live.open_ranges()
    opened.close_project()
    assert ui.controller.live.open_ranges() == []
    assert ui.controller.annotations == []
