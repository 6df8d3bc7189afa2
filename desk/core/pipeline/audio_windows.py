"""Planning transcription windows: where to cut a long recording for Whisper.

Whisper is fed windows of 10-20 minutes rather than the whole file, so a job
can report progress, resume after a crash and never hold hours of audio. The
plan follows the speech:

* Silences of at least `skip_silences` seconds are left out entirely (keeping
  `pad` seconds on each side so a soft first or last word is not clipped):
  40 minutes of dead air cost nothing, and Whisper gets no long silence to
  hallucinate in.
* A stretch of speech longer than `max_length` is split into near-equal
  windows close to `target` seconds; each cut is placed in the middle of the
  pause (>= `min_pause` s) nearest the ideal cut. Cuts in pauses need no
  overlap, so no words are transcribed twice.
* Only when there is no pause within reach (continuous speech over music, say)
  is the cut hard: both windows then extend `overlap` seconds past the cut for
  context, and each window *owns* only its side of the cut
  (`keep_from <= t < keep_until`). The job runner keeps a segment (or word)
  from a window only when the window owns its midpoint, so the overlap never
  yields duplicates. (Such a window's audio may exceed `max_length` by up to
  twice the overlap.)

All functions here are pure: times in, windows out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from desk.core.errors import InputError
from desk.core.records import Silence

TARGET_SECONDS = 900.0
MAX_SECONDS = 1200.0
SKIP_SILENCE_SECONDS = 10.0
MIN_PAUSE_SECONDS = 0.3
PAD_SECONDS = 0.5
HARD_CUT_OVERLAP_SECONDS = 1.0

W = TypeVar("W")


@dataclass(frozen=True)
class Window:
    """Audio from `start` to `end` is transcribed; results in [keep_from, keep_until) are kept.

    `keep_from`/`keep_until` default to `start`/`end`; they differ only at
    hard cuts and when resuming in the middle of a window.
    """

    start: float
    end: float
    keep_from: float | None = None
    keep_until: float | None = None

    def __post_init__(self) -> None:
        if self.keep_from is None:
            object.__setattr__(self, "keep_from", self.start)
        if self.keep_until is None:
            object.__setattr__(self, "keep_until", self.end)

    @property
    def duration(self) -> float:
        return self.end - self.start

    def owns(self, start: float, end: float | None = None) -> bool:
        """Whether a result at `start` (or spanning start..end, by midpoint) belongs here."""
        moment = start if end is None else (start + end) / 2
        return self.owned_from <= moment < self.owned_until

    @property
    def owned_from(self) -> float:
        return self.start if self.keep_from is None else self.keep_from

    @property
    def owned_until(self) -> float:
        return self.end if self.keep_until is None else self.keep_until

    def owned_words(self, start: float, end: float, words: Sequence[W],
                    times: Callable[[W], tuple[float, float]]) -> list[W] | None:
        """What of a segment (start..end, with `words`) this window may store.

        None: nothing. Otherwise the words it owns, each by its own midpoint (all
        of them, or [] for a segment without words that the window owns), so
        where windows overlap no word is stored twice.
        """
        if not words:
            return [] if self.owns(start, end) else None
        kept = [w for w in words if self.owns(*times(w))]
        return kept or None


def plan_windows(
    duration: float,
    silences: Iterable[Silence],
    target: float = TARGET_SECONDS,
    max_length: float = MAX_SECONDS,
    *,
    skip_silences: float = SKIP_SILENCE_SECONDS,
    min_pause: float = MIN_PAUSE_SECONDS,
    pad: float = PAD_SECONDS,
    overlap: float = HARD_CUT_OVERLAP_SECONDS,
) -> list[Window]:
    """Windows covering every non-skipped part of [0, duration], in time order.

    `silences` should include the short pauses (e.g. from
    `LevelTrack.silences(min_duration=0.3)`); they may be unsorted or overlap.
    """
    if duration < 0 or not math.isfinite(duration):
        raise InputError(f"recording length must be a positive number of seconds, not {duration}")
    if not 0 < target <= max_length:
        raise InputError(f"window target ({target} s) must be positive and at most the maximum")
    quiet = _merged(silences, duration)
    windows: list[Window] = []
    for start, end in _speech_regions(duration, quiet, skip_silences, pad):
        pauses = [(s, e) for s, e in quiet if e - s >= min_pause and start < s and e < end]
        windows += _split_region(start, end, pauses, target, max_length, overlap)
    return windows


def resume_point(windows: Sequence[Window], last_segment_end: float | None) -> list[Window]:
    """The windows that still need work when results exist up to `last_segment_end`.

    Windows owned entirely before that time are done. The window owning that
    time is returned trimmed: it keeps only results after `last_segment_end`,
    and its audio starts a second earlier for context, so a job interrupted in
    the middle of a window neither repeats nor loses a segment. Later windows
    are returned unchanged. `None` (nothing stored yet) returns every window.
    """
    if last_segment_end is None:
        return list(windows)
    remaining: list[Window] = []
    for window in windows:
        if window.owned_until <= last_segment_end:
            continue
        if window.owned_from < last_segment_end:
            window = Window(
                start=max(window.start, last_segment_end - 1.0),
                end=window.end,
                keep_from=last_segment_end,
                keep_until=window.owned_until,
            )
        remaining.append(window)
    return remaining


def _merged(silences: Iterable[Silence], duration: float) -> list[tuple[float, float]]:
    """Silences clipped to the recording, sorted, with overlapping ones joined."""
    spans = sorted(
        (max(0.0, s.start), min(duration, s.end)) for s in silences if s.end > s.start
    )
    merged: list[tuple[float, float]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _speech_regions(
    duration: float, quiet: list[tuple[float, float]], skip: float, pad: float
) -> list[tuple[float, float]]:
    """The parts of the recording between long silences, padded into the silences."""
    regions: list[tuple[float, float]] = []
    cursor = 0.0
    for start, end in quiet:
        if end - start < skip:
            continue
        keep = min(pad, (end - start) / 2)
        # A silence touching either end of the file needs no pad on that side.
        region_end = start + keep if start > 0 else 0.0
        if region_end > cursor:
            regions.append((cursor, region_end))
        cursor = end - keep if end < duration else duration
    if duration > cursor:
        regions.append((cursor, duration))
    return regions


def _split_region(
    start: float,
    end: float,
    pauses: list[tuple[float, float]],
    target: float,
    max_length: float,
    overlap: float,
) -> list[Window]:
    """Near-equal windows of about `target` s, cut in pauses, none over `max_length`."""
    windows: list[Window] = []
    cursor = start
    hard_cut_before = False
    while end - cursor > max_length:
        remaining = end - cursor
        parts = max(round(remaining / target), math.ceil(remaining / max_length))
        ideal = cursor + remaining / parts
        lowest, highest = cursor + (ideal - cursor) / 2, cursor + max_length
        middles = [(s + e) / 2 for s, e in pauses if lowest <= (s + e) / 2 <= highest]
        audio_start = cursor - overlap if hard_cut_before else cursor
        if middles:
            cut = min(middles, key=lambda m: abs(m - ideal))
            windows.append(Window(audio_start, cut, keep_from=cursor, keep_until=cut))
            hard_cut_before = False
        else:
            cut = ideal
            audio_end = min(cut + overlap, end)
            windows.append(Window(audio_start, audio_end, keep_from=cursor, keep_until=cut))
            hard_cut_before = True
        cursor = cut
    audio_start = cursor - overlap if hard_cut_before else cursor
    if end > cursor:
        windows.append(Window(audio_start, end, keep_from=cursor, keep_until=end))
    return windows
