"""Several analysts in the window: File → Merge coding from…, Tags → Blind coding, Agreement.

Made with what it works with (the project handle, the undo bridge, the
status reporter, the coding controller, the player and the coder's name);
`place(window)` puts its dock, its Tags entry and the blind-coding badge in
the window; File → Merge coding from… is placed with the File menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QStatusBar, QWidget

from desk.core.coding.merge import MergeSummary
from desk.ui.analysts.agreement_panel import AgreementPanel
from desk.ui.analysts.blind_switch import BlindSwitch
from desk.ui.analysts.merge_dialog import MergeDialog
from desk.ui.player import Player
from desk.ui.project_handle import ProjectHandle
from desk.ui.status_reporter import StatusReporter
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.undo import UndoBridge


class WindowSlots(Protocol):
    """Where the parts go: the main window's docks, menus and status bar."""

    docks: dict[str, QDockWidget]

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                 object_name: str) -> QDockWidget: ...
    def menu(self, name: str) -> QMenu: ...
    def statusBar(self) -> QStatusBar: ...


class AnalystsUi(QObject):
    def __init__(self, projects: ProjectHandle, undo: UndoBridge, report: StatusReporter,
                 controller: CodingController, player: Player, annotator: Callable[[], str],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.projects, self.undo, self.report = projects, undo, report
        self.controller, self.annotator = controller, annotator
        self.dialog_parent = parent
        self.merge_dialog: MergeDialog | None = None
        self.merge_action = QAction(self)  # text and key: the window's shortcut table
        self.merge_action.setObjectName("action_merge_coding")
        self.merge_action.setToolTip(self.tr("Bring a colleague's coding of the same recording "
                                             "in as their own layer"))
        self.merge_action.triggered.connect(lambda _c=False: self.open_merge_dialog())
        self.blind = BlindSwitch(projects, annotator, self)
        self.blind.changed.connect(lambda _on: controller.refresh())
        self.blind.error.connect(report.error)
        controller.changed.connect(self.blind.show_state)  # the coder's name may have changed
        self.panel = AgreementPanel(controller)
        self.panel.play = player.play
        projects.opened.connect(lambda _p: self._follow())
        projects.closed.connect(self._follow)
        self._follow()

    def place(self, window: WindowSlots) -> None:
        """The Agreement dock (the window tabs it beside Annotations once shown), the
        blind-coding switch in Tags and its badge in the status bar."""
        window.docks["agreementDock"] = window.add_dock(
            self.tr("Agreement"), self.panel, Qt.DockWidgetArea.BottomDockWidgetArea,
            "agreementDock")
        window.menu("tags").addSeparator()
        window.menu("tags").addAction(self.blind.action)
        window.statusBar().addPermanentWidget(self.blind.badge)

    def _follow(self) -> None:
        self.merge_action.setEnabled(self.projects.writable)

    def open_merge_dialog(self) -> MergeDialog | None:
        """The merge dialog, not blocking (the window keeps playing while one reads a file)."""
        project = self.projects.project
        if project is None or not project.writable:
            return None
        dialog = MergeDialog(project.path, self.annotator, self.dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._merged)
        dialog.destroyed.connect(lambda: setattr(self, "merge_dialog", None))
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    def _merged(self, summary: MergeSummary, action_id: int | None) -> None:
        """The merge is committed: one undo step, the views reread, the status line says what."""
        self.undo.push_recorded(self.tr("Merge coding from %1").replace("%1", summary.source),
                                action_id)
        self.controller.schedule_refresh()
        self.report.status(summary.message)
