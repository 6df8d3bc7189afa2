"""The main window's menus and actions, wired to the controllers that do the work.

Actions are created from the shortcut table (desk/ui/shortcuts.py), so a key
the user re-binds in the settings changes here and in the help sheet alike.
The window hands itself over as an `ActionHost`: the menus, the parts it
composed, and the few things only the window does (close, skip, apply look).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QMenu, QWidget

from desk.core.logs import log_dir
from desk.ui import shortcuts
from desk.ui.analysts.analysts_ui import AnalystsUi
from desk.ui.context_menus import ContextMenus
from desk.ui.editing import TranscriptEditing
from desk.ui.export_import import ExportImport
from desk.ui.find_bar import FindBar
from desk.ui.playback_control import PlaybackControl
from desk.ui.player import Player
from desk.ui.project_files import ProjectFiles
from desk.ui.project_handle import ProjectHandle
from desk.ui.settings import Settings
from desk.ui.speakers.speakers_ui import SpeakersUi
from desk.ui.transcript_view import TranscriptView
from desk.ui.transcription_controller import TranscriptionController
from desk.ui.transport_bar import TransportBar
from desk.ui.undo import UndoBridge


class ActionHost(Protocol):
    """What the menus are built from: the main window, as far as its menus need it."""

    settings: Settings
    projects: ProjectHandle
    player: Player
    undo_stack: QUndoStack
    find_bar: FindBar
    transcript_view: TranscriptView
    transcript_dock: QDockWidget
    files: ProjectFiles
    transcription: TranscriptionController
    editing: TranscriptEditing
    playback: PlaybackControl
    context_menus: ContextMenus
    transport_bar: TransportBar
    exchange: ExportImport
    undo: UndoBridge
    analysts: AnalystsUi
    speakers: SpeakersUi

    def menu(self, name: str) -> QMenu: ...
    def addAction(self, action: QAction) -> None: ...
    def close_project(self) -> None: ...
    def annotator(self) -> str: ...
    def close(self) -> bool: ...
    def skip(self, direction: int) -> None: ...
    def apply_look(self) -> None: ...


class WindowActions:
    def __init__(self, window: ActionHost) -> None:
        self.window = window
        self.files = window.files
        self.transcription = window.transcription
        self.editing = window.editing
        self._actions: dict[str, QAction] = {}
        self.versions_dialog: QWidget | None = None  # the open Versions dialog (tests)
        self.history_dialog: QWidget | None = None  # the open Edit history dialog (tests)
        self._build()
        window.projects.opened.connect(lambda _p: self.update_enabled())
        window.projects.closed.connect(self.update_enabled)
        window.transcription.state_changed.connect(self.update_enabled)
        self.update_enabled()

    def get(self, name: str) -> QAction:
        return self._actions[name]

    def _add(self, menu: str | QMenu, name: str, handler: Callable[..., object],
             checkable: bool = False, text: str | None = None) -> QAction:
        target = self.window.menu(menu) if isinstance(menu, str) else menu
        action = QAction(text or name, self._parent())
        if name in shortcuts.BY_ACTION:
            shortcuts.bind(action, name, self.window.settings)
            action.setText(shortcuts.label(shortcuts.BY_ACTION[name]))
        else:
            action.setObjectName(f"action_{name}")
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False: handler())
        target.addAction(action)
        self.window.addAction(action)  # shortcuts work while the menu bar is hidden, too
        self._actions[name] = action
        return action

    def _place(self, menu: str, name: str, action: QAction) -> None:
        """A pane's own action (it enables itself) in a menu, with its key from the table."""
        shortcuts.bind(action, name, self.window.settings)
        action.setText(shortcuts.label(shortcuts.BY_ACTION[name]))
        self.window.menu(menu).addAction(action)
        self.window.addAction(action)
        self._actions[name] = action

    def _build(self) -> None:
        w = self.window
        translate = QCoreApplication.translate
        files, editing, player = self.files, self.editing, w.player

        self._add("file", "new_project", files.new_project)
        self._add("file", "open_project", files.open_project)
        self.recent_menu = w.menu("file").addMenu(translate("actions", "Open &recent"))
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._add("file", "relink", files.relink, text=translate("actions", "Relink recording…"))
        w.menu("file").addSeparator()
        self._add("file", "import_file", w.exchange.import_file)
        self._add("file", "export", w.exchange.export)
        self._place("file", "merge_coding", w.analysts.merge_action)
        w.menu("file").addSeparator()
        self._add("file", "close_project", w.close_project)
        self._add("file", "quit", w.close)

        undo = w.undo_stack.createUndoAction(self._parent(), translate("actions", "Undo"))
        redo = w.undo_stack.createRedoAction(self._parent(), translate("actions", "Redo"))
        for name, action in (("undo", undo), ("redo", redo)):
            shortcuts.bind(action, name, w.settings)
            w.menu("edit").addAction(action)
            self._actions[name] = action
        self._add("edit", "history", self._open_history)
        w.menu("edit").addSeparator()
        self._add("edit", "find", self._find)
        self._add("edit", "find_next", w.find_bar.next)
        self._add("edit", "find_previous", w.find_bar.previous)
        w.menu("edit").addSeparator()
        self._add("edit", "settings", self._open_settings)

        self._add("playback", "play_pause", player.toggle)
        self._add("playback", "back", lambda: w.skip(-1))
        self._add("playback", "forward", lambda: w.skip(1))
        self._add("playback", "faster", lambda: player.set_rate(player.rate() + 0.1))
        self._add("playback", "slower", lambda: player.set_rate(player.rate() - 0.1))
        self._add("playback", "normal_speed", lambda: player.set_rate(1.0))
        self._add("playback", "mute", lambda: player.set_muted(not player.is_muted()))
        w.menu("playback").addSeparator()
        playback = w.playback
        for name, frames in (("frame_back", -1), ("frame_forward", 1),
                             ("frame_back_any", -1), ("frame_forward_any", 1)):
            self._add("playback", name, _stepper(playback, frames))
        self._add("playback", "nudge_back", lambda: playback.nudge(-1))
        self._add("playback", "nudge_forward", lambda: playback.nudge(1))
        self._add("playback", "play_segment", playback.play_segment)
        self._add("playback", "loop_selection", playback.toggle_loop)
        self._add("playback", "go_to_time", w.transport_bar.ask_time)

        transcription = self.transcription
        self._add("transcript", "transcribe", transcription.open_dialog)
        self._add("transcript", "resume_transcription", transcription.resume,
                  text=translate("actions", "Resume the interrupted transcription"))
        self._add("transcript", "cancel_transcription", transcription.cancel,
                  text=translate("actions", "Cancel the transcription"))
        self._add("transcript", "versions", self._open_versions)
        w.menu("transcript").addAction(w.speakers.identifier.action)
        w.menu("transcript").addAction(w.speakers.voices_action)
        w.menu("transcript").addSeparator()
        self._add("transcript", "edit_segment", self._edit)
        self._add("transcript", "split_segment", editing.split)
        self._add("transcript", "merge_segment", editing.merge)
        self._add("transcript", "segment_times", editing.adjust_times)
        self._add("transcript", "assign_speaker", editing.assign_speaker)
        self._add("transcript", "rename_speaker", editing.rename_speaker)
        self._add("transcript", "copy_with_time", w.context_menus.copy_with_time)
        w.menu("transcript").addSeparator()
        follow = self._add("transcript", "follow_playback", self._set_follow, checkable=True)
        follow.setChecked(w.settings.follow_playback)
        self._add("transcript", "go_to_playhead", editing.go_to_playhead)

        self._add("help", "shortcuts_sheet", self._show_shortcuts)
        self._add("help", "log_folder", self._open_log_folder,
                  text=translate("actions", "Open the log folder"))
        self._add("help", "about", self._about, text=translate("actions", "About Desk"))

    def _parent(self) -> QWidget:
        parent = self.window
        assert isinstance(parent, QWidget)
        return parent

    def update_enabled(self) -> None:
        w = self.window
        has_project = w.projects.project is not None
        writable = w.projects.writable
        for name in ("close_project", "relink", "find", "find_next", "find_previous",
                     "go_to_playhead", "export", "versions", "history"):
            self._actions[name].setEnabled(has_project)
        for name in ("import_file", "transcribe", "edit_segment", "split_segment", "merge_segment",
                     "segment_times", "assign_speaker", "rename_speaker"):
            self._actions[name].setEnabled(writable)
        running = self.transcription.running
        self._actions["transcribe"].setEnabled(writable and not running)
        self._actions["cancel_transcription"].setEnabled(running)
        self._actions["resume_transcription"].setEnabled(
            writable and not running and self.transcription.resumable())

    def apply_shortcuts(self) -> None:
        """Re-read the key bindings after the settings dialog changed them."""
        for name, action in self._actions.items():
            if name in shortcuts.BY_ACTION:
                action.setShortcut(shortcuts.keys_for(name, self.window.settings))

    def retranslate(self) -> None:
        for name, action in self._actions.items():
            if name in shortcuts.BY_ACTION and name not in ("undo", "redo"):
                action.setText(shortcuts.label(shortcuts.BY_ACTION[name]))

    # -- small handlers ---------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.window.settings.recent_projects
        if not recent:
            self.recent_menu.addAction(
                QCoreApplication.translate("actions", "(none)")).setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.files.open_recent(p))

    def _edit(self) -> None:
        """F2 edits the cell of the table that has the focus (annotations, codebook), else
        the transcript's current segment."""
        focus = QApplication.focusWidget()
        while focus is not None and not isinstance(focus, QAbstractItemView):
            focus = focus.parentWidget()
        if focus is not None and focus is not self.window.transcript_view:
            index = focus.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                focus.edit(index)
            return
        self.editing.edit_current()

    def _find(self) -> None:
        self.window.transcript_dock.show()
        self.window.transcript_dock.raise_()
        self.window.find_bar.open_bar()

    def _set_follow(self, enabled: bool) -> None:
        self.window.transcript_view.follow_playback = enabled
        self.window.settings.follow_playback = enabled
        if enabled:
            self.editing.go_to_playhead()

    def _open_versions(self) -> None:
        from desk.ui.versions_dialog import VersionsDialog

        w, project = self.window, self.window.projects.project
        if project is None:
            return
        dialog = VersionsDialog(project, w.undo, w.annotator, self.transcription.resume,
                                lambda: self.transcription.running, self._parent())
        self.versions_dialog = dialog  # tests reach the open dialog here
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_history(self) -> None:
        from desk.ui.history_dialog import HistoryDialog

        project = self.window.projects.project
        if project is None:
            return
        dialog = HistoryDialog(project, self.window.undo, self._parent())
        self.history_dialog = dialog  # tests reach the open dialog here
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_settings(self) -> None:
        from desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window.settings, self._parent())
        if dialog.exec():
            self.apply_shortcuts()
            self.window.apply_look()

    def _show_shortcuts(self) -> None:
        from desk.ui.dialogs import show_shortcuts_sheet

        show_shortcuts_sheet(self._parent(), self.window.settings)

    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def _about(self) -> None:
        from desk.ui.dialogs import show_about

        show_about(self._parent())


def _stepper(playback: PlaybackControl, frames: int) -> Callable[[], None]:
    return lambda: playback.step_frames(frames)
