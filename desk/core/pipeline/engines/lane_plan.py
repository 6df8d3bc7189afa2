"""Cutting one transcription window into lanes that can be decoded side by side.

Whisper reads 30 s at a time and, when it stops before the end of that audio,
continues from its last timestamp: each 30 s step depends on the one before.
To decode in batches anyway, a window is cut at pauses into lanes of about two
minutes; each lane runs Whisper's own sequential loop, and the current 30 s
of several lanes are decoded as one batch (see batched_decoder.py).

Pauses of 5 s or more are left out of every lane, so Whisper gets no long
silence to invent text in; shorter ones stay, as in Whisper's own windows.
The window's frame levels are kept, because a lane is finished as soon as no
sound is left in it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desk.core.pipeline.audio_windows import Window, plan_windows
from desk.core.pipeline.engines.base import SAMPLE_RATE
from desk.core.pipeline.silence import (
    FRAME_SECONDS,
    adaptive_threshold,
    find_silences,
    frame_levels_db,
)

LANE_TARGET_SECONDS = 120.0
LANE_MAX_SECONDS = 180.0
LANE_SKIP_SILENCE_SECONDS = 5.0
LANE_MIN_PAUSE_SECONDS = 0.2
STEP_SECONDS = 30.0  # what Whisper's encoder reads
STEP_MIN_SECONDS = 20.0  # a step is cut in a pause only this far in


@dataclass
class LanePlan:
    """The lanes of one window (times in seconds from the window's start)."""

    lanes: list[Window]
    levels_db: np.ndarray
    threshold_db: float
    pause_middles: np.ndarray  # sorted
    frame_seconds: float = FRAME_SECONDS

    def step_end(self, seek: float, lane_end: float) -> float:
        """Where a 30 s step from `seek` should stop: in the last pause before 30 s.

        Whisper transcribes whole sentences better than cut ones and then
        needs no second look at the cut (benchmarks/README.md).
        """
        limit = seek + STEP_SECONDS
        if lane_end <= limit:
            return lane_end
        first, last = np.searchsorted(self.pause_middles, [seek + STEP_MIN_SECONDS, limit])
        return float(self.pause_middles[last - 1]) if last > first else limit

    def has_sound(self, start: float, end: float) -> bool:
        """Whether any frame between `start` and `end` is louder than the pause threshold."""
        first = max(0, int(start / self.frame_seconds))
        last = min(self.levels_db.size, int(np.ceil(end / self.frame_seconds)))
        return bool(last > first and np.any(self.levels_db[first:last] >= self.threshold_db))


def plan_lanes(audio: np.ndarray, lanes_wanted: int = 8) -> LanePlan:
    """Lanes covering the sound in `audio` (16 kHz mono float32), enough to fill a batch.

    Lanes are about two minutes long, shorter in a short window so that
    `lanes_wanted` of them run side by side, but never shorter than one step.
    """
    duration = audio.size / SAMPLE_RATE
    share = duration / max(1, lanes_wanted)
    if share <= STEP_SECONDS:  # a short window: one step per lane
        target, longest = STEP_SECONDS - 3.0, STEP_SECONDS
    else:
        target = min(LANE_TARGET_SECONDS, share)
        longest = target * LANE_MAX_SECONDS / LANE_TARGET_SECONDS
    levels = frame_levels_db(audio, round(FRAME_SECONDS * SAMPLE_RATE))
    threshold = adaptive_threshold(levels)
    pauses = find_silences(
        levels, FRAME_SECONDS, threshold, LANE_MIN_PAUSE_SECONDS, duration=duration
    )
    lanes = plan_windows(
        duration,
        pauses,
        target=target,
        max_length=longest,
        skip_silences=LANE_SKIP_SILENCE_SECONDS,
        min_pause=LANE_MIN_PAUSE_SECONDS,
    )
    middles = np.array([(p.start + p.end) / 2 for p in pauses], dtype=np.float64)
    plan = LanePlan([], levels, threshold, middles)
    # A lane with no sound (the pad after a silence that ends the window) costs a step.
    plan.lanes = [lane for lane in lanes if plan.has_sound(lane.start, lane.end)]
    return plan
