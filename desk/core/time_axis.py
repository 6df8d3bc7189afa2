"""Time axes for pictures of a recording: where the ticks go and how they read.

Both the timeline (zoomable from two hours down to single words) and the
statistics picture label a horizontal time axis; ticks fall on round times
(5 s, 1 min, 15 min, ...) whatever the zoom, so analysts can read them.
"""

from __future__ import annotations

import math

from desk.core.timecode import format_time

# Steps a tick may take, in seconds: round numbers on a clock.
NICE_STEPS = (
    0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30,
    60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
)


def tick_step(seconds_per_pixel: float, min_pixels: float = 80.0) -> float:
    """The smallest nice step whose ticks are at least `min_pixels` apart."""
    wanted = seconds_per_pixel * min_pixels
    for step in NICE_STEPS:
        if step >= wanted:
            return float(step)
    return float(NICE_STEPS[-1])


def ticks(start: float, end: float, step: float) -> list[float]:
    """Multiples of `step` in [start, end]."""
    if step <= 0 or end < start:
        return []
    first = math.ceil(start / step - 1e-9)
    last = math.floor(end / step + 1e-9)
    return [round(i * step, 6) for i in range(first, last + 1)]


def tick_label(seconds: float, step: float) -> str:
    """`1:02:00`, `12:30`, `12:30.5`: as short as the step allows."""
    if step < 1:
        decimals = 1 if step >= 0.1 else 2
        whole = format_time(math.floor(seconds))
        fraction = f"{seconds - math.floor(seconds):.{decimals}f}"[1:]
        return _trim_hours(whole) + fraction
    return _trim_hours(format_time(seconds))


def _trim_hours(text: str) -> str:
    return text[3:] if text.startswith("00:") else text
