"""Tagging in the window: the coding controller and every pane, menu entry and key it drives.

It is made with what it works with (the project handle, the undo bridge, the
status reporter, the settings, the player, the transcript view); the window
places its panes (`docks()`, `timeline`) and menu entries (`menu_actions()`).
Keys 1–9 belong to tagging (text editors keep them because Qt lets a focused
editor override shortcuts for typed characters); Esc cancels live coding.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desk.ui.player import Player
from desk.ui.project_handle import ProjectHandle
from desk.ui.settings import Settings
from desk.ui.status_reporter import StatusReporter
from desk.ui.tagging.annotations_panel import AnnotationsPanel
from desk.ui.tagging.codebook_panel import CodebookPanel
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.stats_panel import StatsPanel
from desk.ui.tagging.suggestions import SuggestionActions
from desk.ui.tagging.timeline_panel import TimelinePanel
from desk.ui.transcript_view import TranscriptView
from desk.ui.undo import UndoBridge

KEYS = range(1, 10)


class TaggingUi(QObject):
    def __init__(self, projects: ProjectHandle, undo: UndoBridge, report: StatusReporter,
                 settings: Settings, player: Player, transcript: TranscriptView,
                 annotator: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.settings = settings
        controller = CodingController(undo, annotator, self)
        self.controller = controller
        controller.set_player(player)
        controller.selection = transcript.selected_time_range
        transcript.selection_changed.connect(controller.selection_touched)
        controller.snap_to_words = settings.snap_to_words

        self.codebook_panel = CodebookPanel(controller)
        self.annotations_panel = AnnotationsPanel(controller)
        self.stats_panel = StatsPanel(controller)
        self.timeline = TimelinePanel(controller)
        self.timeline.attach_player(player)
        self.suggestions = SuggestionActions(controller, settings, parent)
        self.key_actions: dict[int, QAction] = {}
        self._build_actions()

        controller.error.connect(report.error)
        controller.message.connect(report.status)
        controller.changed.connect(self._follow_codebook)
        controller.live.changed.connect(self._live_changed)
        projects.opened.connect(controller.set_project)
        projects.closed.connect(lambda: controller.set_project(None))
        self._follow_codebook()

    def docks(self) -> list[tuple[str, QWidget, Qt.DockWidgetArea, str]]:
        """(title, pane, area, object name) of each tagging dock, for the window to place."""
        # Literal self.tr() calls: lupdate files them under this class's context, which is
        # where tr() looks them up at run time (an alias would land in no context).
        right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, \
            Qt.DockWidgetArea.BottomDockWidgetArea
        return [(self.tr("Codebook"), self.codebook_panel, right, "codebookDock"),
                (self.tr("Annotations"), self.annotations_panel, bottom, "annotationsDock"),
                (self.tr("Statistics"), self.stats_panel, right, "statsDock")]

    def menu_actions(self) -> list[QAction | None]:
        """The Tags menu, in order; None is a separator."""
        return [*self.key_actions.values(), None, self.cancel_live_action, self.snap_action,
                None, *self.suggestions.actions(), None, *self.codebook_actions]

    def shortcut_actions(self) -> list[QAction]:
        """The actions whose keys work anywhere in the window."""
        return [*self.key_actions.values(), self.cancel_live_action]

    def _build_actions(self) -> None:
        for key in KEYS:
            action = QAction(self)
            digit = Qt.Key(int(Qt.Key.Key_0) + key)
            action.setShortcuts([QKeySequence(digit), QKeySequence(
                QKeyCombination(Qt.KeyboardModifier.KeypadModifier, digit))])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.controller.press_key(k))
            self.key_actions[key] = action
        self.cancel_live_action = QAction(self.tr("Cancel live coding"), self)
        self.cancel_live_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_live_action.setEnabled(False)
        self.cancel_live_action.triggered.connect(self.controller.cancel_live)
        self.snap_action = QAction(self.tr("Snap to word boundaries"), self)
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(self.controller.snap_to_words)
        self.snap_action.toggled.connect(self.set_snap_to_words)
        self.codebook_actions = []
        for text, slot in ((self.tr("Import codebook…"), self.codebook_panel.import_dialog),
                           (self.tr("Export codebook…"), self.codebook_panel.export_dialog),
                           (self.tr("Save code timeline picture…"),
                            self.stats_panel.save_dialog)):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.codebook_actions.append(action)

    def set_snap_to_words(self, on: bool) -> None:
        self.controller.snap_to_words = bool(on)
        self.settings.snap_to_words = bool(on)
        if self.snap_action.isChecked() != bool(on):
            self.snap_action.setChecked(bool(on))

    def _follow_codebook(self) -> None:
        """Key actions follow the codebook."""
        by_key = {t.key: t for t in self.controller.active_tags() if t.key is not None}
        for key, action in self.key_actions.items():
            tag = by_key.get(key)
            action.setVisible(tag is not None)
            action.setText(self.tr("Code with “%1”").replace("%1", tag.name) if tag else "")

    def _live_changed(self) -> None:
        self.cancel_live_action.setEnabled(bool(self.controller.live.open_ranges()))
