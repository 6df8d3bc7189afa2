"""Knowing a recording: its streams and length, and a fingerprint that survives a move."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk.core.errors import MediaError
from desk.core.pipeline.media import fingerprint, probe
from tests.conftest import make_media


def test_probe_describes_video_and_audio_only_recordings(tmp_path: Path,
                                                         tone_media: Path) -> None:
    video = probe(tone_media)
    assert video.has_video and video.has_audio
    assert video.duration == pytest.approx(30.0, abs=0.1)
    assert video.size == tone_media.stat().st_size and Path(video.path).is_absolute()
    audio = probe(make_media(tmp_path / "talk.m4a", seconds=4, video=False))
    assert not audio.has_video and audio.duration == pytest.approx(4.0, abs=0.1)


def test_the_fingerprint_follows_the_content_not_the_name(tmp_path: Path,
                                                          tone_media: Path) -> None:
    moved = tmp_path / "renamed copy.mp4"
    shutil.copy(tone_media, moved)
    assert fingerprint(moved) == fingerprint(tone_media) == probe(moved).fingerprint
    with moved.open("r+b") as handle:  # same size, one byte changed in the middle
        handle.seek(moved.stat().st_size // 2)
        handle.write(b"\xff")
    assert fingerprint(moved) != fingerprint(tone_media)


def test_what_is_not_a_recording_is_named(tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("not a video", encoding="utf-8")
    with pytest.raises(MediaError, match=r"notes\.mp4 is not a readable recording"):
        probe(text)
    with pytest.raises(MediaError, match="recording not found"):
        probe(tmp_path / "gone.mp4")
