"""The timeline's background: ruler, waveform, dead air, speakers, the tag lanes, the names.

Everything that does not move while the recording plays is drawn here into a
pixmap that the canvas caches until the data, the view or the size change.
Ranges are rasterised with numpy (see timeline_layers) and drawn as a few
images, so a repaint costs about the same for ten codes or ten thousand.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QImage, QPainter, QPalette, QPen, QPixmap

from desk.core.records import Silence
from desk.core.time_axis import tick_label, tick_step, ticks
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.speaker_lane import SpeakerTrack
from desk.ui.tagging.time_window import TimeWindow
from desk.ui.tagging.timeline_layers import (
    Lane,
    PeakPyramid,
    coverage,
    envelope,
    runs,
    waveform_mask,
)


class TimelineCanvas(Protocol):
    """What the background is drawn from: the timeline canvas (desk.ui.tagging.timeline)."""

    controller: CodingController
    window_: TimeWindow
    lanes: list[Lane]
    speaker_tracks: list[SpeakerTrack]
    pyramid: PeakPyramid | None
    waveform_note: str

    def devicePixelRatioF(self) -> float: ...
    def size(self) -> QSize: ...
    def width(self) -> int: ...
    def height(self) -> int: ...
    def palette(self) -> QPalette: ...
    def fontMetrics(self) -> QFontMetrics: ...
    def x_of(self, seconds: float) -> float: ...
    def lane_top(self, lane_index: int) -> float: ...
    def visible_silences(self) -> list[Silence]: ...


GUTTER = 150  # px for the lane names
RULER_H, WAVE_H, LANE_H = 18, 44, 16
SHADE = 0.2  # how much grey dead air mixes into the background
# The gutter's names live in the canvas's context, TimelineCanvas: lupdate filed
# canvas.tr() under "canvas", a context nothing looks up, so "Waveform" stayed English.
translate = QCoreApplication.translate


def _argb(colour: QColor | None) -> np.uint32:
    if colour is None:
        return np.uint32(0)  # transparent
    return np.uint32((colour.alpha() << 24) | (colour.red() << 16) | (colour.green() << 8)
                     | colour.blue())


def mask_image(mask: np.ndarray, colour: QColor, elsewhere: QColor | None = None) -> QImage:
    """A boolean mask (one row, or rows × columns) as an image: `colour` where True."""
    rows = mask if mask.ndim == 2 else mask[None, :]
    pixels = np.ascontiguousarray(np.where(rows, _argb(colour), _argb(elsewhere)),
                                  dtype=np.uint32)
    height, width = pixels.shape
    image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_ARGB32)
    return image.copy()  # detach from the numpy buffer, which dies with this frame


def render_background(canvas: TimelineCanvas) -> QPixmap:
    """Everything but the playhead, live ranges and drags, at the device's pixel ratio."""
    ratio = canvas.devicePixelRatioF()
    pixmap = QPixmap(canvas.size() * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(canvas.palette().base().color())
    painter = QPainter(pixmap)
    right = float(canvas.width())
    _paint_silences(canvas, painter, right)
    _paint_ruler(canvas, painter)
    _paint_waveform(canvas, painter)
    _paint_speakers(canvas, painter, right)
    _paint_lanes(canvas, painter, right)
    _paint_gutter(canvas, painter)
    painter.end()
    return pixmap


def _paint_silences(canvas: TimelineCanvas, painter: QPainter, right: float) -> None:
    """Dead air shaded grey, drawn as one opaque image (no blending of a large area)."""
    silences = canvas.visible_silences()
    if not silences:
        return
    width = int(right - GUTTER)
    mask = coverage(np.array([s.start for s in silences]), np.array([s.end for s in silences]),
                    canvas.window_.start, canvas.window_.seconds_per_pixel, width)
    base = canvas.palette().base().color()
    shade = QColor(*(round(c * (1 - SHADE) + 128 * SHADE)
                     for c in (base.red(), base.green(), base.blue())))
    painter.drawImage(QRectF(GUTTER, RULER_H, width, canvas.height() - RULER_H),
                      mask_image(mask, shade, base))


def _paint_ruler(canvas: TimelineCanvas, painter: QPainter) -> None:
    """Times along the top; none before a recording is open (a ruler of tenths of nothing)."""
    axis, text = QPen(canvas.palette().mid().color(), 1), QPen(canvas.palette().text().color())
    step = tick_step(canvas.window_.seconds_per_pixel)
    times = ticks(canvas.window_.start, canvas.window_.end, step) if canvas.window_.duration else []
    for t in times:
        x = canvas.x_of(t)
        painter.setPen(axis)
        painter.drawLine(QLineF(x, RULER_H - 5, x, RULER_H))
        painter.setPen(text)
        painter.drawText(QPointF(x + 3, RULER_H - 6), tick_label(t, step))
    painter.setPen(axis)
    painter.drawLine(QLineF(GUTTER, RULER_H, canvas.width(), RULER_H))


def _paint_waveform(canvas: TimelineCanvas, painter: QPainter) -> None:
    if canvas.pyramid is None:
        if canvas.waveform_note:
            painter.setPen(canvas.palette().placeholderText().color())
            painter.drawText(QPointF(GUTTER + 6, RULER_H + WAVE_H / 2 + 4),
                             canvas.waveform_note)
        return
    ratio = canvas.devicePixelRatioF()  # one column per device pixel: sharp on HiDPI
    width = canvas.width() - GUTTER
    seconds_per_column = canvas.window_.seconds_per_pixel / ratio
    rate, peaks = canvas.pyramid.level_for(seconds_per_column)
    lows, highs = envelope(peaks, rate, canvas.window_.start, seconds_per_column,
                           int(width * ratio))
    mask = waveform_mask(lows, highs, int(WAVE_H * ratio))
    painter.drawImage(QRectF(GUTTER, RULER_H, width, WAVE_H),
                      mask_image(mask, canvas.palette().highlight().color()))


def _paint_speakers(canvas: TimelineCanvas, painter: QPainter, right: float) -> None:
    """Who speaks when, in each speaker's colour; the name inside a turn wide enough."""
    if not canvas.speaker_tracks:
        return
    top, width = RULER_H + WAVE_H, int(right - GUTTER)
    start, spp = canvas.window_.start, canvas.window_.seconds_per_pixel
    metrics = canvas.fontMetrics()
    for track in canvas.speaker_tracks:
        mask = track.columns(start, spp, width)
        if not mask.any():
            continue
        colour = QColor(track.colour)
        painter.drawImage(QRectF(GUTTER, top + 2, width, LANE_H - 4), mask_image(mask, colour))
        painter.setPen(QColor("#000000") if colour.lightnessF() > 0.55 else QColor("#ffffff"))
        room = metrics.horizontalAdvance(track.name) + 8
        for x0, x1 in runs(mask):
            if x1 - x0 >= room:
                painter.drawText(QRectF(GUTTER + x0 + 4, top, x1 - x0 - 4, LANE_H),
                                 int(Qt.AlignmentFlag.AlignVCenter), track.name)


def _paint_lanes(canvas: TimelineCanvas, painter: QPainter, right: float) -> None:
    alternate = canvas.palette().alternateBase().color()
    start, spp = canvas.window_.start, canvas.window_.seconds_per_pixel
    width = int(right - GUTTER)
    selected = set(canvas.controller.selected)
    outline = QPen(canvas.palette().highlight().color(), 2)
    for i, lane in enumerate(canvas.lanes):
        top = canvas.lane_top(i)
        if i % 2:
            painter.fillRect(QRectF(GUTTER, top, right - GUTTER, LANE_H), alternate)
        colour = QColor(lane.tag.colour)
        coded, suggested = lane.columns(start, spp, width)
        if coded.any():
            painter.drawImage(QRectF(GUTTER, top + 2, width, LANE_H - 4),
                              mask_image(coded, colour))
        if suggested.any():
            faint = QColor(colour)
            faint.setAlpha(70)
            hatch = QBrush(colour, Qt.BrushStyle.BDiagPattern)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for x0, x1 in runs(suggested):
                rect = QRectF(GUTTER + x0, top + 2, x1 - x0, LANE_H - 4)
                painter.fillRect(rect, faint)
                painter.fillRect(rect, hatch)
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
        if selected:
            painter.setPen(outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for a in lane.visible(start, canvas.window_.end):
                if a.id in selected:
                    left, end = max(GUTTER, canvas.x_of(a.start)), min(right, canvas.x_of(a.end))
                    painter.drawRect(QRectF(left, top + 1, max(2.0, end - left), LANE_H - 2))


def _paint_gutter(canvas: TimelineCanvas, painter: QPainter) -> None:
    painter.fillRect(QRectF(0, 0, GUTTER, canvas.height()), canvas.palette().window().color())
    text = canvas.palette().windowText().color()
    archived = canvas.palette().placeholderText().color()
    metrics = canvas.fontMetrics()
    painter.setPen(text)
    painter.drawText(QRectF(4, RULER_H, GUTTER - 8, WAVE_H),
                     int(Qt.AlignmentFlag.AlignVCenter), translate("TimelineCanvas", "Waveform"))
    if canvas.speaker_tracks:
        painter.drawText(QRectF(4, RULER_H + WAVE_H, GUTTER - 8, LANE_H),
                         int(Qt.AlignmentFlag.AlignVCenter),
                         translate("TimelineCanvas", "Speakers"))
    for i, lane in enumerate(canvas.lanes):
        top = canvas.lane_top(i)
        painter.fillRect(QRectF(4, top + 4, 8, LANE_H - 8), QColor(lane.tag.colour))
        label = f"{lane.tag.key} {lane.tag.name}" if lane.tag.key else lane.tag.name
        painter.setPen(archived if lane.tag.archived else text)
        room = GUTTER - 20
        if lane.annotator is not None:  # whose layer, right-aligned beside the tag
            who = metrics.elidedText(lane.annotator, Qt.TextElideMode.ElideRight, room // 2)
            painter.drawText(QRectF(16, top, room, LANE_H),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), who)
            room -= metrics.horizontalAdvance(who) + 6
        painter.drawText(QRectF(16, top, room, LANE_H), int(Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(label, Qt.TextElideMode.ElideRight, room))
