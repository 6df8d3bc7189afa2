"""The shortcut table: playback keys work from anywhere in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.dialogs import show_shortcuts_sheet
from desk.ui.main_window import MainWindow
from tests.ui.ui_helpers import (
    window_with_transcript,
)


def test_keyboard_drives_playback(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_with_transcript(qtbot, tmp_path, monkeypatch, tmp_project,
                                    ["Hello everyone and welcome", "Sorry for the late start"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.transcript_view.setFocus()
    window.player.seek(10.0)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.player.position() == pytest.approx(15.0, abs=0.05)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert window.player.position() == pytest.approx(5.0, abs=0.05)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.player.rate() == pytest.approx(1.2)
    assert window.transport_bar.speed.value() == pytest.approx(1.2)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.player.rate() == pytest.approx(1.1)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert window.player.is_playing()
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not window.player.is_playing()
    sheet = show_shortcuts_sheet(window, window.settings)
    qtbot.addWidget(sheet)
    assert sheet.isVisible()


def test_f1_lists_every_shortcut_and_scrolls(qtbot: QtBot,
                                             transcript_window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

    from desk.ui import shortcuts

    window = transcript_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.transcript_view.setFocus()
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_F1)
    sheet = next(w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QDialog) and w.objectName() == "shortcutsSheet")
    qtbot.addWidget(sheet)
    text = sheet.findChild(QTextBrowser).toPlainText()
    for spec in shortcuts.SHORTCUTS:
        assert shortcuts.label(spec) in text
    for keys in ("Esc", "Del", "Alt+←/→", "Alt+Shift+←/→", "Shift+←/→", "Ctrl+Wheel", "1–9",
                 ",", ".", "Ctrl+Alt+Left", "Ctrl+Shift+Left", "Ctrl+G"):
        assert keys in text, keys
    browser = sheet.findChild(QTextBrowser)
    assert browser.verticalScrollBar().maximum() > 0  # longer than the dialog: it scrolls
    screen = sheet.screen().availableGeometry()
    assert sheet.frameGeometry().height() <= screen.height()


def test_every_shortcut_is_a_window_action_with_its_default_key(
        transcript_window: MainWindow) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from desk.ui import shortcuts

    for spec in shortcuts.SHORTCUTS:
        action = transcript_window.findChild(QAction, f"action_{spec.action}")
        assert action is not None, spec.action
        assert action.shortcut() == QKeySequence(spec.default), spec.action
        if spec.action not in ("undo", "redo"):  # those say what they undo
            assert action.text() == spec.label, spec.action


@pytest.mark.parametrize(("name", "key", "modifiers"), [
    ("import_file", Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
    ("export", Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
    ("merge_coding", Qt.Key.Key_O,
     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ("versions", Qt.Key.Key_V,
     Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
])
def test_file_and_version_keys_reach_their_actions(qtbot: QtBot, transcript_window: MainWindow,
                                                   name: str, key: Qt.Key,
                                                   modifiers: Qt.KeyboardModifier) -> None:
    """The key triggers the menu's action (its dialog is tested on its own; here the
    action's handlers are swapped for a recorder so no dialog opens)."""
    window = transcript_window
    action = window.window_actions.get(name)
    assert action.isEnabled()
    action.triggered.disconnect()
    pressed: list[bool] = []
    action.triggered.connect(lambda _c=False: pressed.append(True))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.transcript_view.setFocus()
    qtbot.keyClick(window.transcript_view, key, modifiers)
    # Qt keeps the last event's modifiers as the keyboard's state: let go of them.
    qtbot.keyRelease(window.transcript_view, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    assert pressed == [True]
