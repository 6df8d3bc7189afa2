"""Waveform peaks: computed once at one resolution, cached with the recording's fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.services.waveform import (
    BUCKETS_PER_SECOND,
    cached_peaks,
    compute_peaks,
    keep_peaks,
)
from desk.core.store import Project


def test_peaks_are_computed_cached_and_read_back(tmp_project: Project) -> None:
    media = tmp_project.media.get()
    assert media is not None and cached_peaks(tmp_project, media) is None
    peaks = compute_peaks(media.path)
    assert peaks.shape == (pytest.approx(30 * BUCKETS_PER_SECOND, abs=2), 2)
    assert 0.05 < float(peaks[:, 1].max()) <= 1.0
    keep_peaks(tmp_project, media.fingerprint, peaks)
    cached = cached_peaks(tmp_project, media)
    assert cached is not None and cached[0] == BUCKETS_PER_SECOND
    assert (cached[1] == peaks).all()
    keep_peaks(tmp_project, media.fingerprint, peaks[:10])  # already cached: kept as it was
    assert len(cached_peaks(tmp_project, media)[1]) == len(peaks)  # type: ignore[index]


def test_a_read_only_project_is_not_written(tmp_project: Project) -> None:
    media = tmp_project.media.get()
    assert media is not None
    path = Path(tmp_project.path)
    tmp_project.close()
    with Project.open(path, writable=False) as read_only:
        keep_peaks(read_only, media.fingerprint, compute_peaks(media.path)[:5])
        assert cached_peaks(read_only, media) is None
