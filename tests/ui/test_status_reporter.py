"""Status lines go to the status bar; errors to the dialog the window chose."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow
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


def test_a_line_too_long_for_the_room_left_ends_in_an_ellipsis(qtbot: QtBot) -> None:
    """Beside the permanent labels a long line was cut off mid-word ("…set by hand kep")."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 300)
    label = QLabel("Selected 00:00:21.380–00:00:22.600 (1.220 s)")
    label.setFixedWidth(1000)
    window.statusBar().addPermanentWidget(label)
    window.show()
    qtbot.waitExposed(window)
    report = StatusReporter(window.statusBar(), lambda _: None)
    line = ("Speakers identified: 2 speakers (Speaker 1, Speaker 2); 18 segments labelled, "
            "0 cut where the voice changes, 0 set by hand kept")
    report.status(line)
    shown = window.statusBar().currentMessage()
    assert shown.endswith("…") and line.startswith(shown[:-1])
    assert window.statusBar().fontMetrics().horizontalAdvance(shown) <= 1400 - 1000
    assert window.statusBar().toolTip() == line
    label.hide()  # a job's progress label goes after the job's line is shown: refitted
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == line)
    report.status("Saved")
    assert window.statusBar().currentMessage() == "Saved"
    window.statusBar().clearMessage()
    assert window.statusBar().toolTip() == ""
