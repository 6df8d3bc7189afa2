"""The main window: it composes the app's parts and lays them out.

The window owns the player, the transcript model and view, the docks and
menus, and the collaborators every controller receives instead of the window
itself: the `ProjectHandle` (the one open project), the `UndoBridge` (every
edit one undoable step) and the `StatusReporter` (status line, error dialog).
The controllers (files, transcription, editing, tagging) are made here and
wired with signals; none of them knows the window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desk.core.records import Media
from desk.core.services.annotator import default_annotator
from desk.core.store import Project
from desk.core.timecode import format_time
from desk.ui import dialogs, theme
from desk.ui.analysts.analysts_ui import AnalystsUi
from desk.ui.context_menus import ContextMenus
from desk.ui.editing import TranscriptEditing
from desk.ui.export_import import ExportImport
from desk.ui.find_bar import FindBar
from desk.ui.playback_control import PlaybackControl
from desk.ui.player import Player
from desk.ui.project_files import ProjectFiles
from desk.ui.project_handle import ProjectHandle
from desk.ui.screen_fit import fit_to_screen
from desk.ui.settings import Settings
from desk.ui.speakers.speakers_ui import SpeakersUi
from desk.ui.status_reporter import StatusReporter
from desk.ui.tagging.tagging_ui import TaggingUi
from desk.ui.transcript_model import TranscriptModel
from desk.ui.transcript_view import TranscriptView
from desk.ui.transcription_controller import TranscriptionController
from desk.ui.transport_bar import TransportBar
from desk.ui.undo import UndoBridge
from desk.ui.video_area import VideoArea
from desk.ui.view_memory import ViewMemory
from desk.ui.window_actions import WindowActions

log = logging.getLogger(__name__)

MENU_NAMES = ("file", "edit", "view", "playback", "transcript", "tags", "help")


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, player: Player | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.projects = ProjectHandle(self)
        # The window shows a project before the panes that follow it reload.
        self.projects.opened.connect(self._show_project)
        self.projects.closing.connect(self._let_go_of_project)
        self.report = StatusReporter(self.statusBar(), lambda message: self.show_error(message))
        self.undo_stack = QUndoStack(self)
        self.undo = UndoBridge(self.undo_stack, self.projects, self.report.error)
        self.undo.after_change = self.refresh_after_history
        self.player = player or Player(self)
        self.player.setParent(self)
        self.setAcceptDrops(True)
        # Side panes run the full height; a bottom pane sits under the video only.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowNestedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self._menus: dict[str, QMenu] = {}
        self._menu_titles = {
            "file": self.tr("&File"), "edit": self.tr("&Edit"), "view": self.tr("&View"),
            "playback": self.tr("&Playback"), "transcript": self.tr("&Transcript"),
            "tags": self.tr("T&ags"), "help": self.tr("&Help"),
        }
        for name in MENU_NAMES:
            self.menu(name)
        self._build_centre()
        self._build_transcript_pane()
        self._build_status_bar()

        # The controllers, each given what it works with.
        self.files = ProjectFiles(self, self.settings, self.report, self.projects)
        self.transcription = TranscriptionController(self.projects, self.settings, self.report,
                                                     self.transcript_model, self)
        self.editing = TranscriptEditing(self.transcript_view, self.projects, self.undo,
                                         self.report, self.player, self.annotator)
        self.tagging = TaggingUi(self.projects, self.undo, self.report, self.settings,
                                 self.player, self.transcript_view, self.annotator, self)
        self.playback = PlaybackControl(self.player, self.transcript_view,
                                        self.tagging.controller, self.report.status)
        self.view_memory = ViewMemory(self.projects, self.player, self.tagging.timeline.canvas)
        self.exchange = ExportImport(self.projects, self.undo, self.report, self.settings,
                                     self.annotator, self.statusBar(), self)
        self._place_transcription()
        self.analysts = AnalystsUi(self.projects, self.undo, self.report,
                                   self.tagging.controller, self.player, self.annotator, self)
        self._place_tagging()
        self.speakers = SpeakersUi(self.projects, self.undo, self.annotator, self.find_bar,
                                   self.tagging.timeline.canvas, self.transcript_view,
                                   self.report, [self.transcription.transcript_changed], self)
        self.speakers.place(self)  # the Speakers dock beside Statistics
        self.transcription.run_then = self.speakers.identifier.start  # the dialog's "speakers"
        self.context_menus = ContextMenus(
            self.projects, self.transcript_view, self.editing, self.playback, self.player,
            self.tagging, lambda name: self.action(name).shortcut(), self.report,
            self._show_annotations, self)
        self.analysts.place(self)  # Agreement dock, Tags → Blind coding, the badge
        self._connect()
        self.window_actions = WindowActions(self)
        self.resize(1280, 800)
        self.update_title()
        self._restore_layout()
        self.fit_to_screen()

    # -- building -------------------------------------------------------------------------
    def _build_centre(self) -> None:
        """Video (or waveform / install hint), the code timeline, the transport bar."""
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

    def _build_transcript_pane(self) -> None:
        """The transcript dock: the find bar above the view."""
        self.transcript_model = TranscriptModel(self)
        self.transcript_model.run_edit = self.undo.run
        self.transcript_model.annotator = self.annotator()
        self.transcript_view = TranscriptView(self.transcript_model)
        self.transcript_view.follow_playback = self.settings.follow_playback
        self.find_bar = FindBar(self.transcript_view)
        self.find_bar.hide()
        pane = QWidget()
        self._pane_layout = QVBoxLayout(pane)
        self._pane_layout.setContentsMargins(0, 0, 0, 0)
        self._pane_layout.setSpacing(0)
        self._pane_layout.addWidget(self.find_bar)
        self._pane_layout.addWidget(self.transcript_view, 1)
        self.transcript_dock = self.add_dock(self.tr("Transcript"), pane,
                                             Qt.DockWidgetArea.RightDockWidgetArea,
                                             "transcriptDock")

    def _build_status_bar(self) -> None:
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.statusBar().addPermanentWidget(self.selection_label)
        self.project_label = QLabel()
        self.project_label.setObjectName("projectLabel")
        self.model_label = QLabel()
        self.model_label.setObjectName("modelLabel")
        self.statusBar().addPermanentWidget(self.project_label)
        self.statusBar().addPermanentWidget(self.model_label)

    def _place_transcription(self) -> None:
        self.statusBar().addPermanentWidget(self.transcription.progress)
        self._pane_layout.insertWidget(0, self.transcription.resume_banner)

    def _place_tagging(self) -> None:
        """Codebook, Annotations and Statistics docks; the timeline under the video."""
        ui = self.tagging
        self.docks = {name: self.add_dock(title, pane, area, name)
                      for title, pane, area, name in ui.docks()}
        self.tabifyDockWidget(self.docks["codebookDock"], self.docks["statsDock"])
        self.docks["codebookDock"].raise_()
        self._timeline_slot.addWidget(ui.timeline)
        for action in ui.menu_actions():
            if action is None:
                self.menu("tags").addSeparator()
            else:
                self.menu("tags").addAction(action)
        self.addActions(ui.shortcut_actions())  # keys work while the menu bar is hidden, too

    def _connect(self) -> None:
        self.projects.closed.connect(self._project_closed)
        self.player.position_changed.connect(self.transcript_model.set_playhead)
        self.player.error.connect(self.show_error)
        self.player.set_volume(self.settings.volume)
        self.transcript_view.seek_requested.connect(self.player.seek)
        self.transcript_view.selection_changed.connect(self._show_selection)
        self.transport_bar.skip_requested.connect(self.skip)
        self.files.opened.connect(lambda _project: self.transcription.offer_resume())
        self.files.recording_changed.connect(self._show_recording)
        self.transcription.transcript_changed.connect(self.update_title)
        self.undo_stack.indexChanged.connect(self.update_title)  # a version switch, its undo
        self.tagging.controller.changed.connect(self._annotations_changed)

    # -- what the parts use ------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self.projects.project

    def annotator(self) -> str:
        """Who is coding (the name chosen in the settings, else the one fallback)."""
        return default_annotator(self.settings.annotator)

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
        # A dock added after the saved layout was applied takes its saved place.
        if not (getattr(self, "_layout_restored", False) and self.restoreDockWidget(dock)):
            self.addDockWidget(area, dock)
        self.menu("view").addAction(dock.toggleViewAction())
        return dock

    def show_error(self, message: str) -> None:
        """A dialog with a plain sentence (never a traceback)."""
        dialogs.show_error(self, message)

    def status(self, message: str) -> None:
        self.report.status(message)

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
        """Re-apply colours, language and the coder's name after the settings changed."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply_theme(app, self.settings.theme)
        theme.install_language(app, self.settings.ui_language)
        self.transcript_model.annotator = self.annotator()

    def _show_annotations(self) -> None:
        self.docks["annotationsDock"].show()
        self.docks["annotationsDock"].raise_()

    def _show_selection(self) -> None:
        """The span a key would code, and how long it is, before it is coded."""
        span = self.transcript_view.selected_time_range()
        self.selection_label.setText("" if span is None else self.tr("Selected %1–%2 (%3 s)")
                                     .replace("%1", format_time(span[0], True))
                                     .replace("%2", format_time(span[1], True))
                                     .replace("%3", f"{span[1] - span[0]:.3f}"))

    def skip(self, direction: int) -> None:
        self.player.skip(direction * self.settings.skip_seconds)

    # -- projects ---------------------------------------------------------------------------
    def close_project(self) -> None:
        self.projects.close()

    def _show_project(self, project: Project) -> None:
        """A project was opened (by desk.ui.project_files): show it."""
        self.transcript_model.set_project(project)
        media = project.media.get()
        self._show_recording(media if media is not None and Path(media.path).is_file() else None)
        self.settings.add_recent(project.path)
        self.update_title()

    def _show_recording(self, media: Media | None) -> None:
        self.video_area.show_media(media)
        if media is None:
            return
        self.player.load(media.path, media.duration)
        project = self.projects.project
        if not media.has_video and project is not None:
            self.video_area.load_waveform(project, media)

    def _let_go_of_project(self, _project: Project) -> None:
        """Before the file closes: no open editor, no job, no playback left on it."""
        self.transcript_view.closePersistentEditor(self.transcript_view.currentIndex())
        self.transcription.cancel(quietly=True)
        self.player.unload()
        self.video_area.show_media(None)

    def _project_closed(self) -> None:
        self.transcript_model.set_project(None)
        self.update_title()

    def _annotations_changed(self) -> None:
        """The transcript's tag stripes follow the codes."""
        if self.projects.project is not None:
            self.transcript_model.refresh_annotations()

    def update_title(self) -> None:
        """Window title and status bar: project name (read-only?), transcript engine/model."""
        project = self.projects.project
        if project is None:
            self.setWindowTitle("Desk")
            self.project_label.setText(self.tr("No project"))
            self.model_label.setText("")
            return
        name = project.path.stem
        read_only = "" if project.writable else self.tr(" (read-only)")
        self.setWindowTitle(f"{name}{read_only} — Desk")
        self.project_label.setText(name)
        transcript = project.transcripts.current()
        self.model_label.setText(
            f"{transcript.engine} · {transcript.model}" if transcript else self.tr("no transcript"))

    # -- layout, closing --------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._first_layout = state is None or not self.restoreState(state)
        self._layout_restored = True

    def fit_to_screen(self) -> None:
        if not (self.isMaximized() or self.isFullScreen()):
            fit_to_screen(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_to_screen)  # again, now that the frame is known
        if self._first_layout:
            self._first_layout = False
            QTimer.singleShot(0, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        """First run: the transcript gets most of the right column; Agreement tabs beside
        Annotations (only once shown: tabified before, Qt leaves a stray tab bar)."""
        self.tabifyDockWidget(self.docks["annotationsDock"], self.docks["agreementDock"])
        self.docks["annotationsDock"].raise_()
        self.resizeDocks([self.transcript_dock], [int(self.height() * 0.62)],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.transcript_dock], [max(420, int(self.width() * 0.34))],
                         Qt.Orientation.Horizontal)
        QTimer.singleShot(0, self.fit_to_screen)  # the docks' new sizes may widen the window

    def save_layout(self) -> None:
        self.settings.set_window_state(self.saveGeometry(), self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.close_project()
        self.player.release()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "window_actions"):
            self.window_actions.retranslate()
        super().changeEvent(event)

    # -- drag and drop: a recording makes a new project, a .desk file opens, an export imports --
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            if self.projects.project is not None and self.exchange.importable(paths[0]):
                self.exchange.import_file(paths[0])  # the same preview as File → Import…
            else:
                self.files.open_path(paths[0])

    def action(self, name: str) -> QAction:
        return self.window_actions.get(name)
