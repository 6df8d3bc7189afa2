"""The blind-coding switch: a checkable action, and a status-bar badge while it is on.

Blind coding is a rule of the project file (`project.settings`), so whoever
opens the file codes blind too; switching it is not an edit of the coding
and so not an undo step (as `desk blind`). While it is on the coding
controller and the transcript read only the current coder's annotations
(desk.core.coding.blind), and the badge says so in the status bar, where a
coder looks when something seems missing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from desk.core.errors import DeskError
from desk.core.store import Project
from desk.ui.project_handle import ProjectHandle

BADGE_STYLE = ("QLabel { background: #8e44ad; color: white; font-weight: bold; "
               "border-radius: 3px; padding: 1px 6px; }")


class BlindSwitch(QObject):
    changed = Signal(bool)  # blind coding was switched (the views reread)
    error = Signal(str)

    def __init__(self, projects: ProjectHandle, annotator: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.projects = projects
        self.annotator = annotator
        self.action = QAction(self.tr("Blind coding"), self)
        self.action.setObjectName("action_blind_coding")
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr("Each coder sees only their own annotations (kept in "
                                       "the project file, for everyone who opens it)"))
        self.action.toggled.connect(self.set_blind)
        self.badge = QLabel()
        self.badge.setObjectName("blindBadge")
        self.badge.setStyleSheet(BADGE_STYLE)
        projects.opened.connect(self._follow)
        projects.closed.connect(lambda: self._follow(None))
        self._follow(projects.project)

    @property
    def on(self) -> bool:
        project = self.projects.project
        return project is not None and project.settings.blind_coding

    def set_blind(self, on: bool) -> None:
        project = self.projects.project
        if project is None or on == project.settings.blind_coding:
            self.show_state()
            return
        try:
            project.settings.set_blind_coding(on)
        except DeskError as exc:
            self.error.emit(str(exc))
        self.show_state()
        self.changed.emit(self.on)

    def _follow(self, project: Project | None) -> None:
        self.action.setEnabled(project is not None and project.writable)
        self.show_state()

    def show_state(self) -> None:
        """The action's tick and the badge follow the project's rule (and the coder's name)."""
        on = self.on
        if self.action.isChecked() != on:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)
        self.badge.setText(self.tr("Blind coding: only %1's coding is shown")
                           .replace("%1", self.annotator()))
        self.badge.setVisible(on)
