"""The main window: video, transport, transcript, docks; the contract other panes plug into.

The window owns one open `Project` at a time, the `Player`, the transcript
model/view and the undo stack. Everything it does to the project goes through
`run_edit` (push_action), so every change is saved at once and undoable. The
tagging pane (desk/ui/tagging) installs itself through `add_dock`, `menu`,
`set_timeline` and the signals below, without editing this file.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desk.core.errors import DeskError
from desk.core.store import Project
from desk.ui import dialogs, theme
from desk.ui.find_bar import FindBar
from desk.ui.player import Player
from desk.ui.settings import Settings
from desk.ui.transcript_model import TranscriptModel
from desk.ui.transcript_view import TranscriptView
from desk.ui.transport_bar import TransportBar
from desk.ui.undo import push_action
from desk.ui.video_area import VideoArea
from desk.ui.window_actions import WindowActions

log = logging.getLogger(__name__)

MENU_NAMES = ("file", "edit", "view", "playback", "transcript", "tags", "help")


class MainWindow(QMainWindow):
    project_opened = Signal(object)  # the Project
    project_closed = Signal()

    def __init__(self, settings: Settings | None = None, player: Player | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        self.player = player or Player(self)
        self.player.setParent(self)
        self.setAcceptDrops(True)
        # Side panes run the full height; a bottom pane sits under the video only.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowNestedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)

        # Centre: video (or waveform / install hint), an optional timeline, the transport bar.
        self.video_area = VideoArea(self.player)
        self.transport_bar = TransportBar(self.player)
        self._timeline_slot = QVBoxLayout()
        self._timeline_slot.setContentsMargins(0, 0, 0, 0)
        centre = QWidget()
        centre.setObjectName("centre")
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.video_area, 1)
        column.addLayout(self._timeline_slot)
        column.addWidget(self.transport_bar)
        self.setCentralWidget(centre)

        # Transcript dock: find bar above the view.
        self.transcript_model = TranscriptModel(self)
        self.transcript_model.run_edit = self.run_edit
        self.transcript_model.annotator = self.settings.annotator
        self.transcript_view = TranscriptView(self.transcript_model)
        self.transcript_view.follow_playback = self.settings.follow_playback
        self.find_bar = FindBar(self.transcript_view)
        self.find_bar.hide()
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.setSpacing(0)
        pane_layout.addWidget(self.find_bar)
        pane_layout.addWidget(self.transcript_view, 1)

        self._menus: dict[str, QMenu] = {}
        self._menu_titles = {
            "file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
            "playback": self.tr("&Playback"), "transcript": self.tr("&Transcript"),
            "tags": self.tr("T&ags"), "help": self.tr("&Help"),
        }
        for name in MENU_NAMES:
            self.menu(name)
        self.transcript_dock = self.add_dock(self.tr("Transcript"), pane,
                                             Qt.DockWidgetArea.RightDockWidgetArea,
                                             "transcriptDock")

        # Status bar: project, model, job progress.
        self.project_label = QLabel()
        self.project_label.setObjectName("projectLabel")
        self.model_label = QLabel()
        self.model_label.setObjectName("modelLabel")
        self.statusBar().addPermanentWidget(self.project_label)
        self.statusBar().addPermanentWidget(self.model_label)

        self.player.position_changed.connect(self.transcript_model.set_playhead)
        self.player.error.connect(self.show_error)
        self.player.set_volume(self.settings.volume)
        self.transcript_view.seek_requested.connect(self.player.seek)
        self.transport_bar.skip_requested.connect(self.skip)

        self.window_actions = WindowActions(self)
        self.resize(1280, 800)
        self.update_title()
        self._install_plugins()
        self._restore_layout()

    # -- the contract -----------------------------------------------------------------------
    def menu(self, name: str) -> QMenu:
        """A named menu: file, edit, view, playback, transcript, tags, help (or a new one)."""
        if name not in self._menus:
            title = self._menu_titles.get(name, name.title())
            self._menus[name] = self.menuBar().addMenu(title)
            self._menus[name].setObjectName(f"menu_{name}")
        return self._menus[name]

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                 object_name: str) -> QDockWidget:
        """A dockable pane listed in View and restored with the window layout."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        # A dock added after the saved layout was applied (a plugin) takes its saved place.
        if not (getattr(self, "_layout_restored", False) and self.restoreDockWidget(dock)):
            self.addDockWidget(area, dock)
        self.menu("view").addAction(dock.toggleViewAction())
        return dock

    def set_timeline(self, widget: QWidget) -> None:
        """Put a widget (the code timeline) between the video and the transport bar."""
        while self._timeline_slot.count():
            item = self._timeline_slot.takeAt(0)
            if item.widget():
                item.widget().setParent(None)
        self._timeline_slot.addWidget(widget)

    def show_error(self, message: str) -> None:
        """A dialog with a plain sentence (never a traceback)."""
        dialogs.show_error(self, message)

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def run_edit(self, label: str, perform: Callable[[], Any],
                 on_change: Callable[[], None] | None = None) -> Any:
        """Do a core edit as one undoable step; a DeskError becomes a dialog, not a crash."""
        if self.project is None:
            return None
        try:
            return push_action(self.undo_stack, self.project, label, perform,
                               on_change or self.refresh_after_history)
        except DeskError as exc:
            self.show_error(str(exc))
            return None

    def refresh_after_history(self) -> None:
        """After an edit, undo or redo: show the project's state, keeping the reader's place."""
        view, model = self.transcript_view, self.transcript_model
        top = view.rowAt(0)
        anchor = model.row(top).id if 0 <= top < model.rowCount() else None
        if not model.resync() and anchor is not None:
            view.finish_row_heights()  # positions must be final before scrolling back
            row = model.row_of_segment(anchor)
            if row >= 0:
                view.scrollTo(model.index(row, 0), view.ScrollHint.PositionAtTop)
        model.set_playhead(self.player.position())

    def apply_look(self) -> None:
        """Re-apply colours and language after the settings changed."""
        app = QApplication.instance()
        theme.apply_theme(app, self.settings.theme)  # type: ignore[arg-type]
        theme.install_language(app, self.settings.ui_language)

    def skip(self, direction: int) -> None:
        self.player.skip(direction * self.settings.skip_seconds)

    # -- projects ---------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        """Show a project (already opened and checked by desk.ui.project_files)."""
        if self.project is not None:
            self.close_project()
        self.project = project
        if project is None:
            return
        self.undo_stack.clear()
        self.transcript_model.set_project(project)
        media = project.media.get()
        if media is not None and Path(media.path).is_file():
            self.video_area.show_media(media)
            self.player.load(media.path, media.duration)
            if not media.has_video:
                self.video_area.load_waveform(project, media)
        else:
            self.video_area.show_media(None)
        self.settings.add_recent(project.path)
        self.update_title()
        self.project_opened.emit(project)

    def close_project(self) -> None:
        if self.project is None:
            return
        self.transcript_view.closePersistentEditor(self.transcript_view.currentIndex())
        self.window_actions.transcription.cancel(quietly=True)
        self.player.unload()
        self.video_area.show_media(None)
        project, self.project = self.project, None
        self.undo_stack.clear()
        self.transcript_model.set_project(None)
        self.project_closed.emit()
        project.close()
        self.update_title()

    def update_title(self) -> None:
        """Window title and status bar: project name (read-only?), transcript engine/model."""
        if self.project is None:
            self.setWindowTitle("Desk")
            self.project_label.setText(self.tr("No project"))
            self.model_label.setText("")
            return
        name = self.project.path.stem
        read_only = "" if self.project.writable else self.tr(" (read-only)")
        self.setWindowTitle(f"{name}{read_only} — Desk")
        self.project_label.setText(name)
        transcript = self.project.transcripts.current()
        self.model_label.setText(
            f"{transcript.engine} · {transcript.model}" if transcript else self.tr("no transcript"))

    # -- layout, plugins, closing --------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._first_layout = state is None or not self.restoreState(state)
        self._layout_restored = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_layout:
            self._first_layout = False
            QTimer.singleShot(0, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        """First run: the transcript gets most of the right-hand column."""
        self.resizeDocks([self.transcript_dock], [int(self.height() * 0.62)],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.transcript_dock], [max(420, int(self.width() * 0.34))],
                         Qt.Orientation.Horizontal)

    def save_layout(self) -> None:
        self.settings.set_window_state(self.saveGeometry(), self.saveState())

    def _install_plugins(self) -> None:
        """Let desk.ui.tagging plug in (contract), without it being a hard dependency."""
        if importlib.util.find_spec("desk.ui.tagging") is None:
            return
        module = importlib.import_module("desk.ui.tagging")
        install = getattr(module, "install", None)
        if install is not None:
            install(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.close_project()
        self.player.release()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "window_actions"):
            self.window_actions.retranslate()
        super().changeEvent(event)

    # -- drag and drop: a recording makes a new project, a .desk file opens -----------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.window_actions.files.open_path(paths[0])

    def action(self, name: str) -> QAction:
        return self.window_actions.get(name)
