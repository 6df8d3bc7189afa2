"""The code timeline picture: every tag's coded ranges over the recording's time.

Drawn with QPainter into a QImage, for the statistics pane and for
`desk stats PROJECT --png OUT`. The CLI has no window, so `ensure_gui()` starts
an offscreen QGuiApplication when none exists; this module is imported lazily
so that the other commands never load Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

from desk.core.atomic import write_bytes_atomic
from desk.core.coding.code_timeline import CodeTimeline, code_timeline
from desk.core.errors import InputError
from desk.core.store import Project
from desk.core.time_axis import tick_label, tick_step, ticks
from desk.core.timecode import format_time

MARGIN, TITLE_H, ROW_H, AXIS_H, LABEL_W = 12, 26, 22, 22, 190
RIGHT_PAD = 30  # room for the last tick's label
MIN_WIDTH, MAX_WIDTH = LABEL_W + 2 * MARGIN + 100, 10_000
BACKGROUND, TRACK, INK = QColor("#ffffff"), QColor("#eeeeee"), QColor("#222222")

_app: QGuiApplication | None = None


def ensure_gui() -> None:
    """Painting text needs a QGuiApplication; start an offscreen one if there is none."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["desk"])


def picture_size(timeline: CodeTimeline, width: int) -> tuple[int, int]:
    return width, 2 * MARGIN + TITLE_H + max(1, len(timeline.rows)) * ROW_H + AXIS_H


def track_geometry(width: int) -> tuple[float, float]:
    """(left x, width) of the time tracks: where a time lands in the picture."""
    return MARGIN + LABEL_W, width - 2 * MARGIN - LABEL_W - RIGHT_PAD


def render_code_timeline(timeline: CodeTimeline, width: int = 1200) -> QImage:
    ensure_gui()
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise InputError(f"picture width must be {MIN_WIDTH}–{MAX_WIDTH} pixels, not {width}")
    width, height = picture_size(timeline, width)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    left, span = track_geometry(width)
    duration = timeline.duration or 1.0
    title = QFont(painter.font())
    title.setBold(True)
    title.setPointSizeF(title.pointSizeF() * 1.2)
    painter.setFont(title)
    painter.setPen(INK)
    painter.drawText(QRectF(MARGIN, MARGIN, width - 2 * MARGIN, TITLE_H),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     f"{timeline.title} — {format_time(timeline.duration)}")
    painter.setFont(QFont())
    metrics = painter.fontMetrics()
    top = MARGIN + TITLE_H
    for i, row in enumerate(timeline.rows):
        y = top + i * ROW_H
        share = row.covered / duration * 100 if timeline.duration else 0.0
        label = metrics.elidedText(row.tag, Qt.TextElideMode.ElideRight, LABEL_W - 70)
        painter.setPen(INK)
        painter.fillRect(QRectF(MARGIN, y + 6, 10, ROW_H - 12), QColor(row.colour))
        painter.drawText(QRectF(MARGIN + 16, y, LABEL_W - 70, ROW_H),
                         int(Qt.AlignmentFlag.AlignVCenter), label)
        painter.drawText(QRectF(MARGIN + LABEL_W - 60, y, 54, ROW_H),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                         f"{share:.1f} %")
        painter.fillRect(QRectF(left, y + 3, span, ROW_H - 6), TRACK)
        colour = QColor(row.colour)
        for start, end in row.ranges:
            x0 = left + span * max(0.0, start) / duration
            x1 = left + span * min(duration, end) / duration
            painter.fillRect(QRectF(x0, y + 3, max(1.0, x1 - x0), ROW_H - 6), colour)
    axis_y = top + max(1, len(timeline.rows)) * ROW_H + 2
    painter.setPen(QPen(INK, 1))
    painter.drawLine(QPointF(left, axis_y), QPointF(left + span, axis_y))
    step = tick_step(duration / span, 90)
    for t in ticks(0.0, timeline.duration, step):
        x = left + span * t / duration
        painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
        painter.drawText(QRectF(x - 40, axis_y + 4, 80, AXIS_H - 4),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         tick_label(t, step))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs type the format as bytes; PySide accepts only a str here.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def save_code_timeline_png(project: Project, path: Path | str, width: int = 1200) -> Path:
    """Write the picture of a project's coding as PNG (atomically); returns the path."""
    path = Path(path)
    if path.suffix.lower() != ".png":
        raise InputError(f"the picture is a PNG file: name it *.png, not {path.name}")
    image = render_code_timeline(code_timeline(project), width)
    write_bytes_atomic(path, png_bytes(image))
    return path
