"""Files the desktop hands over (macOS FileOpen) open as on the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow


@pytest.fixture
def window(empty_window: MainWindow) -> MainWindow:
    return empty_window



@pytest.fixture


def test_a_file_handed_over_by_the_desktop_opens(window: MainWindow, qtbot: QtBot,
                                                 tmp_path: Path, tone_media: Path) -> None:
    """macOS Finder's "Open With" arrives as a FileOpen event, not as an argument."""
    from PySide6.QtGui import QFileOpenEvent

    from desk.ui.file_open_events import FileOpenFilter

    recording = tmp_path / "Aufnahme Ü.mp4"
    shutil.copy(tone_media, recording)
    app = QApplication.instance()
    handler = FileOpenFilter(window.files.open_path, window)
    app.installEventFilter(handler)
    try:
        accepted = QApplication.sendEvent(app, QFileOpenEvent(str(recording)))
    finally:
        app.removeEventFilter(handler)
    assert accepted
    assert window.project is not None and window.project.path == tmp_path / "Aufnahme Ü.desk"
    assert window.windowTitle().startswith("Aufnahme Ü")
