"""Playback with libvlc, and a playhead that moves smoothly.

libvlc reports the time only every 250–500 ms. The transcript highlight and
the slider need ~30 updates a second, so between two reports the position is
interpolated from a monotonic clock times the playback rate, and re-anchored
whenever libvlc reports a new time. The player polls libvlc from a Qt timer
instead of using libvlc's event callbacks, which run on libvlc's own threads.

Without libvlc the player still exists (`available` is False): every method
is a harmless no-op, so the rest of the app needs no special cases.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desk.ui.vlc_loader import VlcUnavailable, create_instance, load_vlc

log = logging.getLogger(__name__)

TICK_MS = 33  # ~30 Hz while playing
MIN_RATE, MAX_RATE = 0.5, 2.0
_JUMP = 0.75  # a report this far from the interpolated time is a discontinuity (seek)
DEFAULT_FRAME = 0.04  # 25 fps: the step before libvlc knows the rate, and for audio


class Player(QObject):
    """One recording's playback; the contract the transcript and the tagging rely on."""

    position_changed = Signal(float)
    playing_changed = Signal(bool)
    duration_changed = Signal(float)
    rate_changed = Signal(float)
    volume_changed = Signal(int, bool)  # volume 0-100, muted
    media_ended = Signal()
    range_changed = Signal()  # a segment started or stopped playing, a loop began or ended
    error = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unavailable_reason: str | None = None
        self._vlc: Any = None
        self._instance: Any = None
        self._mp: Any = None
        try:
            self._vlc = load_vlc()
            self._instance = create_instance()
            self._mp = self._instance.media_player_new()
        except VlcUnavailable as exc:
            self.unavailable_reason = str(exc)
        self._path: Path | None = None
        self._duration = 0.0
        self._rate = 1.0
        self._playing = False
        self._ended = False
        self._anchor_pos = 0.0  # seconds at the last anchor
        self._anchor_clock = time.monotonic()
        self._last_report: int | None = None  # libvlc's last get_time() (ms)
        self._stale_report: int | None = None  # a pre-seek report to ignore
        self._shown = 0.0  # last emitted position
        self._pending_seek: float | None = None
        self._volume = 100
        self._muted = False
        self._audio_applied = False
        self._started = False  # libvlc reached "Playing" since the last play()
        self._play_from = 0.0
        self._range: tuple[float, float, bool] | None = None  # start, end, loop
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # -- setup -----------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._mp is not None

    def attach(self, widget: QWidget) -> None:
        """Let libvlc draw into `widget`'s native window (not possible offscreen)."""
        if self._mp is None:
            return
        platform = QGuiApplication.platformName()
        handle = int(widget.winId())
        if sys.platform.startswith("win"):
            self._mp.set_hwnd(handle)
        elif sys.platform == "darwin":
            self._mp.set_nsobject(handle)
        elif platform == "xcb":
            self._mp.set_xwindow(handle)
        else:
            log.info("no native video output on the %s platform", platform)

    def load(self, path: Path | str, duration: float = 0.0) -> None:
        """Open a recording, paused at 0 (nothing plays until play())."""
        self.unload()
        self._path = Path(path)
        self._duration = max(0.0, duration)
        self._set_shown(0.0, emit=True)
        self.duration_changed.emit(self._duration)
        if self._mp is None:
            return
        media = self._instance.media_new_path(str(self._path))
        self._mp.set_media(media)
        media.release()

    def unload(self) -> None:
        if self._mp is not None and self._path is not None:
            self._mp.stop()
            self._mp.set_media(None)
        self._path = None
        self._pending_seek = None
        self._last_report = None
        self._stale_report = None
        self._ended = False
        self.stop_range()
        self._set_playing(False)

    def release(self) -> None:
        """Free libvlc (at shutdown); the player is unusable afterwards."""
        self.unload()
        if self._mp is not None:
            self._mp.release()
            self._instance.release()
        self._mp = None
        self._instance = None

    @property
    def path(self) -> Path | None:
        return self._path

    # -- the contract ---------------------------------------------------------------
    def play(self) -> None:
        if self._mp is None or self._path is None:
            return
        if self._ended or self._shown >= self._duration > 0:
            # libvlc cannot resume an ended media: restart from the top.
            self._mp.stop()
            self._ended = False
            self._pending_seek = self._pending_seek or 0.0
            self._set_shown(self._pending_seek, emit=True)
        self._mp.set_rate(self._rate)
        self._audio_applied = False
        self._started = False
        self._play_from = self._shown
        if self._mp.play() == -1:
            self.error.emit(self.tr("This recording cannot be played (unsupported or corrupt)."))
            return
        self._anchor(self._shown)
        self._set_playing(True)

    def pause(self) -> None:
        self.stop_range()
        if self._mp is None or not self._playing:
            return
        self._mp.set_pause(1)
        self._set_shown(self._current(), emit=True)
        self._set_playing(False)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def is_playing(self) -> bool:
        return self._playing

    def position(self) -> float:
        return self._current() if self._playing else self._shown

    def duration(self) -> float:
        return self._duration

    def seek(self, seconds: float) -> None:
        """Jump to a time; applied as soon as libvlc can (it cannot seek a stopped media)."""
        upper = self._duration if self._duration > 0 else max(0.0, seconds)
        target = min(max(0.0, seconds), upper)
        self._ended = False
        if self._mp is not None and self._path is not None and self._seekable():
            self._mp.set_time(int(target * 1000))
            self._stale_report = self._last_report
        else:
            self._pending_seek = target
        self._anchor(target)
        self._set_shown(target, emit=True)

    def skip(self, seconds: float) -> None:
        self.seek(self.position() + seconds)

    def frame_seconds(self) -> float:
        """One video frame: libvlc's frame rate once it knows it, else DEFAULT_FRAME."""
        fps = self._mp.get_fps() if self._mp is not None and self._path is not None else 0.0
        return 1.0 / fps if fps and fps > 1 else DEFAULT_FRAME

    def step_frames(self, frames: int) -> None:
        """Pause and move by whole frames (the analyst looks for the exact moment)."""
        if self._playing:
            self.pause()
        frame = self.frame_seconds()
        current = round(self.position() / frame)
        self.seek((current + frames) * frame)

    # -- playing a range: one segment, or a selection in a loop ---------------------------
    def play_range(self, start: float, end: float, loop: bool = False) -> None:
        """Play [start, end] and stop at its end, or start over there when `loop`."""
        if end <= start or self._mp is None or self._path is None:
            return
        self.seek(start)
        self.play()
        self._range = (start, end, loop)
        self.range_changed.emit()

    def playing_range(self) -> tuple[float, float, bool] | None:
        return self._range

    def stop_range(self) -> None:
        if self._range is not None:
            self._range = None
            self.range_changed.emit()

    def _check_range(self) -> None:
        if self._range is None:
            return
        start, end, loop = self._range
        if self._shown < end:
            return
        if loop:
            self.seek(start)
        else:
            self.pause()
            self.seek(end)

    # -- rate and volume ---------------------------------------------------------------
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate: float) -> None:
        rate = round(min(MAX_RATE, max(MIN_RATE, rate)), 1)
        if rate == self._rate:
            return
        position = self.position()
        self._rate = rate
        if self._mp is not None:
            self._mp.set_rate(rate)
        self._anchor(position)
        self.rate_changed.emit(rate)

    def volume(self) -> int:
        return self._volume

    def set_volume(self, volume: int) -> None:
        """Kept here and re-applied once playing: libvlc forgets it without an audio output."""
        self._volume = max(0, min(100, int(volume)))
        self._apply_audio()
        self.volume_changed.emit(self._volume, self._muted)

    def is_muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        self._apply_audio()
        self.volume_changed.emit(self._volume, self._muted)

    def _apply_audio(self) -> None:
        if self._mp is not None:
            self._mp.audio_set_volume(self._volume)
            self._mp.audio_set_mute(self._muted)

    # -- the clock -------------------------------------------------------------------------
    def _seekable(self) -> bool:
        state = self._mp.get_state()
        return state in (self._vlc.State.Playing, self._vlc.State.Paused)

    def _anchor(self, position: float) -> None:
        self._anchor_pos = position
        self._anchor_clock = time.monotonic()

    def _interpolated(self) -> float:
        value = self._anchor_pos + (time.monotonic() - self._anchor_clock) * self._rate
        return min(value, self._duration) if self._duration > 0 else value

    def _current(self) -> float:
        value = self._interpolated()
        if self._shown - _JUMP < value < self._shown:
            return self._shown  # a late report pulled the clock back a little: hold
        return value

    def _set_shown(self, value: float, emit: bool) -> None:
        self._shown = value
        if emit:
            self.position_changed.emit(value)

    def _set_playing(self, playing: bool) -> None:
        if playing == self._playing:
            return
        self._playing = playing
        if playing:
            self._timer.start()
        else:
            self._timer.stop()
        self.playing_changed.emit(playing)

    def _tick(self) -> None:
        """Poll libvlc, re-anchor on a fresh report, emit the interpolated time."""
        if self._mp is None:
            return
        state = self._mp.get_state()
        vlc_state = self._vlc.State
        if state == vlc_state.Ended:
            if self._started:
                self._on_end()
            else:
                self._on_unplayable()
            return
        if state == vlc_state.Error:
            self._set_playing(False)
            self.error.emit(self.tr("Playback failed: the recording is unsupported or corrupt."))
            return
        if state == vlc_state.Playing:
            # libvlc passes through Playing for a moment even on garbage it cannot demux;
            # only a known length or a moving clock shows the recording really started.
            if self._mp.get_length() > 0 or self._mp.get_time() > 0:
                self._started = True
            if not self._audio_applied:
                self._apply_audio()
                self._audio_applied = True
            if self._pending_seek is not None:
                self._mp.set_time(int(self._pending_seek * 1000))
                self._stale_report = self._last_report
                self._anchor(self._pending_seek)
                self._pending_seek = None
            self._accept_report(self._mp.get_time())
            if self._duration <= 0:
                length = self._mp.get_length()
                if length > 0:
                    self._duration = length / 1000
                    self.duration_changed.emit(self._duration)
        self._set_shown(self._current(), emit=True)
        self._check_range()

    def _accept_report(self, reported_ms: int) -> None:
        if reported_ms is None or reported_ms < 0 or reported_ms == self._last_report:
            return
        if self._stale_report is not None and reported_ms == self._stale_report:
            return
        self._stale_report = None
        self._last_report = reported_ms
        self._anchor(reported_ms / 1000)

    def _on_unplayable(self) -> None:
        """libvlc "ended" without ever playing: the file is not something it can decode."""
        self._mp.stop()
        self._anchor(self._play_from)
        self._set_shown(self._play_from, emit=True)
        self._set_playing(False)
        self.error.emit(self.tr("This recording cannot be played (unsupported or corrupt)."))

    def _on_end(self) -> None:
        self.stop_range()
        self._ended = True
        end = self._duration if self._duration > 0 else self._interpolated()
        self._anchor(end)
        self._set_shown(end, emit=True)
        self._set_playing(False)
        self.media_ended.emit()
