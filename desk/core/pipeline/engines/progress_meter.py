"""How much of a window the batched decoder has handled, told several times per step.

One batched step of eight lanes takes several seconds on two cores, and a
lane's segments are only handed on when the lane is finished, so segments
alone would move a progress bar in bursts a minute or two apart. The meter
counts the seconds handled across all lanes instead: the audio before each
lane's position, every finished lane, and the pauses between lanes (they need
no decoding, so they count as handled at once). Within a step, the encoder
and decoder phases each credit their share of what a step is expected to
advance: the share of the audio read that earlier steps of the window really
advanced (a step often stops before the end of its 30 s), half before the first
step ends. Crediting half always made the bar jump at every step's end and the
early ETA twice too long. The figure never goes back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.engines.base import Progress

# Shares of one step's time (benchmarks/step_costs.py: encoder, decoder, word alignment).
ENCODE_SHARE = 0.4
DECODE_SHARE = 0.4
FIRST_CREDIT = 0.5  # what a step is expected to advance, before any step ended


class _Lane(Protocol):
    span: Window
    seek: float
    finished: bool


class ProgressMeter:
    """Turns lane positions into seconds of the window handled, for a `Progress` sink."""

    def __init__(self, duration: float, lanes: Sequence[_Lane], sink: Progress | None) -> None:
        self._duration = duration
        self._lanes = lanes
        self._sink = sink
        self._step_seconds = 0.0
        self._credit = 0.0
        self._last = 0.0
        self._read = 0.0  # audio read by the steps so far, and how far they moved the lanes
        self._advanced = 0.0
        self._remaining_before = self._remaining()

    def step(self, spans: Sequence[float]) -> None:
        """A step over audio of these lengths (one per lane) begins."""
        self._step_seconds = float(sum(spans))
        self._credit = 0.0
        self._remaining_before = self._remaining()

    def phase_done(self, share: float) -> None:
        """A phase worth `share` of the step is done."""
        self._credit += share
        expected = self._advanced / self._read if self._read > 0 else FIRST_CREDIT
        self._tell(self._credit * min(1.0, expected) * self._step_seconds)

    def report(self) -> None:
        """At a step boundary: the lanes' positions say it all."""
        if self._step_seconds > 0:
            self._read += self._step_seconds
            self._advanced += max(0.0, self._remaining_before - self._remaining())
            self._step_seconds = 0.0
        self._credit = 0.0
        self._tell(0.0)

    def _remaining(self) -> float:
        return sum(lane.span.end - lane.seek for lane in self._lanes if not lane.finished)

    def _tell(self, partial: float) -> None:
        if self._sink is None:
            return
        done = min(self._duration, max(self._last, self._duration - self._remaining() + partial))
        self._last = done
        self._sink(done)
