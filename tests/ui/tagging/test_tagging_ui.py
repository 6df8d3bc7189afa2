"""Tagging plugs into the real MainWindow: docks, timeline, Tags menu, keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.workers import wait_for_tasks
from tests.ui.tagging.conftest import tagging
from tests.ui.ui_helpers import isolated_settings, make_window


def test_docks_menu_and_timeline(window: MainWindow) -> None:
    ui = tagging(window)
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"codebookDock", "annotationsDock", "statsDock"} <= names
    assert ui.timeline.parent() is not None
    texts = [a.text() for a in window.menu("tags").actions()]
    assert "Snap to word boundaries" in texts
    assert ui.controller.project is None


def test_keys_follow_the_codebook(opened: MainWindow, qtbot: QtBot) -> None:
    ui = tagging(opened)
    visible = {k: a.text() for k, a in ui.key_actions.items() if a.isVisible()}
    assert visible[1] == "Code with “delay”" and visible[4] == "Code with “Harris attacks”"
    assert 7 not in visible
    opened.transcript_view.selectRow(1)
    qtbot.keyClick(opened.transcript_view, Qt.Key.Key_4)
    [annotation] = opened.project.annotations.list()
    assert (annotation.tag, annotation.start, annotation.end) == ("Harris attacks", 5.0, 8.5)
    assert annotation.annotator == "tester"


def test_docks_and_menu_in_german(qtbot: QtBot, tmp_path: Path, german: None,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The dock titles are looked up in TaggingUi's context, like its other strings."""
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    ui = tagging(window)
    titles = {d.objectName(): d.windowTitle() for d in window.findChildren(QDockWidget)}
    assert (titles["codebookDock"], titles["annotationsDock"], titles["statsDock"]) \
        == ("Codebuch", "Annotationen", "Statistik")
    assert ui.snap_action.text() != "Snap to word boundaries"
    assert wait_for_tasks(10_000)
