"""The window composes the app: menus, docks, the collaborators its parts get; real libvlc."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMenu,
)
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.settings import Settings
from tests.ui.ui_helpers import (
    add_transcript,
    isolated_settings,
    make_window,
)


@pytest.fixture
def project_path(tmp_project: Project) -> Path:
    add_transcript(tmp_project, ["Hello everyone and welcome", "Sorry for the late start",
                                 "There was a massive attack", "Let us talk about the border"])
    path = tmp_project.path
    tmp_project.close()
    return path


def test_contract_without_project(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.project is None
    assert isinstance(window.undo_stack, QUndoStack)
    assert window.settings.annotator == "tester"
    for name in ("file", "edit", "view", "tags", "transcript", "help"):
        assert isinstance(window.menu(name), QMenu)
    assert window.transcript_view.selected_time_range() is None
    assert window.player.position() == 0.0 and not window.player.is_playing()
    dock = window.add_dock("Codes", QLabel("codes"), Qt.DockWidgetArea.LeftDockWidgetArea,
                           "codesDock")
    assert isinstance(dock, QDockWidget)
    assert dock.toggleViewAction() in window.menu("view").actions()
    assert window.tagging.timeline.parent() is window.centralWidget()
    window.status("hello")
    assert window.statusBar().currentMessage() == "hello"
    window.report.status("from a controller")
    assert window.statusBar().currentMessage() == "from a controller"


def test_open_project_emits_and_shows_rows(qtbot: QtBot, tmp_path: Path, project_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    opened: list[object] = []
    window.projects.opened.connect(opened.append)
    project = window.window_actions.files.open_project(project_path)
    assert project is not None and opened == [project] and window.project is project
    assert window.transcript_model.rowCount() == 4
    assert project_path.stem in window.windowTitle()
    window.transcript_view.selectRow(1)
    assert window.transcript_view.selected_time_range() == pytest.approx((5.0, 8.5))
    closed: list[bool] = []
    window.projects.closed.connect(lambda: closed.append(True))
    window.close_project()
    assert closed == [True] and window.project is None and window.transcript_model.rowCount() == 0


def test_dock_layout_is_restored_between_runs(qtbot: QtBot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    first = make_window(qtbot, settings)
    extra = first.add_dock("Notes", QLabel("notes"), Qt.DockWidgetArea.LeftDockWidgetArea,
                           "notesDock")
    first.removeDockWidget(first.transcript_dock)
    first.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, first.transcript_dock)
    extra.hide()
    first.close()
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    notes = second.add_dock("Notes", QLabel("notes"), Qt.DockWidgetArea.LeftDockWidgetArea,
                            "notesDock")  # a dock added later (a plugin) is restored too
    second.show()
    qtbot.waitExposed(second)
    assert second.dockWidgetArea(second.transcript_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert not notes.isVisible()
