"""The undo bridge: each core edit one step on the window's stack, bad input a message."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from desk.core.store import Project
from desk.ui.project_handle import ProjectHandle
from desk.ui.undo import UndoBridge


def test_edits_are_steps_bad_input_is_a_message(tmp_project: Project) -> None:
    projects = ProjectHandle()
    errors: list[str] = []
    changes: list[bool] = []
    bridge = UndoBridge(QUndoStack(), projects, errors.append)
    bridge.after_change = lambda: changes.append(True)
    assert bridge.run("Code", lambda: tmp_project.annotations.add("delay", 0, 1)) is None
    projects.open(tmp_project)
    made = bridge.run("Code", lambda: tmp_project.annotations.add("delay", 0, 1))
    assert made is not None and bridge.stack.count() == 1 and changes == [True]
    assert bridge.run("Code", lambda: tmp_project.annotations.add("nope", 0, 1)) is None
    assert "unknown tag 'nope'" in errors[0] and bridge.stack.count() == 1
    bridge.stack.undo()
    assert tmp_project.annotations.count() == 0
    bridge.stack.redo()
    assert tmp_project.annotations.count() == 1
    with bridge.one_step("Two codes"):
        bridge.run("a", lambda: tmp_project.annotations.add("delay", 2, 3))
        bridge.run("b", lambda: tmp_project.annotations.add("delay", 4, 5))
    assert bridge.stack.count() == 2  # one step for both
    bridge.stack.undo()
    assert tmp_project.annotations.count() == 1
    projects.close()  # closing the project forgets its steps
    assert bridge.stack.count() == 0
