"""`desk --self-test` from the source tree: real libvlc, ffmpeg, Whisper weights, SQLite.

The frozen build runs the same code (test_frozen_build.py); here it is checked
quickly, including that a broken part gives a FAIL line and exit 1 rather than
a traceback.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk import selftest

pytestmark = pytest.mark.slow


def run_desk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desk", *args], capture_output=True, text=True,
                          timeout=240, env={**os.environ, **(env or {})}, check=False)


def test_self_test_passes_and_prints_one_line() -> None:
    done = run_desk("--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.strip().splitlines()
    assert line.startswith("desk self-test: PASS in ")
    assert "playback ok (libvlc 3." in line
    assert "transcription ok (" in line and "tiny.en (embedded)" in line
    assert "project ok (write, reopen, delete" in line
    assert "Traceback" not in done.stderr


def test_a_libvlc_that_cannot_load_fails_the_playback_check(tmp_path: Path) -> None:
    bogus = tmp_path / "libvlc.so.5"
    bogus.write_bytes(b"not a library")
    done = run_desk("--self-test", env={"PYTHON_VLC_LIB_PATH": str(bogus)})
    assert done.returncode == 1
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("desk self-test: FAIL")
    assert "playback FAILED (libvlc could not be loaded" in line
    # The other parts are still checked and reported.
    assert "transcription ok" in line and "project ok" in line
    assert "Traceback" not in done.stderr


def test_missing_sample_fails_without_touching_anything(tmp_path: Path) -> None:
    out = io.StringIO()
    assert selftest.run_self_test(tmp_path / "gone.mp4", out) == 1
    assert out.getvalue().startswith("desk self-test: FAIL")
    assert "sample FAILED (missing:" in out.getvalue()
    assert list(tmp_path.iterdir()) == []


def test_silence_is_not_a_transcript(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet.wav"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                    "anullsrc=r=16000:cl=mono", "-t", "12", str(quiet)], check=True)
    with pytest.raises(selftest.CheckFailed, match="heard 0 words"):
        selftest.check_transcription(quiet, start=0.0, seconds=10.0)


def test_project_check_leaves_no_file_behind(sample_media: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    assert "write, reopen, delete" in selftest.check_project(sample_media)
    assert list(tmp_path.iterdir()) == []
