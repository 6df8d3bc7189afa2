"""The settings dialog: shortcuts rebound, clashes refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk.ui import shortcuts
from desk.ui.settings_dialog import SettingsDialog
from tests.ui.ui_helpers import (
    isolated_settings,
    make_window,
)


def test_shortcuts_can_be_rebound(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    window = make_window(qtbot, settings)
    assert window.action("play_pause").shortcut() == QKeySequence("Ctrl+Space")
    assert window.action("play_pause").shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.key_edits["play_pause"].setKeySequence(QKeySequence("F5"))
    dialog.skip.setValue(10.0)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.window_actions.apply_shortcuts()
    assert window.action("play_pause").shortcut() == QKeySequence("F5")
    assert settings.skip_seconds == 10.0
    assert "F5" in shortcuts.sheet_html(settings)
    # The same keys twice are refused with a note.
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.key_edits["mute"].setKeySequence(QKeySequence("F5"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "F5" in dialog.conflict_label.text()
    assert not [s for s in shortcuts.SHORTCUTS if s.default in list("123456789")]  # for coding
