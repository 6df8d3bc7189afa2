"""The undo bridge: each core edit one step on the window's stack, bad input a message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.project_handle import ProjectHandle
from desk.ui.transcript_model import COL_TEXT
from desk.ui.undo import UndoBridge


def test_edits_are_steps_bad_input_is_a_message(tmp_project: Project) -> None:
    projects = ProjectHandle()
    errors: list[str] = []
    changes: list[bool] = []
    bridge = UndoBridge(QUndoStack(), projects, errors.append)
    bridge.after_change = lambda: changes.append(True)
    assert bridge.run("Code", lambda: tmp_project.annotations.add("delay", 0, 1)) is None
    projects.open(tmp_project)
    history = bridge.stack.count()  # the steps already in the file (its codebook)
    made = bridge.run("Code", lambda: tmp_project.annotations.add("delay", 0, 1))
    assert made is not None and bridge.stack.count() == history + 1 and changes == [True]
    assert bridge.run("Code", lambda: tmp_project.annotations.add("nope", 0, 1)) is None
    assert "unknown tag 'nope'" in errors[0] and bridge.stack.count() == history + 1
    bridge.stack.undo()
    assert tmp_project.annotations.count() == 0
    bridge.stack.redo()
    assert tmp_project.annotations.count() == 1
    with bridge.one_step("Two codes"):
        bridge.run("a", lambda: tmp_project.annotations.add("delay", 2, 3))
        bridge.run("b", lambda: tmp_project.annotations.add("delay", 4, 5))
    assert bridge.stack.count() == history + 2  # one step for both
    bridge.stack.undo()
    assert tmp_project.annotations.count() == 1
    projects.close()  # closing the project forgets its steps
    assert bridge.stack.count() == 0


def test_the_stack_is_rebuilt_from_the_history_when_a_project_opens(tmp_project: Project) -> None:
    path = tmp_project.path
    first = tmp_project.annotations.add("delay", 0, 1)
    second = tmp_project.annotations.add("delay", 2, 3)
    third = tmp_project.annotations.add("delay", 4, 5)
    tmp_project.history.undo()  # the third, undone before the restart: redo brings it back
    tmp_project.close()
    project = Project.open(path)
    projects = ProjectHandle()
    bridge = UndoBridge(QUndoStack(), projects, lambda _message: None)
    refreshed: list[bool] = []
    bridge.after_change = lambda: refreshed.append(True)
    projects.open(project)
    stack = bridge.stack
    assert stack.canUndo() and stack.canRedo() and refreshed == []  # opening changes nothing
    assert [a.id for a in project.annotations.list()] == [first.id, second.id]
    stack.redo()
    assert [a.id for a in project.annotations.list()] == [first.id, second.id, third.id]
    stack.undo()
    stack.undo()  # the last edit made before the restart
    assert [a.id for a in project.annotations.list()] == [first.id]
    assert refreshed == [True, True, True]
    stack.redo()
    assert [a.id for a in project.annotations.list()] == [first.id, second.id]
    projects.close()


def test_ctrl_z_after_reopening_the_window_undoes_the_last_edit(
        qtbot: QtBot, transcript_window: MainWindow, transcript_path: Path) -> None:
    window = transcript_window
    model = window.transcript_model
    before = model.row(2).text
    assert model.setData(model.index(2, COL_TEXT), "There was a massive DDoS attack",
                         Qt.ItemDataRole.EditRole)
    window.close_project()
    assert window.window_actions.files.open_project(transcript_path) is not None
    assert window.transcript_model.row(2).text == "There was a massive DDoS attack"
    assert window.action("undo").isEnabled()
    window.transcript_view.setFocus()
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.transcript_model.row(2).text == before
    window.action("redo").trigger()
    assert window.transcript_model.row(2).text == "There was a massive DDoS attack"
