"""The usual reading of a reliability figure (Krippendorff 2004, 2019).

α ≥ 0.800: reliable enough to draw conclusions; 0.667 ≤ α < 0.800: only
tentative conclusions; below that the coding is not reliable. Desk prints the
reading beside every coefficient, κ and γ included, as a reading aid: the
thresholds were set for α, and a methods section should name the coefficient.
"""

from __future__ import annotations

import math

RELIABLE = 0.800
TENTATIVE = 0.667
READINGS = ("reliable", "tentative", "unreliable", "not defined")


def reading(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "not defined"
    if value >= RELIABLE:
        return "reliable"
    if value >= TENTATIVE:
        return "tentative"
    return "unreliable"


def threshold_note() -> str:
    return f"α ≥ {RELIABLE:.3f} reliable, ≥ {TENTATIVE:.3f} tentative (Krippendorff)"
