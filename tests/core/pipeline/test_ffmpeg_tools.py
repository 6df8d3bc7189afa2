"""Finding ffmpeg and ffprobe, and the one hint shown when they are missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk.core.errors import MediaError
from desk.core.pipeline.ffmpeg_tools import FFMPEG_HINT, ffmpeg_path, ffprobe_path


def test_both_tools_are_found_on_path() -> None:
    assert Path(ffmpeg_path()).name.startswith("ffmpeg")
    assert Path(ffprobe_path()).name.startswith("ffprobe")
    assert os.access(ffprobe_path(), os.X_OK)


def test_a_missing_tool_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    for find, name in ((ffmpeg_path, "ffmpeg"), (ffprobe_path, "ffprobe")):
        with pytest.raises(MediaError) as caught:
            find()
        assert str(caught.value) == f"{name} was not found; {FFMPEG_HINT}"
    assert "apt install ffmpeg" in FFMPEG_HINT
