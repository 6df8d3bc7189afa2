"""The timeline under the video: the canvas, its scroll bar and zoom buttons, the waveform.

The waveform's peaks are computed once per recording in the background (the
recording is streamed through ffmpeg) and cached in the project file, so the
next opening draws it at once.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollBar, QToolButton, QVBoxLayout, QWidget

from desk.core.services.waveform import BUCKETS_PER_SECOND, cached_peaks, compute_peaks, keep_peaks
from desk.ui.player import Player
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.tagging.timeline import TimelineCanvas
from desk.ui.workers import Task, error_message, run_task


class TimelinePanel(QWidget):
    def __init__(self, controller: CodingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.controller = controller
        self.canvas = TimelineCanvas(controller, self)
        self.scrollbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.waveform_task: Task | None = None
        self._generation = 0
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scrollbar, 1)
        for text, tip, slot in (
            ("−", self.tr("Zoom out (Ctrl+wheel)"), lambda: self._zoom(0.5)),
            ("+", self.tr("Zoom in (Ctrl+wheel)"), lambda: self._zoom(2.0)),
            (self.tr("All"), self.tr("Show the whole recording"), self._fit),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(row)
        self.canvas.view_changed.connect(self._sync_scrollbar)
        self.scrollbar.valueChanged.connect(self._scrolled)
        controller.project_changed.connect(self.load_waveform)
        self.load_waveform()

    def attach_player(self, player: Player) -> None:
        player.position_changed.connect(self.canvas.set_playhead)

    # -- view -----------------------------------------------------------------------------
    def _zoom(self, factor: float) -> None:
        window, playhead = self.canvas.window_, self.canvas.playhead
        # Zoom around the playhead when it is in view, else around the middle.
        window.zoom(factor, window.x_of(playhead) if window.start <= playhead <= window.end
                    else None)
        self.canvas.invalidate()
        self._sync_scrollbar()

    def _fit(self) -> None:
        self.canvas.window_.fit()
        self.canvas.invalidate()
        self._sync_scrollbar()

    def _sync_scrollbar(self) -> None:
        window = self.canvas.window_
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, int(max(0.0, window.duration - window.visible_seconds) * 1000))
        self.scrollbar.setPageStep(max(1, int(window.visible_seconds * 1000)))
        self.scrollbar.setSingleStep(max(1, int(window.visible_seconds * 100)))
        self.scrollbar.setValue(int(window.start * 1000))
        self.scrollbar.blockSignals(False)

    def _scrolled(self, value: int) -> None:
        self.canvas.window_.scroll_to(value / 1000)
        self.canvas.invalidate()

    # -- waveform ----------------------------------------------------------------------------
    def load_waveform(self) -> None:
        """Use the cached peaks, or compute them in the background and cache them."""
        self._generation += 1
        project = self.controller.project
        media = project.media.get() if project is not None else None
        if project is None or media is None:
            self.canvas.set_waveform(0.0, None)
            return
        cached = cached_peaks(project, media)
        if cached is not None:
            self.canvas.set_waveform(*cached)
            return
        if not Path(media.path).is_file():
            self.canvas.set_waveform(0.0, None, self.tr("recording not found"))
            return
        self.canvas.set_waveform(0.0, None, self.tr("computing the waveform…"))
        generation, fingerprint, path = self._generation, media.fingerprint, media.path
        self.waveform_task = run_task(
            lambda: compute_peaks(path),
            lambda peaks: self._peaks_ready(generation, fingerprint, peaks),
            lambda error: self._peaks_failed(generation, error_message(error)), owner=self)

    def _peaks_ready(self, generation: int, fingerprint: str, peaks: np.ndarray) -> None:
        project = self.controller.project
        if generation != self._generation or project is None:
            return  # another project was opened meanwhile
        keep_peaks(project, fingerprint, peaks)  # the video area may have cached them already
        self.canvas.set_waveform(BUCKETS_PER_SECOND, peaks)

    def _peaks_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.canvas.set_waveform(0.0, None, self.tr("no waveform: %1").replace("%1", message))
