"""Finding ffmpeg (the only FFmpeg program Desk runs), and the hint shown when it is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk.core.errors import MediaError
from desk.core.pipeline import ffmpeg_tools
from desk.core.pipeline.ffmpeg_tools import FFMPEG_HINT, ffmpeg_path


def test_ffmpeg_is_found_on_path() -> None:
    assert Path(ffmpeg_path()).name.startswith("ffmpeg")
    assert os.access(ffmpeg_path(), os.X_OK)
    assert not hasattr(ffmpeg_tools, "ffprobe_path")  # Desk never runs ffprobe


def test_a_missing_ffmpeg_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MediaError) as caught:
        ffmpeg_path()
    assert str(caught.value) == f"ffmpeg was not found; {FFMPEG_HINT}"
    assert "apt install ffmpeg" in FFMPEG_HINT
