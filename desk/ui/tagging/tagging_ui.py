"""Wiring tagging into the main window through the MainWindow contract only.

Docks (Codebook, Annotations, Statistics), the timeline under the video, the
Tags menu with the keys 1–9 (digits belong to tagging; text editors keep them
because Qt lets a focused editor override shortcuts for typed characters) and
Esc to cancel live coding.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desk.ui.tagging.annotations_panel import AnnotationsPanel
from desk.ui.tagging.codebook_panel import CodebookPanel
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.prefs import TaggingPrefs
from desk.ui.tagging.stats_panel import StatsPanel
from desk.ui.tagging.suggestions import SuggestionActions
from desk.ui.tagging.timeline_panel import TimelinePanel

KEYS = range(1, 10)


class TaggingUi(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.prefs = TaggingPrefs(getattr(getattr(window, "settings", None), "store", None))
        controller = CodingController(window.undo_stack, lambda: window.settings.annotator, self)
        self.controller = controller
        controller.set_player(getattr(window, "player", None))
        controller.selection = window.transcript_view.selected_time_range
        window.transcript_view.selection_changed.connect(controller.selection_touched)
        controller.snap_to_words = self.prefs.get_bool("snap_to_words", False)

        self.codebook_panel = CodebookPanel(controller)
        self.annotations_panel = AnnotationsPanel(controller)
        self.stats_panel = StatsPanel(controller)
        self.timeline = TimelinePanel(controller)
        self.suggestions = SuggestionActions(controller, self.prefs, window)
        self._add_docks()
        window.set_timeline(self.timeline)
        if controller.player is not None:
            self.timeline.attach_player(controller.player)
        self.key_actions: dict[int, QAction] = {}
        self._build_menu()

        controller.error.connect(window.show_error)
        controller.message.connect(window.status)
        controller.changed.connect(self._after_change)
        controller.live.changed.connect(self._live_changed)
        window.project_opened.connect(controller.set_project)
        window.project_closed.connect(lambda: controller.set_project(None))
        if getattr(window, "project", None) is not None:
            controller.set_project(window.project)
        else:
            self._after_change()

    def _add_docks(self) -> None:
        # Literal self.tr() calls: lupdate files them under this class's context, which is
        # where tr() looks them up at run time (an alias would land in no context).
        w = self.window
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.codebook_dock = w.add_dock(self.tr("Codebook"), self.codebook_panel, right,
                                        "codebookDock")
        self.annotations_dock = w.add_dock(self.tr("Annotations"), self.annotations_panel,
                                           Qt.DockWidgetArea.BottomDockWidgetArea,
                                           "annotationsDock")
        self.stats_dock = w.add_dock(self.tr("Statistics"), self.stats_panel, right,
                                     "statsDock")
        if isinstance(w, QMainWindow) and self.codebook_dock is not None \
                and self.stats_dock is not None:
            w.tabifyDockWidget(self.codebook_dock, self.stats_dock)
            self.codebook_dock.raise_()

    def _build_menu(self) -> None:
        menu = self.window.menu("tags")
        for key in KEYS:
            action = QAction(self)
            digit = Qt.Key(int(Qt.Key.Key_0) + key)
            action.setShortcuts([QKeySequence(digit), QKeySequence(
                QKeyCombination(Qt.KeyboardModifier.KeypadModifier, digit))])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.controller.press_key(k))
            menu.addAction(action)
            self.window.addAction(action)
            self.key_actions[key] = action
        menu.addSeparator()
        self.cancel_live_action = QAction(self.tr("Cancel live coding"), self)
        self.cancel_live_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_live_action.setEnabled(False)
        self.cancel_live_action.triggered.connect(self.controller.cancel_live)
        menu.addAction(self.cancel_live_action)
        self.window.addAction(self.cancel_live_action)
        self.snap_action = QAction(self.tr("Snap to word boundaries"), self)
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(self.controller.snap_to_words)
        self.snap_action.toggled.connect(self.set_snap_to_words)
        menu.addAction(self.snap_action)
        menu.addSeparator()
        for action in self.suggestions.actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Import codebook…"), self.codebook_panel.import_dialog)
        menu.addAction(self.tr("Export codebook…"), self.codebook_panel.export_dialog)
        menu.addAction(self.tr("Save code timeline picture…"), self.stats_panel.save_dialog)

    def set_snap_to_words(self, on: bool) -> None:
        self.controller.snap_to_words = bool(on)
        self.prefs.set("snap_to_words", bool(on))
        if self.snap_action.isChecked() != bool(on):
            self.snap_action.setChecked(bool(on))

    def _after_change(self) -> None:
        """Key actions follow the codebook; the transcript's tag stripes follow the codes."""
        by_key = {t.key: t for t in self.controller.active_tags() if t.key is not None}
        for key, action in self.key_actions.items():
            tag = by_key.get(key)
            action.setVisible(tag is not None)
            action.setText(self.tr("Code with “%1”").replace("%1", tag.name) if tag else "")
        model = getattr(self.window, "transcript_model", None)
        if model is not None and self.controller.project is not None:
            model.refresh_annotations()

    def _live_changed(self) -> None:
        self.cancel_live_action.setEnabled(bool(self.controller.live.open_ranges()))
