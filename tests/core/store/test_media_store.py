"""The recording's record, its dead air, its level track and waveform cache (one each)."""

from __future__ import annotations

import numpy as np

from desk.core.records import Media, Silence
from desk.core.store import Project


def test_relinking_replaces_the_one_recording(tmp_project: Project) -> None:
    first = tmp_project.media.get()
    assert first is not None and tmp_project.media.duration() == 30.0
    moved = Media(path="/elsewhere/tone.mp4", size=first.size, fingerprint=first.fingerprint,
                  duration=30.0, has_video=True)
    stored = tmp_project.media.set(moved)
    assert stored.path == "/elsewhere/tone.mp4" and stored.fingerprint == first.fingerprint
    assert tmp_project.media.get() == stored


def test_dead_air_is_replaced_whole_and_rounded(tmp_project: Project) -> None:
    tmp_project.media.set_silences([Silence(0.0, 9.12345), Silence(20.0, 25.0)])
    tmp_project.media.set_silences([Silence(3.0, 4.0004)])
    assert [(s.start, s.end) for s in tmp_project.media.silences()] == [(3.0, 4.0)]


def test_waveform_is_cached_for_one_fingerprint(tmp_project: Project) -> None:
    peaks = np.array([[-0.5, 0.5], [-0.1, 0.25]], dtype=np.float32)
    tmp_project.media.set_waveform("s3:tone", 100.0, peaks)
    rate, cached = tmp_project.media.waveform("s3:tone")  # type: ignore[misc]
    assert rate == 100.0 and cached.dtype == np.float32 and (cached == peaks).all()
    assert tmp_project.media.waveform("s3:other") is None
    tmp_project.media.set_waveform("s3:other", 50.0, peaks[:1])
    assert tmp_project.media.waveform("s3:tone") is None  # one recording, one cache


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
