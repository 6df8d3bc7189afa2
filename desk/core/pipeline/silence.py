"""Finding dead air: long stretches without speech, from the streamed audio.

An energy detector is enough here and is fast: the recording is streamed at
8 kHz through ffmpeg, cut into 30 ms frames, and each frame's RMS level is kept
in dBFS (a 2 h 40 min file gives 320 000 floats, about 1.3 MB). The threshold is
then chosen from the recording itself, so one setting works for a clean studio
file and a noisy phone capture:

* noise floor   = 10th percentile of the frames that are not digital silence,
* speech level  = 95th percentile of all frames,
* threshold     = noise + 35 % of the way to the speech level, but at least
  20 dB under the speech level and never above -30 dBFS.

If speech and noise are less than 10 dB apart (a uniform tone, steady music, or
nothing but hiss) there is no contrast to measure, and only sound quieter than
-60 dBFS counts as silence.

What counts as silence is *quiet*, not "no speech": a holding screen with
music, or loud crowd noise, is dead air to an analyst but not to this detector
unless it is quiet relative to the speech. Such stretches are transcribed (and
Whisper usually returns nothing or marks them as music).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desk.core.pipeline.decode import iter_audio
from desk.core.records import Silence

FRAME_SECONDS = 0.03
SCAN_RATE = 8_000  # speech energy is below 4 kHz; half the decode cost of 16 kHz
DEAD_AIR_SECONDS = 2.0  # shortest stretch reported as a gap in the timeline
PAUSE_SECONDS = 0.3  # shortest pause a transcription window may be cut in
_DIGITAL_SILENCE_DB = -90.0
_FLOOR_DB = -100.0
_NO_CONTRAST_DB = 10.0
_QUIET_DB = -60.0
_CEILING_DB = -30.0


@dataclass
class LevelTrack:
    """The RMS level of every frame of a recording, in dBFS.

    Scanning is the slow part, so a track is measured once and asked for
    silences at several lengths (2 s gaps for the timeline, 0.3 s pauses for
    planning transcription windows).
    """

    levels_db: np.ndarray
    frame_seconds: float
    duration: float

    def threshold_db(self) -> float:
        """The level under which a frame is silent, adapted to this recording."""
        return adaptive_threshold(self.levels_db)

    def silences(
        self,
        min_duration: float = DEAD_AIR_SECONDS,
        threshold_db: float | None = None,
        bridge_seconds: float = 0.1,
    ) -> list[Silence]:
        """Quiet stretches of at least `min_duration` seconds, in time order."""
        threshold = self.threshold_db() if threshold_db is None else threshold_db
        return find_silences(
            self.levels_db,
            self.frame_seconds,
            threshold,
            min_duration,
            bridge_seconds=bridge_seconds,
            duration=self.duration,
        )


def detect_silences(
    path: Path | str,
    min_duration: float = DEAD_AIR_SECONDS,
    on_progress: Callable[[float], None] | None = None,
) -> list[Silence]:
    """Dead air of at least `min_duration` seconds in a recording (see module doc)."""
    return measure_levels(path, on_progress=on_progress).silences(min_duration)


def measure_levels(
    path: Path | str,
    frame_seconds: float = FRAME_SECONDS,
    sample_rate: int = SCAN_RATE,
    on_progress: Callable[[float], None] | None = None,
) -> LevelTrack:
    """Stream the recording once and keep one RMS level per frame.

    `on_progress(seconds_done)` is called after every chunk; it may raise
    (e.g. JobCancelled) to stop the scan, which also stops ffmpeg.
    """
    frame_length = max(1, round(frame_seconds * sample_rate))
    parts: list[np.ndarray] = []
    carry = np.zeros(0, dtype=np.float32)
    total = 0
    with contextlib.closing(iter_audio(path, chunk_seconds=60.0, sample_rate=sample_rate)) as audio:
        for chunk in audio:
            total += chunk.size
            samples = np.concatenate([carry, chunk]) if carry.size else chunk
            whole = samples.size - samples.size % frame_length
            parts.append(frame_levels_db(samples[:whole], frame_length))
            carry = samples[whole:]
            if on_progress is not None:
                on_progress(total / sample_rate)
    if carry.size:
        parts.append(frame_levels_db(carry, carry.size))
    levels = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
    return LevelTrack(levels, frame_length / sample_rate, total / sample_rate)


def frame_levels_db(samples: np.ndarray, frame_length: int) -> np.ndarray:
    """RMS level in dBFS of each consecutive frame (a full-scale sine is -3 dB).

    Digital silence is clipped to -100 dB so it stays a finite number.
    """
    count = samples.size // frame_length
    if count == 0:
        return np.zeros(0, dtype=np.float32)
    frames = samples[: count * frame_length].reshape(count, frame_length).astype(np.float64)
    power = np.einsum("ij,ij->i", frames, frames) / frame_length
    levels: np.ndarray = np.log10(np.maximum(power, 10 ** (_FLOOR_DB / 10))) * 10.0
    return levels.astype(np.float32)


def adaptive_threshold(levels_db: np.ndarray) -> float:
    """Silence threshold in dBFS from the recording's own noise floor and speech level."""
    if levels_db.size == 0:
        return _QUIET_DB
    sounding = levels_db[levels_db > _DIGITAL_SILENCE_DB]
    if sounding.size == 0:
        return _DIGITAL_SILENCE_DB  # nothing but digital silence
    noise = float(np.percentile(sounding, 10))
    speech = float(np.percentile(levels_db, 95))
    if speech - noise < _NO_CONTRAST_DB:
        return _QUIET_DB
    return min(noise + 0.35 * (speech - noise), speech - 20.0, _CEILING_DB)


def find_silences(
    levels_db: np.ndarray,
    frame_seconds: float,
    threshold_db: float,
    min_duration: float,
    bridge_seconds: float = 0.1,
    duration: float | None = None,
) -> list[Silence]:
    """Runs of frames under the threshold lasting at least `min_duration`.

    Sound shorter than `bridge_seconds` between two quiet runs (a click, a
    cough on a muted line) does not split them. Times are clipped to
    `duration` when given (the last frame may be partial).
    """
    quiet = levels_db < threshold_db
    if quiet.size == 0:
        return []
    bridge_frames = round(bridge_seconds / frame_seconds)
    if bridge_frames > 0:
        quiet = _fill_short_gaps(quiet, bridge_frames)
    starts, ends = _runs(quiet)
    end_limit = duration if duration is not None else quiet.size * frame_seconds
    found = []
    for first, stop in zip(starts, ends, strict=True):
        start = float(first) * frame_seconds
        end = min(float(stop) * frame_seconds, end_limit)
        if end - start >= min_duration - 1e-9:
            found.append(Silence(start=round(start, 3), end=round(end, 3)))
    return found


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and stop (exclusive) indices of the True runs in a boolean array."""
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.diff(padded)
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _fill_short_gaps(quiet: np.ndarray, max_frames: int) -> np.ndarray:
    """Mark short loud runs that sit between two quiet runs as quiet."""
    loud_starts, loud_ends = _runs(~quiet)
    filled = quiet.copy()
    for first, stop in zip(loud_starts, loud_ends, strict=True):
        if stop - first <= max_frames and first > 0 and stop < quiet.size:
            filled[first:stop] = True
    return filled
