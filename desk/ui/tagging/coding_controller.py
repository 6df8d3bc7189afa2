"""The one place where the app's tagging edits the project.

The codebook panel, the annotations pane, the timeline, the keys 1–9 and the
suggestion actions all call this controller; it turns each user action into
one core call run through the undo bridge (one undo step, committed at once, the
annotator's name stored with it), reports bad input as a message instead of a
traceback, and tells the views to reload, coalesced into one reload per event
loop turn so that a burst of edits costs one refresh.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from desk.core.coding import blind, suggest
from desk.core.coding.codebook import Codebook, save_codebook
from desk.core.coding.word_snap import snap_range, words_near
from desk.core.errors import DeskError
from desk.core.records import Annotation, Silence, Tag
from desk.core.store import Project
from desk.core.store.annotations import AlreadyCoded
from desk.ui.tagging.live_coding import LiveCoder
from desk.ui.undo import UndoBridge

NUDGE_SECONDS = 0.1
T = TypeVar("T")


class PlayerLike(Protocol):
    """What coding needs from the player."""

    def position(self) -> float: ...
    def seek(self, seconds: float) -> None: ...
    def is_playing(self) -> bool: ...


class CodingController(QObject):
    project_changed = Signal()  # another project (or none) is open
    changed = Signal()  # tags, annotations or dead air changed: views reload from the caches
    selected_changed = Signal()  # the annotations selected in any view
    selection_moved = Signal()  # the transcript selection (what a key would code) changed
    message = Signal(str)  # for the status bar
    error = Signal(str)  # for a dialog

    def __init__(self, undo: UndoBridge, annotator: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = undo
        self.annotator = annotator
        self.project: Project | None = None
        self.player: PlayerLike | None = None
        self.selection: Callable[[], tuple[float, float] | None] | None = None
        self.snap_to_words = False
        self.live = LiveCoder(self)
        self.selected: list[int] = []
        self._selection_serial = 0  # counts transcript selection changes
        self._selection_spent = -1  # the serial of a selection that no longer counts
        # Caches the views read (refreshed together, once per change).
        self.annotations: list[Annotation] = []
        self.tags: list[Tag] = []  # in codebook order, archived ones too
        self.silences: list[Silence] = []
        self.duration = 0.0
        self._media_stale = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        undo.stack.indexChanged.connect(self.schedule_refresh)

    # -- setup ------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        self.live.cancel_all()
        self.project = project
        self._media_stale = True
        self.selected = []
        self.refresh()
        self.selected_changed.emit()
        self.project_changed.emit()

    def set_player(self, player: PlayerLike | None) -> None:
        self.player = player
        signal = getattr(player, "playing_changed", None)
        if signal is not None:
            signal.connect(self._playing_changed)

    # -- which selection counts ------------------------------------------------------------
    # While paused, a key codes the transcript selection (again and again: one
    # phrase may get several tags). While playing, only a selection made during
    # playback and not yet coded counts: a line clicked to seek before pressing
    # play, or one just coded, must not swallow the keys meant for live coding.
    def selection_touched(self) -> None:
        """The transcript selection changed (connect to its selection_changed)."""
        self._selection_serial += 1
        self.selection_moved.emit()

    def _playing_changed(self, playing: bool) -> None:
        if playing:
            self._selection_spent = self._selection_serial

    def _is_playing(self) -> bool:
        return self.player is not None and self.player.is_playing()

    def current_selection(self) -> tuple[float, float] | None:
        span = self.selection() if self.selection is not None else None
        if span is None or (self._is_playing()
                            and self._selection_serial == self._selection_spent):
            return None
        return span

    def position(self) -> float:
        return self.player.position() if self.player is not None else 0.0

    def seek(self, seconds: float) -> None:
        if self.player is not None:
            self.player.seek(max(0.0, seconds))

    # -- caches -----------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def media_changed(self) -> None:
        """The dead air (or the recording) changed: reread it with the next refresh."""
        self._media_stale = True
        self.schedule_refresh()

    def flush(self) -> None:
        """Run a pending refresh now (tests and benchmarks)."""
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self.refresh()

    def refresh(self) -> None:
        """Reread tags and annotations (and dead air when it changed); views follow.

        While the project codes blind, only the current coder's annotations are read.
        """
        project = self.project
        if project is None:
            self.annotations, self.tags, self.silences, self.duration = [], [], [], 0.0
        else:
            self.annotations = blind.visible(
                project.annotations.list(), blind.visible_annotator(project, self.annotator()))
            self.tags = project.tags.list(include_archived=True)
            if self._media_stale:
                self.silences = project.media.silences()
                self.duration = project.media.duration()
        self._media_stale = False
        known = {a.id for a in self.annotations}
        if any(i not in known for i in self.selected):
            self.selected = [i for i in self.selected if i in known]
            self.selected_changed.emit()
        self.changed.emit()

    def active_tags(self) -> list[Tag]:
        return [t for t in self.tags if not t.archived]

    def tag_named(self, name: str) -> Tag | None:
        folded = name.casefold()
        return next((t for t in self.tags if t.name.casefold() == folded), None)

    def set_selected(self, ids: list[int]) -> None:
        if ids != self.selected:
            self.selected = list(ids)
            self.selected_changed.emit()

    # -- the three ways to code -----------------------------------------------------------
    def press_key(self, key: int) -> Annotation | None:
        """A digit 1–9: code the selection, or open/close a live range of that key's tag."""
        if self.project is None:
            return None
        tag = self.project.tags.by_key(key)
        if tag is None:
            self.message.emit(self.tr("No tag on key %1").replace("%1", str(key)))
            return None
        return self.activate(tag)

    def activate(self, tag: Tag) -> Annotation | None:
        """What a tag's key or button does, depending on the moment."""
        if self.project is None:
            self.error.emit(self.tr("Open a project first."))
            return None
        if self.live.is_open(tag):
            return self.close_live(tag)
        span = self.current_selection()
        if span is not None:
            self._selection_spent = self._selection_serial
            return self.code_range(tag.name, span[0], span[1], snap=False,
                                   label=self.tr("Code selection as %1").replace("%1", tag.name))
        if self.player is None:
            self.error.emit(self.tr("Select text in the transcript, or play the recording."))
            return None
        self.live.open(tag, self.position())
        self.message.emit(self.tr("Recording “%1”: press its key again to close, Esc to cancel")
                          .replace("%1", tag.name))
        return None

    def close_live(self, tag: Tag) -> Annotation | None:
        end = self.position()
        if self.duration:
            end = min(end, self.duration)
        span = self.live.close(tag, end)
        if span is None:
            self.message.emit(self.tr("Range too short; nothing coded"))
            return None
        return self.code_range(tag.name, span[0], span[1],
                               label=self.tr("Live code %1").replace("%1", tag.name))

    def cancel_live(self) -> None:
        if self.live.cancel_all():
            self.message.emit(self.tr("Live coding cancelled"))

    def code_range(self, tag: str | int, start: float, end: float, note: str = "",
                   snap: bool | None = None, label: str | None = None) -> Annotation | None:
        """One annotation (any of the three ways ends here)."""
        project = self.project
        if project is None:
            return None
        if self.snap_to_words if snap is None else snap:
            start, end = snap_range(start, end, words_near(project, start, end))
        annotator = self.annotator()

        def code() -> Annotation | None:
            try:
                return project.annotations.add(tag, start, end, note=note, annotator=annotator)
            except AlreadyCoded as exc:  # a key pressed twice: a note in the status bar
                self.message.emit(str(exc))
                return None

        return self.run(label or self.tr("Code"), code)

    # -- changing annotations -------------------------------------------------------------
    def update_annotation(self, annotation_id: int, label: str | None = None,
                          **changes: Any) -> Annotation | None:
        return self.edit(label or self.tr("Edit annotation"), lambda project, who:
                         project.annotations.update(annotation_id, who, **changes))

    def retime(self, annotation_id: int, start: float, end: float,
               snap: bool | None = None) -> Annotation | None:
        """New bounds (timeline edge drag, typed times), snapped if asked."""
        if self.project is not None and (self.snap_to_words if snap is None else snap):
            start, end = snap_range(start, end, words_near(self.project, start, end))
        return self.update_annotation(annotation_id, self.tr("Retime annotation"),
                                      start=start, end=end)

    def nudge(self, ids: list[int], edge: str, delta: float = NUDGE_SECONDS) -> None:
        """Move the start, the end or both of annotations by `delta` seconds."""
        if self.project is None or not ids:
            return
        with self.one_step(self.tr("Nudge annotations"), len(ids)):
            for annotation_id in ids:
                current = self.project.annotations.get(annotation_id)
                start = current.start + (delta if edge in ("start", "both") else 0.0)
                end = current.end + (delta if edge in ("end", "both") else 0.0)
                if edge == "both" and start < 0:
                    start, end = 0.0, current.end - current.start
                if self.duration and edge == "both" and end > self.duration:
                    start, end = self.duration - (current.end - current.start), self.duration
                self.update_annotation(annotation_id, self.tr("Nudge annotation"),
                                       start=max(0.0, start), end=end)

    def delete_annotations(self, ids: list[int]) -> None:
        project = self.project
        if project is None or not ids:
            return
        annotator = self.annotator()
        with self.one_step(self.tr("Delete annotations"), len(ids)):
            for annotation_id in ids:
                self.run(self.tr("Delete annotation"),
                         functools.partial(project.annotations.delete, annotation_id, annotator))

    # -- suggestions ------------------------------------------------------------------------
    def suggest_delays(self, min_silence: float) -> list[Annotation]:
        return self.edit(self.tr("Suggest delays"), lambda project, who:
                         suggest.suggest_delays(project, min_silence, who)) or []

    def suggest_keywords(self) -> list[Annotation]:
        return self.edit(self.tr("Suggest from keywords"), suggest.suggest_keywords) or []

    def accept(self, ids: list[int] | None = None) -> None:
        """Accept suggestions (all pending ones when `ids` is None) as one step."""
        self.edit(self.tr("Accept suggestions"),
                  lambda project, who: suggest.accept(project, ids, who))

    def reject(self, ids: list[int] | None = None) -> None:
        self.edit(self.tr("Reject suggestions"),
                  lambda project, who: suggest.reject(project, ids, who))

    # -- the codebook ---------------------------------------------------------------------
    def add_tag(self, tag: Tag) -> Tag | None:
        return self.edit(self.tr("Add tag %1").replace("%1", tag.name),
                         lambda project, who: project.tags.add(tag, who))

    def update_tag(self, name_or_id: str | int, **changes: Any) -> Tag | None:
        return self.edit(self.tr("Edit tag"), lambda project, who:
                         project.tags.update(name_or_id, who, **changes))

    def reorder_tags(self, names: list[str]) -> None:
        self.edit(self.tr("Reorder tags"), lambda project, who: project.tags.reorder(names, who))

    def apply_codebook(self, codebook: Codebook) -> tuple[int, int] | None:
        return self.edit(self.tr("Import codebook %1").replace("%1", codebook.name),
                         lambda project, who: project.tags.apply_codebook(codebook, who))

    def export_codebook(self, path: Path) -> bool:
        if self.project is None:
            return False
        try:
            save_codebook(self.project.tags.to_codebook(name=self.project.path.stem), path)
        except (DeskError, OSError) as exc:
            self.error.emit(str(exc))
            return False
        self.message.emit(self.tr("Codebook saved to %1").replace("%1", str(path)))
        return True

    # -- plumbing ---------------------------------------------------------------------------
    def edit(self, label: str, change: Callable[[Project, str], T]) -> T | None:
        """`change(project, annotator)` as one undoable step of the current coder."""
        project = self.project
        if project is None:
            return None
        annotator = self.annotator()
        result: T | None = self.run(label, lambda: change(project, annotator))
        return result

    def run(self, label: str, perform: Callable[[], T]) -> T | None:
        """One undoable, committed core edit; a DeskError becomes an error message."""
        if self.project is None:
            return None
        try:
            return self.undo.run(label, perform, on_change=self.schedule_refresh,
                                 on_error=self.error.emit)
        finally:
            self.schedule_refresh()

    def one_step(self, label: str, count: int = 2) -> contextlib.AbstractContextManager[None]:
        """Several core edits as one undo step in the app (a macro) when there are several."""
        return self.undo.one_step(label, count)
