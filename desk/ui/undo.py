"""Undo in the app = the project's own history, driven by a QUndoStack.

Every edit is done by a core call that records one history action and commits
it. `push_action` wraps that call in a QUndoCommand whose undo/redo revert and
re-apply the same recorded action, so Ctrl+Z in the app and `desk undo` agree,
and undo steps are as durable as the edits themselves: opening a project
rebuilds the stack from its history, so Ctrl+Z after a restart undoes the last
edit (and what was undone before can be redone).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from desk.core.errors import DeskError
from desk.core.store import Project
from desk.ui.project_handle import ProjectHandle

Result = TypeVar("Result")

UNDO_DEPTH = 100  # steps taken from the project's history when it opens


class ProjectActionCommand(QUndoCommand):
    """One recorded project action; created only after the edit succeeded."""

    def __init__(self, project: Project, label: str, action_id: int,
                 on_change: Callable[[], None] | None = None, from_history: bool = False,
                 undone: bool = False) -> None:
        super().__init__(label)
        self._project = project
        self._action_id = action_id
        self._on_change = on_change
        self._done = True  # the edit already happened when the command is pushed
        self._quiet = from_history  # rebuilt on opening: nothing to show yet
        self._undone = undone  # already undone in the file: the stack's first undo is a no-op

    def redo(self) -> None:
        if self._done:
            self._done = False  # QUndoStack.push calls redo once: the edit is already made
            if self._quiet:
                return
        else:
            self._project.history.reapply(self._action_id)
        if self._on_change:
            self._on_change()

    def undo(self) -> None:
        if self._undone:
            self._undone = False  # the stack catches up with the file
            return
        self._project.history.revert(self._action_id)
        if self._on_change:
            self._on_change()


def push_action(stack: QUndoStack, project: Project, label: str,
                perform: Callable[[], Result],
                on_change: Callable[[], None] | None = None) -> Result:
    """Do `perform()` (a core edit) as one undoable step; returns what it returned.

    If `perform` raises (bad input), nothing is pushed and the error propagates.
    If it recorded nothing (e.g. the text did not change), no step is pushed.
    """
    before = project.history.last_action_id()
    result = perform()
    action_id = project.history.last_action_id()
    if action_id is not None and action_id != before:
        stack.push(ProjectActionCommand(project, label, action_id, on_change))
    elif on_change:
        on_change()
    return result


class UndoBridge:
    """The window's undo stack over the open project: each core edit becomes one step.

    `run` is what every part of the window edits through: bad input becomes
    `on_error(message)` (a dialog, or a pane's own message), never a crash.
    """

    def __init__(self, stack: QUndoStack, projects: ProjectHandle,
                 on_error: Callable[[str], None]) -> None:
        self.stack = stack
        self.projects = projects
        self.on_error = on_error
        self.after_change: Callable[[], None] | None = None  # the window's refresh
        projects.opened.connect(self.rebuild)
        projects.closed.connect(stack.clear)

    def rebuild(self, project: Project) -> None:
        """The undo stack from the project's durable history (newest UNDO_DEPTH steps)."""
        self.stack.clear()
        if not project.writable:
            return  # nothing in a read-only file can be undone
        actions = list(reversed(project.history.actions(limit=UNDO_DEPTH)))  # oldest first
        for info in actions:
            self.stack.push(ProjectActionCommand(project, info.label, info.id,
                                                 self._refresh, from_history=True,
                                                 undone=info.undone))
        undone = sum(1 for info in actions if info.undone)
        if undone:  # those sit on top, ready to be redone
            self.stack.setIndex(len(actions) - undone)

    def _refresh(self) -> None:
        if self.after_change is not None:
            self.after_change()

    def run(self, label: str, perform: Callable[[], Result],
            on_change: Callable[[], None] | None = None,
            on_error: Callable[[str], None] | None = None) -> Result | None:
        """Do a core edit as one undoable step; returns its result, None on bad input."""
        project = self.projects.project
        if project is None:
            return None
        try:
            return push_action(self.stack, project, label, perform,
                               on_change or self.after_change)
        except DeskError as exc:
            (on_error or self.on_error)(str(exc))
            return None

    def push_recorded(self, label: str, action_id: int | None) -> None:
        """An action already committed on another connection (a background task's) as one step."""
        project = self.projects.project
        if project is not None and action_id is not None:
            self.stack.push(ProjectActionCommand(project, label, action_id, self.after_change))

    @contextlib.contextmanager
    def one_step(self, label: str, count: int = 2) -> Iterator[None]:
        """Several edits as one undo step in the app (a macro) when there are several."""
        if count < 2:
            yield
            return
        self.stack.beginMacro(label)
        try:
            yield
        finally:
            self.stack.endMacro()
