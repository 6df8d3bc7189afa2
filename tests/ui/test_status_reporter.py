"""Status lines go to the status bar; errors to the dialog the window chose."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desk.ui.status_reporter import StatusReporter


def test_status_and_errors(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    errors: list[str] = []
    report = StatusReporter(window.statusBar(), errors.append)
    report.status("Project created")
    assert window.statusBar().currentMessage() == "Project created"
    report.error("cannot read talk.mp4")
    assert errors == ["cannot read talk.mp4"]
