"""Small dialogs: segment times, and the crash dialog with a plain sentence."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk.core.errors import ProjectError
from desk.ui import dialogs
from desk.ui.dialogs import SegmentTimesDialog


def test_segment_times_dialog(qtbot: QtBot) -> None:
    dialog = SegmentTimesDialog(12.5, 15.0, playhead=14.25)
    qtbot.addWidget(dialog)
    dialog.end_field.setText("00:00:10")
    dialog._check()
    assert "end must come after" in dialog.error_label.text()
    dialog.end_field.setText("00:00:16.5")
    dialog._check()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.times() == (12.5, 16.5)


def test_excepthook_logs_and_shows_a_sentence(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    shown: list[tuple[str, str | None]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, m, d=None: shown.append((m, d)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    dialogs.install_excepthook()
    try:
        raise RuntimeError("boom inside a slot")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    message, details = shown[0]
    assert "Something went wrong" in message and "Traceback" not in message
    log_file = Path(os.environ["DESK_LOG_DIR"]) / "desk.log"
    assert "boom inside a slot" in log_file.read_text(encoding="utf-8")
    assert details == "RuntimeError: boom inside a slot"
    error = ProjectError("demo.desk is locked by another program")
    sys.excepthook(ProjectError, error, None)
    assert shown[1] == ("demo.desk is locked by another program", None)
