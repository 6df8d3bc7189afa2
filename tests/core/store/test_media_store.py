"""The recording's level track is stored exactly and belongs to one recording."""

from __future__ import annotations

import numpy as np

from desk.core.store import Project


def test_the_level_track_comes_back_exactly_and_only_for_its_recording(
        tmp_project: Project) -> None:
    levels = np.linspace(-100.0, -3.0, 1000, dtype=np.float32)
    assert tmp_project.media.level_track("s3:tone") is None
    tmp_project.media.set_level_track("s3:tone", 0.03, 30.0, levels)
    frame_seconds, duration, stored = tmp_project.media.level_track("s3:tone")
    assert (frame_seconds, duration) == (0.03, 30.0)
    assert stored.dtype == np.float32 and np.array_equal(stored, levels)
    assert tmp_project.media.level_track("s3:another") is None
    tmp_project.media.set_level_track("s3:another", 0.03, 30.0, levels[:10])
    assert tmp_project.media.level_track("s3:tone") is None  # one recording, one track
