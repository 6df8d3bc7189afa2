"""The recording's waveform peaks: cached in the project, computed once when missing.

The video area (audio-only recordings) and the timeline both draw these
peaks; they share one resolution so one cached copy serves both.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from desk.core.errors import DeskError
from desk.core.records import Media
from desk.core.store import Project

if TYPE_CHECKING:  # numpy is imported when peaks are computed or read
    import numpy as np

BUCKETS_PER_SECOND = 100.0  # 10 ms per bucket: still detailed when zoomed to words


def cached_peaks(project: Project, media: Media) -> tuple[float, np.ndarray] | None:
    """(buckets per second, peaks) stored for this recording's content, if any."""
    return project.media.waveform(media.fingerprint)


def compute_peaks(recording: Path | str) -> np.ndarray:
    """Min/max peaks of the whole recording (slow: streams it through ffmpeg)."""
    from desk.core.pipeline.decode import waveform_peaks

    return waveform_peaks(recording, BUCKETS_PER_SECOND)


def keep_peaks(project: Project, fingerprint: str, peaks: np.ndarray) -> None:
    """Cache computed peaks unless the project is read-only or has them already.

    A failure to cache costs only a recomputation next time, so it is not an error.
    """
    if project.writable and project.media.waveform(fingerprint) is None:
        with contextlib.suppress(DeskError):
            project.media.set_waveform(fingerprint, BUCKETS_PER_SECOND, peaks)
