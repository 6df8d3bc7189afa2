"""The window's one open project, handed to every part that works on it.

Controllers hold this handle instead of the window: they read `project` when
they act and follow `opened` / `closing` / `closed`. Closing tells everyone
first, while the project is still there (a job is cancelled and its end
recorded), then that it is gone (views forget their rows), and closes the
file last.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk.core.store import Project


class ProjectHandle(QObject):
    opened = Signal(object)  # the Project, now current
    closing = Signal(object)  # the Project, still current: finish the work on it
    closed = Signal()  # no project any more; the file closes right after

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None

    @property
    def writable(self) -> bool:
        return self.project is not None and self.project.writable

    def open(self, project: Project) -> None:
        """Make `project` the current one (the previous one is closed first)."""
        self.close()
        self.project = project
        self.opened.emit(project)

    def close(self) -> None:
        if self.project is None:
            return
        self.closing.emit(self.project)
        project, self.project = self.project, None
        self.closed.emit()
        project.close()
