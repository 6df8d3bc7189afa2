"""`desk --self-test` from the source tree: real libvlc, ffmpeg, Whisper weights, SQLite.

The frozen build runs the same code (test_frozen_build.py); here it is checked
quickly, including that a broken part gives a FAIL line and exit 1 rather than
a traceback.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk import selftest

pytestmark = pytest.mark.slow

PARTS = ("playback", "model", "transcription", "project", "export")


def run_desk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desk", *args], capture_output=True, text=True,
                          timeout=240, env={**os.environ, **(env or {})}, check=False)


RUN_WITH_MANIFEST = """
import sys
from pathlib import Path
from desk.selftest import run_self_test
sys.exit(run_self_test(manifest=Path(sys.argv[1])))
"""


def run_with_manifest(manifest: dict, tmp_path: Path, env: dict[str, str]
                      ) -> subprocess.CompletedProcess:
    """The self-test of a build whose manifest says `manifest`, as a frozen app reads it."""
    path = tmp_path / selftest.MANIFEST_NAME
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return subprocess.run([sys.executable, "-c", RUN_WITH_MANIFEST, str(path)],
                          capture_output=True, text=True, timeout=240,
                          env={**os.environ, **env}, check=False)


def broken_libvlc(tmp_path: Path) -> dict[str, str]:
    bogus = tmp_path / "libvlc.so.5"
    bogus.write_bytes(b"not a library")
    return {"PYTHON_VLC_LIB_PATH": str(bogus)}


def test_self_test_reports_each_part_and_passes() -> None:
    done = run_desk("--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    *parts, line = done.stdout.strip().splitlines()
    assert [p.split(":")[0].strip() for p in parts] == list(PARTS)
    assert all(": ok in " in p for p in parts), parts
    assert line.startswith("desk self-test: PASS in ")
    assert "playback ok (libvlc 3." in line
    assert "model ok (faster tiny.en (embedded)" in line
    assert "transcription ok (" in line and "tiny.en (embedded)" in line
    assert "through the job child" in line  # the app's real child process, not in-process
    assert "project ok (write, reopen, delete" in line
    assert "export ok (docx " in line and ", clip " in line
    assert "Traceback" not in done.stderr


def test_a_libvlc_that_cannot_load_fails_the_playback_check(tmp_path: Path) -> None:
    done = run_desk("--self-test", env=broken_libvlc(tmp_path))
    assert done.returncode == 1
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("desk self-test: FAIL")
    assert "playback FAILED (libvlc could not be loaded" in line
    # The other parts are still checked and reported.
    assert "transcription ok" in line and "project ok" in line and "export ok" in line
    assert "Traceback" not in done.stderr


def test_a_build_without_libvlc_says_so_and_passes_the_rest(tmp_path: Path) -> None:
    done = run_with_manifest({"libvlc": False}, tmp_path, broken_libvlc(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    line = done.stdout.strip().splitlines()[-1]
    assert "PASS" in line and "playback skipped (libvlc not bundled in this build)" in line
    assert "transcription ok" in line and "export ok" in line


def test_a_build_meant_to_carry_libvlc_fails_without_it(tmp_path: Path) -> None:
    done = run_with_manifest({"libvlc": True}, tmp_path, broken_libvlc(tmp_path))
    assert done.returncode == 1
    assert "FAIL" in done.stdout and "playback FAILED" in done.stdout


def test_libvlc_counts_unless_the_manifest_leaves_it_out(tmp_path: Path) -> None:
    assert selftest.bundles_libvlc({}) and selftest.bundles_libvlc({"libvlc": True})
    assert not selftest.bundles_libvlc({"libvlc": False})
    unreadable = tmp_path / "desk-build.json"
    unreadable.write_text("{not json", encoding="utf-8")
    assert selftest.build_manifest(unreadable) == {}  # a broken manifest never skips a part


def test_missing_sample_fails_without_touching_anything(tmp_path: Path) -> None:
    out = io.StringIO()
    assert selftest.run_self_test(tmp_path / "gone.mp4", out) == 1
    assert out.getvalue().strip().splitlines()[-1].startswith("desk self-test: FAIL")
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
