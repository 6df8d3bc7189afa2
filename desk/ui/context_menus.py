"""Right-click (and the Menu key) menus on the transcript, the annotations and the timeline.

Each entry does what a menu command or key already does, and shows that key
(text after a tab is drawn as the entry's shortcut), so the menu teaches the
keyboard. The menus are built on demand by `transcript_menu`,
`annotation_menu` and `timeline_menu` (tests trigger their entries directly)
and popped up at the pointer, or at the current row for the Menu key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMenu, QWidget

from desk.core.formats.clips import export_clip
from desk.core.records import Annotation
from desk.core.timecode import format_time
from desk.ui.editing import TranscriptEditing
from desk.ui.playback_control import PlaybackControl
from desk.ui.player import Player
from desk.ui.project_handle import ProjectHandle
from desk.ui.status_reporter import StatusReporter
from desk.ui.tagging.annotations_model import COL_NOTE, COL_START
from desk.ui.tagging.tag_dialog import colour_icon
from desk.ui.tagging.tagging_ui import TaggingUi
from desk.ui.tagging.time_window import TimeWindow
from desk.ui.tagging.timeline_background import GUTTER
from desk.ui.transcript_model import COL_TEXT
from desk.ui.transcript_view import TranscriptView
from desk.ui.workers import Task, error_message, run_task

translate = QCoreApplication.translate
DEFAULT_RANGE = 5.0  # seconds "Code range" takes from a click when nothing is selected


class ContextMenus(QObject):
    def __init__(self, projects: ProjectHandle, transcript: TranscriptView,
                 editing: TranscriptEditing, playback: PlaybackControl, player: Player,
                 tagging: TaggingUi, keys: Callable[[str], QKeySequence],
                 report: StatusReporter, show_annotations: Callable[[], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.projects = projects
        self.transcript = transcript
        self.editing = editing
        self.playback = playback
        self.player = player
        self.tagging = tagging
        self.controller = tagging.controller
        self.keys = keys
        self.report = report
        self.show_annotations = show_annotations
        self.clip_task: Task | None = None
        for widget, handler in (
                (transcript, self._transcript_requested),
                (tagging.annotations_panel.view, self._annotations_requested),
                (tagging.timeline.canvas, self._timeline_requested)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(handler)
        self._keyboard = {transcript: self._transcript_requested,
                          tagging.annotations_panel.view: self._annotations_requested}
        for view in self._keyboard:
            view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Menu key on a table: its menu at the current row. (Qt gives that event to the
        table in its own coordinates, a mouse one to its viewport in the viewport's.)"""
        if (event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent)
                and event.reason() == QContextMenuEvent.Reason.Keyboard
                and isinstance(watched, QAbstractItemView) and watched in self._keyboard):
            self._keyboard[watched](watched.visualRect(watched.currentIndex()).center())
            return True
        return super().eventFilter(watched, event)

    # -- building blocks -------------------------------------------------------------------
    def _menu(self) -> QMenu:
        # Parented to the top-level window: a popup must not hang off a native child window.
        menu = QMenu(self.transcript.window())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    def _entry(self, menu: QMenu, text: str, slot: Callable[[], object], keys: str = "",
               enabled: bool = True) -> QAction:
        """An entry showing its key; the key itself stays with the window's action."""
        action = menu.addAction(f"{text}\t{keys}" if keys else text)
        action.triggered.connect(lambda _checked=False: slot())
        action.setEnabled(enabled)
        return action

    def _key(self, action: str) -> str:
        return self.keys(action).toString(QKeySequence.SequenceFormat.NativeText)

    def _tag_menu(self, menu: QMenu, title: str, slot: Callable[[str], object],
                  enabled: bool = True) -> QMenu:
        tags = menu.addMenu(title)
        tags.setEnabled(enabled and bool(self.controller.active_tags()))
        for tag in self.controller.active_tags():
            action = tags.addAction(colour_icon(tag.colour),
                                    f"{tag.name}\t{tag.key}" if tag.key else tag.name)
            action.triggered.connect(lambda _checked=False, n=tag.name: slot(n))
        return tags

    def _play(self, seconds: float) -> None:
        self.player.seek(seconds)
        if not self.player.is_playing():
            self.player.play()

    @staticmethod
    def _popup(menu: QMenu, widget: QWidget, pos: QPoint) -> None:
        menu.popup(widget.mapToGlobal(pos))

    # -- the transcript ---------------------------------------------------------------------
    def _transcript_requested(self, pos: QPoint) -> None:
        menu = self.transcript_menu(pos)
        if menu is not None:
            self._popup(menu, self.transcript.viewport(), pos)

    def transcript_menu(self, pos: QPoint) -> QMenu | None:
        """For the line (and word) at `pos` in the viewport, else the current line."""
        view, model = self.transcript, self.transcript.transcript_model
        index = view.indexAt(pos)
        word = view.word_at(index, pos.x(), pos.y()) if index.isValid() else -1
        if not index.isValid():
            index = view.currentIndex()
        if not index.isValid():
            return None
        row = index.row()
        segment = model.ensure_words(row)
        selection = view.delegate.word_selection
        if selection is not None and not selection[0] <= row <= selection[2]:
            view.clear_word_selection()  # the click went elsewhere: that line is the subject
        if row not in view.selected_rows() and view.delegate.word_selection is None:
            view.selectRow(row)
        view.setCurrentIndex(model.index(row, COL_TEXT))
        span = view.selected_time_range() or (segment.start, segment.end)
        writable = self.projects.writable
        at = segment.word_starts[word] if 0 <= word < len(segment.word_starts) else segment.start
        menu = self._menu()
        self._tag_menu(menu, translate("menus", "Code %1–%2 with").replace(
            "%1", format_time(span[0], True)).replace("%2", format_time(span[1], True)),
            lambda tag: self.controller.code_range(tag, *span), writable)
        menu.addSeparator()
        self._entry(menu, translate("menus", "Play from here"), lambda: self._play(at))
        self._entry(menu, translate("menus", "Play this segment"),
                    lambda: self.player.play_range(segment.start, segment.end),
                    self._key("play_segment"))
        self._entry(menu, translate("menus", "Loop the selection"),
                    lambda: self.player.play_range(*span, loop=True), self._key("loop_selection"))
        self._entry(menu, translate("menus", "Copy with timestamp"), self.copy_with_time,
                    self._key("copy_with_time"))
        menu.addSeparator()
        spans = segment.word_spans()
        self._entry(menu, translate("menus", "Split here"),
                    lambda: self.editing.split(segment.id, spans[word][0]),
                    self._key("split_segment"), writable and 0 < word < len(spans))
        self._entry(menu, translate("menus", "Merge with the next"), self.editing.merge,
                    self._key("merge_segment"), writable and row + 1 < model.rowCount())
        self._entry(menu, translate("menus", "Set speaker…"), self.editing.assign_speaker,
                    self._key("assign_speaker"), writable)
        self._entry(menu, translate("menus", "Edit the text"),
                    lambda: view.edit(model.index(row, COL_TEXT)), self._key("edit_segment"),
                    writable)
        return menu

    def copy_with_time(self) -> str:
        """The selected lines (or words) with their times and speakers, for a report."""
        view, model = self.transcript, self.transcript.transcript_model
        selection = view.delegate.word_selection
        if selection is not None:
            span = view.selected_time_range()
            r0, w0, r1, w1 = selection
            words = [model.ensure_words(r).word_texts[(w0 if r == r0 else 0):
                                                      (w1 + 1 if r == r1 else None)]
                     for r in range(r0, r1 + 1)]
            lines = [(span or (0.0, 0.0), model.row(r0).speaker,
                      " ".join(w for part in words for w in part))]
        else:
            rows = view.selected_rows() or ([view.currentIndex().row()]
                                            if view.currentIndex().isValid() else [])
            lines = [((model.row(r).start, model.row(r).end), model.row(r).speaker,
                      model.row(r).text) for r in rows]
        text = "\n".join(
            f"[{format_time(a, True)}–{format_time(b, True)}] "
            + (f"{speaker}: " if speaker else "") + words for (a, b), speaker, words in lines)
        if text:
            QGuiApplication.clipboard().setText(text)
            self.report.status(translate("menus", "Copied with timestamps."))
        return text

    # -- annotations: the pane's rows and the timeline's bars ---------------------------------
    def _annotations_requested(self, pos: QPoint) -> None:
        panel = self.tagging.annotations_panel
        index = panel.view.indexAt(pos)
        if not index.isValid():
            index = panel.view.currentIndex()
            pos = panel.view.visualRect(index).center()
        if not index.isValid():
            return
        if not panel.view.selectionModel().isRowSelected(index.row(), index.parent()):
            panel.view.selectRow(index.row())
        menu = self.annotation_menu(panel.selected_ids())
        if menu is not None:
            self._popup(menu, panel.view.viewport(), pos)

    def _chosen(self, ids: list[int]) -> list[Annotation]:
        wanted = set(ids)
        return [a for a in self.controller.annotations if a.id in wanted]

    def annotation_menu(self, ids: list[int]) -> QMenu | None:
        chosen = self._chosen(ids)
        if not chosen:
            return None
        first = chosen[0]
        assert first.id is not None
        writable = self.projects.writable
        start, end = min(a.start for a in chosen), max(a.end for a in chosen)
        menu = self._menu()
        self._entry(menu, translate("menus", "Edit the note"),
                    lambda: self.edit_cell(first.id or 0, COL_NOTE), "F2", writable)
        self._entry(menu, translate("menus", "Edit the bounds"),
                    lambda: self.edit_cell(first.id or 0, COL_START), "Alt+←/→", writable)
        self._tag_menu(menu, translate("menus", "Change the tag to"),
                       lambda tag: self._retag([a.id for a in chosen if a.id], tag), writable)
        menu.addSeparator()
        self._entry(menu, translate("menus", "Play"), lambda: self.player.play_range(start, end))
        self._entry(menu, translate("menus", "Loop"),
                    lambda: self.player.play_range(start, end, loop=True),
                    self._key("loop_selection"))
        self._entry(menu, translate("menus", "Export the clip…"), lambda: self.export_clip(first),
                    enabled=len(chosen) == 1)
        menu.addSeparator()
        self._entry(menu, translate("menus", "Delete"),
                    lambda: self.controller.delete_annotations([a.id for a in chosen if a.id]),
                    QKeySequence(QKeySequence.StandardKey.Delete).toString(
                        QKeySequence.SequenceFormat.NativeText), writable)
        return menu

    def edit_cell(self, annotation_id: int, column: int) -> None:
        """Edit an annotation's cell in place in the pane (shown first if hidden)."""
        panel = self.tagging.annotations_panel
        self.show_annotations()
        panel.set_filters()  # a filter must not hide the row being edited
        panel.select_ids([annotation_id])
        row = panel.model.row_of(annotation_id)
        index = panel.proxy.mapFromSource(panel.model.index(row, column))
        if index.isValid():
            panel.view.setFocus()
            panel.view.setCurrentIndex(index)
            panel.view.edit(index)

    def _retag(self, ids: list[int], tag: str) -> None:
        label = translate("menus", "Change the tag to %1").replace("%1", tag)
        with self.controller.one_step(label, len(ids)):
            for annotation_id in ids:
                self.controller.update_annotation(annotation_id, label, tag=tag)

    def export_clip(self, annotation: Annotation, folder: Path | None = None) -> None:
        """Cut one annotation's clip in the background (ffmpeg) into a chosen folder."""
        project = self.projects.project
        media = project.media.get() if project is not None else None
        if media is None:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self.transcript.window(), translate("menus", "Save the clip in"),
                str(Path(media.path).parent))
            if not chosen:
                return
            folder = Path(chosen)
        self.report.status(translate("menus", "Cutting the clip…"))
        target = folder
        self.clip_task = run_task(
            lambda: export_clip(media, annotation, target),
            lambda path: self.report.status(
                translate("menus", "Clip saved: %1").replace("%1", str(path))),
            lambda error: self.report.error(error_message(error)), self)

    # -- the timeline ---------------------------------------------------------------------------
    def _timeline_requested(self, pos: QPoint) -> None:
        menu = self.timeline_menu(pos)
        self._popup(menu, self.tagging.timeline.canvas, pos)

    def timeline_menu(self, pos: QPoint) -> QMenu:
        """A bar's menu over an annotation; the range and zoom menu elsewhere."""
        canvas = self.tagging.timeline.canvas
        x = pos.x() if pos.x() >= GUTTER else canvas.x_of(canvas.playhead)  # the Menu key
        t = canvas.time_at(x)
        lane = canvas.lane_at(pos.y())
        hits = lane.at(t) if lane is not None else []
        if hits and hits[-1].id is not None:
            self.controller.set_selected([hits[-1].id])
            menu = self.annotation_menu([hits[-1].id])
            if menu is not None:
                return menu
        span = canvas.selection_span or (t, min(t + DEFAULT_RANGE, canvas.window_.duration))
        menu = self._menu()
        self._tag_menu(menu, translate("menus", "Code %1–%2 with").replace(
            "%1", format_time(span[0], True)).replace("%2", format_time(span[1], True)),
            lambda tag: self.controller.code_range(tag, *span),
            self.projects.writable and span[1] > span[0])
        self._entry(menu, translate("menus", "Play from here"), lambda: self._play(t))
        menu.addSeparator()
        self._entry(menu, translate("menus", "Zoom to the selection"),
                    lambda: self._zoom(lambda w: w.show_range(*span)), "",
                    canvas.selection_span is not None)
        self._entry(menu, translate("menus", "Zoom in here"),
                    lambda: self._zoom(lambda w: w.zoom(2.0, x - GUTTER)),
                    translate("menus", "Ctrl+Wheel"))
        self._entry(menu, translate("menus", "Show the whole recording"),
                    lambda: self._zoom(lambda w: w.fit()))
        return menu

    def _zoom(self, change: Callable[[TimeWindow], object]) -> None:
        canvas = self.tagging.timeline.canvas
        change(canvas.window_)
        canvas.invalidate()
        canvas.view_changed.emit()
