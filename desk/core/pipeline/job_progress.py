"""A job's progress events: seconds handled, an ETA, and a heartbeat between them.

The engine tells how much of the current window it has handled (the
`Progress` channel of desk.core.pipeline.engines.base); this turns that into
`progress` events in recording time that never go back, with an ETA from the
work done so far (work handled per second of wall time, counted from the first
window, so model loading does not skew it), once 5 % of the work is done. Work
is speech seconds: a second of dead air counts `DEAD_AIR_WORK`, or a livestream
that starts 40 minutes late would make the early ETA several times too short.
When nothing was
reported for `heartbeat_seconds` (ffmpeg decoding the next window, a slow
step of a big model), the last event is repeated with its ETA counted down,
so the CLI bar and the window update at least that often. Events go out one
at a time under a lock: the heartbeat runs on its own thread.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from desk.core.pipeline.audio_windows import Window
from desk.core.records import Silence

HEARTBEAT_SECONDS = 2.0
MIN_INTERVAL_SECONDS = 0.5  # engine reports closer together than this are merged
# No ETA before this share of the work is done: the first step of a big batch is
# reported in lumps, and an early rate can be off several times (benchmarks/peers.py).
ETA_AFTER_SHARE = 0.05
# What a second of dead air costs the engine against a second of speech: measured 43–84x
# cheaper per minute on the long benchmark file (benchmarks/README.md, #18).
DEAD_AIR_WORK = 0.02


def window_work(window: Window, dead_air: Sequence[Silence] = ()) -> float:
    """What transcribing `window` costs, in seconds of speech."""
    dead = sum(max(0.0, min(window.end, s.end) - max(window.start, s.start)) for s in dead_air)
    return max(0.0, window.duration - dead * (1.0 - DEAD_AIR_WORK))


class JobProgress:
    """Progress of one job over its windows; see the module doc."""

    def __init__(self, emit: Callable[[Any], None], make_event: Callable[..., Any],
                 total: float, windows: Sequence[Window], done: float = 0.0,
                 dead_air: Sequence[Silence] = (),
                 heartbeat_seconds: float = HEARTBEAT_SECONDS) -> None:
        self._emit, self._make = emit, make_event
        self._dead_air = list(dead_air)
        self.total = total
        self._work_total = max(sum(window_work(w, self._dead_air) for w in windows), 1e-9)
        self.done = done  # recording time reached, for the bar
        self._work_before = 0.0  # work of the windows finished
        self._window: Window | None = None
        self._work = 0.0
        self._clock = time.monotonic()
        self._lock = threading.Lock()
        self._last_sent = 0.0
        self._eta: float | None = None
        self._eta_at = self._clock
        self._heartbeat = heartbeat_seconds

    def emit(self, event: Any) -> None:
        """Send any event of the job (one at a time; the heartbeat shares the channel)."""
        with self._lock:
            self._emit(event)
            self._last_sent = time.monotonic()

    def begin(self, window: Window) -> None:
        self._window = window

    def engine_progress(self, seconds: float) -> None:
        """The engine has handled `seconds` of the current window (the Progress channel)."""
        window = self._window
        if window is None:
            return
        self._advance(window.start + seconds, self._work_before + self._share(window, seconds))
        if time.monotonic() - self._last_sent >= MIN_INTERVAL_SECONDS:
            self.emit(self._event("progress"))

    def segments(self, ids: list[int], end: float) -> None:
        """Segments up to `end` were stored."""
        window = self._window
        work = self._work if window is None else max(
            self._work, self._work_before + self._share(window, end - window.start))
        self._advance(end, work)
        self.emit(self._event("segments", ids))

    def end(self, window: Window) -> None:
        """The window is done."""
        self._work_before += window_work(window, self._dead_air)
        self._advance(window.owned_until, self._work_before)
        self._window = None
        self.emit(self._event("progress"))

    def _share(self, window: Window, seconds: float) -> float:
        """The work of `seconds` handled of `window` (the engine's lanes run side by side,
        so a window's work is spread evenly over its seconds)."""
        if window.duration <= 0:
            return 0.0
        return window_work(window, self._dead_air) * min(1.0, max(0.0, seconds / window.duration))

    def _advance(self, done: float, work: float) -> None:
        self.done = min(self.total, max(self.done, done))
        self._work = max(self._work, work)
        elapsed = time.monotonic() - self._clock
        if self._work >= ETA_AFTER_SHARE * self._work_total and self._work > 0 and elapsed >= 1.0:
            self._eta = max(0.0, (self._work_total - self._work) * elapsed / self._work)
            self._eta_at = time.monotonic()

    def _event(self, kind: str, ids: list[int] | None = None) -> Any:
        eta = self._eta
        if eta is not None:
            eta = max(0.0, eta - (time.monotonic() - self._eta_at))
        return self._make(kind, done=self.done, total=self.total, eta=eta,
                          segment_ids=list(ids or []))

    @contextlib.contextmanager
    def heartbeat(self) -> Iterator[None]:
        """While inside, a quiet spell of `heartbeat_seconds` repeats the last progress event."""
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(self._heartbeat / 4):
                if time.monotonic() - self._last_sent >= self._heartbeat:
                    with contextlib.suppress(Exception):  # a closed channel ends the job anyway
                        self.emit(self._event("progress"))

        thread = threading.Thread(target=beat, name="progress-heartbeat", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
