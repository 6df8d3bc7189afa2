"""The area above the transport bar: the video, a waveform for audio-only files, or a hint.

libvlc draws video straight into a native child window (set_xwindow /
set_hwnd / set_nsobject), outside Qt's painting, so that surface is a plain
native widget Qt never paints over. Audio-only recordings get a waveform with
the playhead instead of a black rectangle; without libvlc, the install hint.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPalette, QPolygonF
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QWidget

from desk.core.records import Media
from desk.core.services.waveform import BUCKETS_PER_SECOND, cached_peaks, compute_peaks, keep_peaks
from desk.core.store import Project
from desk.ui.player import Player
from desk.ui.workers import run_task

log = logging.getLogger(__name__)

PAGE_VIDEO, PAGE_AUDIO, PAGE_EMPTY, PAGE_NO_VLC = range(4)


class VideoSurface(QWidget):
    """A native window for libvlc to draw into."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoSurface")
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            # A real window system: libvlc needs a native window id to draw into.
            self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
            self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)


class WaveformView(QWidget):
    """Min/max peaks of an audio-only recording, with the playhead."""

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveformView")
        self.player = player
        self.peaks: np.ndarray | None = None
        self.buckets_per_second = 1.0
        self.title = ""
        self._playhead = 0.0
        self._outline_cache: tuple[tuple[int, int], QPolygonF] | None = None
        self.setMinimumSize(160, 90)
        player.position_changed.connect(self._move_playhead)

    def set_peaks(self, buckets_per_second: float, peaks: np.ndarray | None) -> None:
        self.buckets_per_second = buckets_per_second
        self.peaks = peaks
        self._outline_cache = None
        self.update()

    def _outline(self, width: int, height: int) -> QPolygonF:
        """The envelope as one polygon, rebuilt only when the size or the peaks change."""
        if self._outline_cache is not None and self._outline_cache[0] == (width, height):
            return self._outline_cache[1]
        assert self.peaks is not None
        middle = height / 2
        columns = np.array_split(self.peaks, min(width, len(self.peaks)))
        step = width / len(columns)
        loudest = max(1e-3, float(np.abs(self.peaks).max()))
        scale = middle * 0.9 / loudest  # quiet recordings still fill the area
        upper = [QPointF(i * step, middle - float(c[:, 1].max()) * scale)
                 for i, c in enumerate(columns)]
        lower = [QPointF(i * step, middle - float(c[:, 0].min()) * scale)
                 for i, c in reversed(list(enumerate(columns)))]
        polygon = QPolygonF(upper + lower)
        self._outline_cache = ((width, height), polygon)
        return polygon

    def _move_playhead(self, seconds: float) -> None:
        if self.isVisible() and abs(seconds - self._playhead) > 0.02:
            self._playhead = seconds
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        width, height = self.width(), self.height()
        duration = self.player.duration()
        if self.peaks is not None and len(self.peaks) and width > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight).lighter(110))
            painter.drawPolygon(self._outline(width, height))
        else:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Audio only: %1").replace("%1", self.title))
        if duration > 0:
            x = width * min(1.0, self._playhead / duration)
            painter.setPen(QColor(220, 40, 40))
            painter.drawLine(QPointF(x, 0), QPointF(x, height))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(8, 4, width - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.end()


class VideoArea(QStackedWidget):
    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoArea")
        self.player = player
        self.surface = VideoSurface()
        self.waveform = WaveformView(player)
        self.empty = QLabel(self.tr("Open a project or drop a recording here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.no_vlc = QLabel(player.unavailable_reason or "")
        self.no_vlc.setObjectName("noVlcHint")
        self.no_vlc.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_vlc.setWordWrap(True)
        self.no_vlc.setMargin(24)
        self.no_vlc.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for page in (self.surface, self.waveform, self.empty, self.no_vlc):
            self.addWidget(page)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 135)
        self._attached = False
        self.show_media(None)

    def show_media(self, media: Media | None) -> None:
        """Pick the page for a recording (None: nothing open or recording missing)."""
        if not self.player.available:
            self.setCurrentIndex(PAGE_NO_VLC)
        elif media is None:
            self.setCurrentIndex(PAGE_EMPTY)
        elif media.has_video:
            self.setCurrentIndex(PAGE_VIDEO)
            if not self._attached:
                self.player.attach(self.surface)
                self._attached = True
        else:
            self.waveform.title = Path(media.path).name
            self.waveform.set_peaks(1.0, None)
            self.setCurrentIndex(PAGE_AUDIO)

    def load_waveform(self, project: Project, media: Media) -> None:
        """Peaks from the project's cache, else computed off the GUI thread and cached."""
        cached = cached_peaks(project, media)
        if cached is not None:
            self.waveform.set_peaks(*cached)
            return
        path, fingerprint = media.path, media.fingerprint

        def done(peaks: np.ndarray) -> None:
            if self.player.path is None or str(self.player.path) != path:
                return  # another recording is open by now
            keep_peaks(project, fingerprint, peaks)
            self.waveform.set_peaks(BUCKETS_PER_SECOND, peaks)

        run_task(lambda: compute_peaks(path), done,
                 lambda error: log.warning("no waveform: %s", error), owner=self)

    def page(self) -> int:
        return self.currentIndex()
