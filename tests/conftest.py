"""Fixtures shared by the whole suite: real media made with ffmpeg, real project files."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt runs without a screen unless a test starts Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.resources import resource_path
from desk.core.store import Project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep logs, settings and the demo copy out of the developer's home."""
    base = tmp_path_factory.getbasetemp() / "user-dirs"
    monkeypatch.setenv("DESK_LOG_DIR", str(base / "logs"))
    monkeypatch.setenv("DESK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("DESK_ANNOTATOR", "tester")
    monkeypatch.setenv("DESK_CONFIG_DIR", str(base / "config"))
    # Converted weights (tiny.en as .pt, ~75 MB) are made once per test session, not in ~.
    monkeypatch.setenv("DESK_MODEL_DIR", str(base / "models"))


def make_media(path: Path, seconds: float = 30.0, video: bool = True,
               audio: str = "sine=frequency=440") -> Path:
    """A real recording: a tone (or any lavfi audio source), optionally with a video track."""
    cmd = ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"{audio}:d={seconds}"]
    if video:
        cmd += ["-f", "lavfi", "-i", f"color=c=navy:s=160x90:r=10:d={seconds}",
                "-c:v", "libx264", "-pix_fmt", "yuv420p"]
    cmd += ["-c:a", "aac", "-shortest", str(path)]
    subprocess.run(cmd, check=True)
    return path


@pytest.fixture(scope="session")
def tone_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 s of tone with a small video track (session-wide, read-only)."""
    return make_media(tmp_path_factory.mktemp("media") / "tone.mp4")


@pytest.fixture(scope="session")
def sample_media() -> Path:
    """The bundled sample recording (what `desk demo` opens)."""
    path = resource_path("sample", "sample.mp4")
    assert path.is_file(), f"sample recording missing: {path}"
    return path


@pytest.fixture
def tmp_project(tmp_path: Path, tone_media: Path) -> Iterator[Project]:
    """A fresh project on the 30 s tone, with the default codebook."""
    project = Project.create(tmp_path / "test.desk", media=probe(tone_media),
                             codebook=load_codebook("trump-musk-x-2024"))
    yield project
    project.close()
