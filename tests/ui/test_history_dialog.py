"""Edit → Edit history…: `desk history` in the window, newest first, by coder, following undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.history_dialog import HistoryDialog, HistoryModel, when_text
from desk.ui.main_window import MainWindow
from tests.ui.ui_helpers import isolated_settings, make_window


@pytest.fixture
def coded_path(tmp_project: Project) -> Path:
    """Two analysts' edits: anna codes twice, ben once (the codebook import has no coder)."""
    tmp_project.annotations.add("delay", 0.0, 2.0, annotator="anna")
    tmp_project.annotations.add("praise exchange", 3.0, 5.0, annotator="ben")
    tmp_project.annotations.add("Harris attacks", 6.0, 8.0, annotator="anna")
    path = tmp_project.path
    tmp_project.close()
    return path


def _rows(model: HistoryModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, coded_path: Path) -> None:
    with Project.open(coded_path) as project:
        model = HistoryModel(project)
        qtmodeltester.check(model)
        model.set_coder("ben")
        qtmodeltester.check(model)
        assert [r[1] for r in _rows(model)] == ["ben"]


def test_lists_what_desk_history_lists_and_follows_undo(
        qtbot: QtBot, tmp_path: Path, coded_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window: MainWindow = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    project = window.window_actions.files.open_project(coded_path)
    assert project is not None
    window.action("history").trigger()
    dialog = window.window_actions.history_dialog
    assert isinstance(dialog, HistoryDialog)
    qtbot.waitUntil(dialog.isVisible)
    actions = project.history.actions()
    rows = _rows(dialog.model)
    assert [r[2] for r in rows] == [a.label for a in actions]  # newest first, as the CLI
    assert [r[1] for r in rows[:3]] == ["anna", "ben", "anna"]
    assert rows[0][0] == when_text(actions[0].at) and rows[0][0].endswith(" UTC")
    assert rows[-1][1] == "(no name)"  # the codebook the project was made with
    # By coder: everyone, then the named coders.
    coder = dialog.coder
    assert [coder.itemText(i) for i in range(coder.count())] == ["everyone", "anna", "ben"]
    coder.setCurrentIndex(1)
    assert [r[2] for r in _rows(dialog.model)] == ["tag Harris attacks", "tag delay"]
    # An undo in the window shows at once, the filter kept.
    assert window.undo_stack.canUndo()  # rebuilt from the project's history on opening
    window.undo_stack.undo()
    assert coder.currentText() == "anna"
    assert _rows(dialog.model)[0][3] == "undone"


def test_when_text_is_read_in_utc() -> None:
    assert when_text("2024-08-12T23:41:05.123Z") == "2024-08-12 23:41:05 UTC"
    assert when_text("") == ""
