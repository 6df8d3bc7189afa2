"""Fixtures shared by the whole suite: real media made with ffmpeg, real project files."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.guard_site import sitecustomize as open_guard

# Qt runs without a screen unless a test starts Xvfb itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.records import Segment, Transcript, Word
from desk.core.resources import resource_path
from desk.core.store import Project

REPO = Path(__file__).resolve().parents[1]

# No plain file I/O on an open project, here and in every Python child (see open_guard).
open_guard.install()
os.environ["DESK_OPEN_GUARD"] = "1"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(Path(open_guard.__file__).parent), *filter(None, [os.environ.get("PYTHONPATH")])])


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


@pytest.fixture(autouse=True)
def _no_plain_io_on_open_projects() -> Iterator[None]:
    """Fail the test if anything opened a project file behind SQLite's back."""
    before = len(open_guard.violations)
    yield
    assert open_guard.violations[before:] == []


def undo_hot_journal(path: Path) -> None:
    """What a killed rollback-mode change (an upgrade) left is undone by SQLite's next writable
    opening, as Desk's own reading does (database.py); a read-only one may not do it."""
    journal = Path(f"{path}-journal")
    if journal.exists() and journal.stat().st_size > 0:
        conn = sqlite3.connect(Path(path).resolve().as_uri(), uri=True)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()


def project_digest(path: Path) -> str:
    """A hash of the project's content as SQLite sees it (WAL included).

    Read through SQLite, never with plain file I/O: the file may be open in
    this very process (see open_guard).
    """
    undo_hot_journal(path)
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for pragma in ("application_id", "user_version"):
            digest.update(f"{pragma}={conn.execute(f'PRAGMA {pragma}').fetchone()[0]}\n".encode())
        for line in conn.iterdump():
            digest.update(line.encode() + b"\n")
    finally:
        conn.close()
    return digest.hexdigest()


@contextlib.contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """`folder` where nothing can be written: a read-only bind mount as root, else chmod.

    Root ignores file modes, so only a mount makes a folder truly read-only for
    it (as a CD, a write-protected stick or a read-only network share are).
    """
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield folder
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    view = folder.with_name(folder.name + "-ro")
    view.mkdir()
    if subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True,
                      check=False).returncode != 0:
        view.rmdir()
        pytest.skip("root ignores file modes, and this container may not mount: "
                    "no way to make a folder read-only here")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        yield view
    finally:
        subprocess.run(["umount", "--lazy", str(view)], check=True)
        view.rmdir()


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


@pytest.fixture(scope="session")
def speech(tmp_path_factory: pytest.TempPathFactory, sample_media: Path) -> Path:
    """Ten seconds of the sample's talk (after its dead air), as an audio file."""
    path = tmp_path_factory.mktemp("speech") / "talk.m4a"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-ss", "18", "-t", "10", "-i",
                    str(sample_media), "-vn", "-c:a", "aac", str(path)], check=True)
    return path


@pytest.fixture
def tmp_project(tmp_path: Path, tone_media: Path) -> Iterator[Project]:
    """A fresh project on the 30 s tone, with the default codebook."""
    project = Project.create(tmp_path / "test.desk", media=probe(tone_media),
                             codebook=load_codebook("trump-musk-x-2024"))
    yield project
    project.close()


def sample_truth(with_speakers: bool = True) -> list[Segment]:
    """The sample's true utterances as segments, words spread evenly over each."""
    import json

    truth = json.loads((REPO / "transcripts" / "sample.truth.json").read_text())
    segments = []
    for u in truth["utterances"]:
        tokens = u["text"].split()
        step = (u["end"] - u["start"]) / len(tokens)
        words = [Word(u["start"] + i * step, u["start"] + (i + 1) * step, t)
                 for i, t in enumerate(tokens)]
        segments.append(Segment(u["start"], u["end"], u["text"], words,
                                speaker=u["speaker"] if with_speakers else None))
    return segments


def project_with_transcript(path: Path, media: Path, segments: list[Segment]) -> Path:
    """A project on `media` whose current transcript is `segments` (no Whisper needed)."""
    info = probe(media)
    with Project.create(path, media=info) as project:
        project.versions.add(Transcript("truth", "none", total=info.duration), segments,
                             "the true transcript")
    return path


@pytest.fixture
def truth_project(tmp_path: Path, sample_media: Path) -> Path:
    """The sample recording with its true transcript and no speakers yet."""
    return project_with_transcript(tmp_path / "sample.desk", sample_media,
                                   sample_truth(with_speakers=False))
