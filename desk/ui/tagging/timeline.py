"""The timeline canvas: ruler, waveform, dead air, who speaks, one lane per tag, playhead.

Click seeks; dragging across makes a range and then asks for its tag (popup
menu, the lane's own tag preselected); dragging an annotation's edge retimes
it; Ctrl+wheel zooms around the mouse, the wheel scrolls.

Painting is split in two: a cached background (everything but the moving
parts) redrawn only when the data, the view or the size change, and cheap
overlays (playhead, live ranges, the range being dragged) drawn over it on
every update. The background itself only visits what is visible (see
timeline_background), so it stays fast with thousands of annotations.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QWidget

from desk.core.records import Annotation, Silence
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.speaker_lane import SpeakerTrack, speaker_at
from desk.ui.tagging.tag_dialog import colour_icon
from desk.ui.tagging.time_window import TimeWindow
from desk.ui.tagging.timeline_background import (
    GUTTER,
    LANE_H,
    RULER_H,
    WAVE_H,
    render_background,
)
from desk.ui.tagging.timeline_layers import Lane, PeakPyramid, build_lanes

EDGE_GRAB = 5  # px around an annotation edge that grab it
DRAG_THRESHOLD = 4  # px of movement that turn a click into a drag
WHEEL_ZOOM = 1.25  # per wheel notch


@dataclass
class EdgeDrag:
    annotation: Annotation
    edge: str  # "start" | "end"
    time: float


class TimelineCanvas(QWidget):
    view_changed = Signal()

    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.controller = controller
        self.window_ = TimeWindow()
        self.lanes: list[Lane] = []
        self.speaker_tracks: list[SpeakerTrack] = []  # the speaker lane (none: no lane)
        self.playhead = 0.0
        self.follow_playhead = True
        self.peaks: np.ndarray | None = None
        self.buckets_per_second = 0.0
        self.waveform_note = ""
        self.pyramid: PeakPyramid | None = None
        self.tag_menu: QMenu | None = None
        self._background: QPixmap | None = None
        self.silence_starts: list[float] = []
        self._press: QPointF | None = None
        self._drag_range: tuple[float, float] | None = None
        self._edge_drag: EdgeDrag | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        controller.changed.connect(self.reload)
        controller.selected_changed.connect(self.invalidate)
        controller.live.changed.connect(self.update)
        self.selection_span: tuple[float, float] | None = None
        controller.selection_moved.connect(self._selection_moved)
        self.reload()

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.lanes = build_lanes(self.controller.tags, self.controller.annotations)
        self.silence_starts = [s.start for s in self.controller.silences]
        if abs(self.window_.duration - self.controller.duration) > 1e-6:
            self.window_.set_duration(self.controller.duration)
            self.view_changed.emit()
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.invalidate()

    def set_waveform(self, buckets_per_second: float, peaks: np.ndarray | None,
                     note: str = "") -> None:
        self.buckets_per_second, self.peaks, self.waveform_note = buckets_per_second, peaks, note
        self.pyramid = (PeakPyramid(buckets_per_second, peaks)
                         if peaks is not None and buckets_per_second else None)
        self.invalidate()

    def set_speakers(self, tracks: list[SpeakerTrack]) -> None:
        """Who speaks when (desk.ui.speakers rereads it after each change)."""
        had = bool(self.speaker_tracks)
        self.speaker_tracks = tracks
        if had != bool(tracks):
            self.setMinimumHeight(self.sizeHint().height())
            self.updateGeometry()
        self.invalidate()

    def set_playhead(self, seconds: float) -> None:
        old = self.playhead
        self.playhead = seconds
        player = self.controller.player
        if self.follow_playhead and player is not None and player.is_playing() \
                and self._drag_range is None and self._edge_drag is None \
                and self.window_.follow(seconds):
            self.invalidate()
            self.view_changed.emit()
            return
        if self.controller.live.open_ranges():
            self.update()
            return
        for t in (old, seconds):
            x = self.x_of(t)
            self.update(int(x) - 2, 0, 5, self.height())

    def _selection_moved(self) -> None:
        """Kept here: the overlay repaints 30 times a second while playing."""
        self.selection_span = self.controller.selection() if self.controller.selection else None
        self.update()

    def invalidate(self) -> None:
        self._background = None
        self.update()

    # -- geometry ---------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(800, self.lanes_top() + max(1, len(self.lanes)) * LANE_H + 4)

    def lanes_top(self) -> int:
        """Where the tag lanes begin: under the waveform and the speaker lane, if any."""
        return RULER_H + WAVE_H + (LANE_H if self.speaker_tracks else 0)

    def x_of(self, seconds: float) -> float:
        return GUTTER + self.window_.x_of(seconds)

    def time_at(self, x: float) -> float:
        t = self.window_.time_at(x - GUTTER)
        return min(max(0.0, t), self.window_.duration) if self.window_.duration else max(0.0, t)

    def lane_at(self, y: float) -> Lane | None:
        index = int((y - self.lanes_top()) // LANE_H)
        return self.lanes[index] if y >= self.lanes_top() and index < len(self.lanes) else None

    def lane_index(self, tag_id: int | None, annotator: str) -> int | None:
        """The lane of a tag's annotator (their own lane when layers sit side by side)."""
        first = None
        for i, lane in enumerate(self.lanes):
            if lane.tag.id == tag_id:
                if lane.annotator in (None, annotator):
                    return i
                first = i if first is None else first
        return first

    def lane_top(self, lane_index: int) -> int:
        return self.lanes_top() + lane_index * LANE_H

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.window_.resize(max(1, self.width() - GUTTER))
        self.view_changed.emit()
        self.invalidate()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # The cached background holds the old palette's colours (light → dark theme).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                            QEvent.Type.FontChange):
            self.invalidate()
        super().changeEvent(event)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._background is None or self._background.size() != self.size() \
                * self.devicePixelRatioF():
            self._background = self.render_background()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._background)
        self._paint_overlays(painter)
        painter.end()

    def render_background(self) -> QPixmap:
        return render_background(self)

    def visible_silences(self) -> list[Silence]:
        last = bisect_left(self.silence_starts, self.window_.end)
        return [s for s in self.controller.silences[:last] if s.end > self.window_.start]

    def _paint_overlays(self, painter: QPainter) -> None:
        right = float(self.width())
        painter.setClipRect(QRectF(GUTTER, 0, right - GUTTER, self.height()))
        me = self.controller.annotator()
        for live in self.controller.live.open_ranges():
            i = self.lane_index(live.tag.id, me)
            if i is None:
                continue
            a, b = sorted((live.start, self.playhead))
            x0, x1 = self.x_of(a), max(self.x_of(b), self.x_of(a) + 2)
            colour = QColor(live.tag.colour)
            colour.setAlpha(150)
            rect = QRectF(x0, self.lane_top(i) + 1, x1 - x0, LANE_H - 2)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(QColor("#d62728"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(rect)
        selection = self.selection_span
        if selection is not None and self._drag_range is None:
            # What a key would code now: the transcript selection, across every lane.
            band = QColor(self.palette().highlight().color())
            band.setAlpha(45)
            x0, x1 = self.x_of(selection[0]), max(self.x_of(selection[1]),
                                                  self.x_of(selection[0]) + 2)
            painter.fillRect(QRectF(x0, 0, x1 - x0, self.height()), band)
            painter.setPen(QPen(self.palette().highlight().color(), 1))
            painter.drawLine(QLineF(x0, 0, x0, self.height()))
            painter.drawLine(QLineF(x1, 0, x1, self.height()))
        if self._drag_range is not None:
            a, b = sorted(self._drag_range)
            band = QColor(self.palette().highlight().color())
            band.setAlpha(70)
            painter.fillRect(QRectF(self.x_of(a), RULER_H, self.x_of(b) - self.x_of(a),
                                    self.height() - RULER_H), band)
        if self._edge_drag is not None:
            drag = self._edge_drag
            start, end = self._dragged_bounds(drag)
            i = self.lane_index(drag.annotation.tag_id, drag.annotation.annotator)
            if i is not None:
                painter.setPen(QPen(self.palette().text().color(), 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.x_of(start), self.lane_top(i) + 1,
                                        self.x_of(end) - self.x_of(start), LANE_H - 2))
        x = self.x_of(self.playhead)
        painter.setPen(QPen(QColor("#d62728"), 1.5))
        painter.drawLine(QLineF(x, 0, x, self.height()))

    # -- mouse ------------------------------------------------------------------------------
    def _edge_at(self, pos: QPointF) -> EdgeDrag | None:
        lane = self.lane_at(pos.y())
        if lane is None or pos.x() < GUTTER:
            return None
        slack = EDGE_GRAB * self.window_.seconds_per_pixel
        best: tuple[float, EdgeDrag] | None = None
        for a in lane.at(self.time_at(pos.x()), slack):
            for edge, t in (("start", a.start), ("end", a.end)):
                distance = abs(self.x_of(t) - pos.x())
                if distance <= EDGE_GRAB and (best is None or distance < best[0]):
                    best = (distance, EdgeDrag(a, edge, t))
        return best[1] if best else None

    def speakers_at(self, pos: QPointF) -> str:
        """Who speaks under the mouse, when it is over the speaker lane."""
        top = RULER_H + WAVE_H
        if not self.speaker_tracks or not top <= pos.y() < top + LANE_H or pos.x() < GUTTER:
            return ""
        return ", ".join(speaker_at(self.speaker_tracks, self.time_at(pos.x())))

    def _dragged_bounds(self, drag: EdgeDrag) -> tuple[float, float]:
        a = drag.annotation
        return (drag.time, a.end) if drag.edge == "start" else (a.start, drag.time)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.position().x() < GUTTER:
            return super().mousePressEvent(event)
        self._edge_drag = self._edge_at(event.position())
        self._press = None if self._edge_drag else event.position()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._edge_drag is not None:
            self._edge_drag.time = self.time_at(pos.x())
            self.update()
        elif self._press is not None and abs(pos.x() - self._press.x()) > DRAG_THRESHOLD:
            self._drag_range = (self.time_at(self._press.x()), self.time_at(pos.x()))
            self.update()
        elif not event.buttons():
            shape = (Qt.CursorShape.SizeHorCursor if self._edge_at(pos)
                     else Qt.CursorShape.ArrowCursor)
            self.setCursor(QCursor(shape))
            self.setToolTip(self.speakers_at(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        pos = event.position()
        if self._edge_drag is not None:
            drag, self._edge_drag = self._edge_drag, None
            start, end = sorted(self._dragged_bounds(drag))
            if (start, end) != (drag.annotation.start, drag.annotation.end):
                self.controller.retime(drag.annotation.id, start, end)  # type: ignore[arg-type]
            self.update()
        elif self._drag_range is not None:
            start, end = sorted(self._drag_range)
            lane = self.lane_at(self._press.y()) if self._press is not None else None
            self._press = None
            self.show_tag_menu(start, end, self.mapToGlobal(pos.toPoint()),
                               lane.tag.id if lane else None)
        elif self._press is not None:
            self._press = None
            self._click(pos)
        event.accept()

    def _click(self, pos: QPointF) -> None:
        t = self.time_at(pos.x())
        lane = self.lane_at(pos.y())
        hits = lane.at(t) if lane else []
        self.controller.set_selected([a.id for a in hits[-1:]])  # type: ignore[misc]
        self.controller.seek(t)
        self.set_playhead(t)

    def show_tag_menu(self, start: float, end: float, where: QPoint,
                      preselect: int | None = None) -> QMenu:
        """Ask which tag the dragged range gets (non-blocking popup)."""
        # Parented to the top-level window: with native child widgets (the video
        # surface makes its siblings native) a popup must not hang off a child window.
        menu = QMenu(self.window())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for tag in self.controller.active_tags():
            label = f"{tag.key}  {tag.name}" if tag.key else tag.name
            action = menu.addAction(colour_icon(tag.colour), label)
            action.triggered.connect(
                lambda _checked=False, n=tag.name: self._code_drag(n, start, end))
            if tag.id == preselect:
                menu.setActiveAction(action)
        menu.aboutToHide.connect(self._clear_drag)
        menu.destroyed.connect(lambda: setattr(self, "tag_menu", None))
        self.tag_menu = menu
        menu.popup(where)
        return menu

    def _code_drag(self, tag: str, start: float, end: float) -> None:
        self.controller.code_range(tag, start, end,
                                   label=self.tr("Code range as %1").replace("%1", tag))

    def _clear_drag(self) -> None:
        self._drag_range = None
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if not delta:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.window_.zoom(WHEEL_ZOOM ** (delta / 120), event.position().x() - GUTTER)
        else:
            self.window_.scroll_by_pixels(-delta / 120 * 0.1 * self.window_.width)
        self.invalidate()
        self.view_changed.emit()
        event.accept()
