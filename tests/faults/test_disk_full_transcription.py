"""A full disk during `desk transcribe`: one line, exit 2, and the run finishes exactly once freed.

The project sits on a small tmpfs filled until 0 KiB (the job cannot even
claim the transcript) or 160 KiB (it stores a few segments, then meets
ENOSPC) are left. Real job child, real tiny.en weights, ten seconds of the
sample's talk. The command must fail with exit 2 and one `desk: error:`
line saying the disk is full (it used to say "the transcription process
stopped unexpectedly"), the file must pass a full integrity_check, and once
space is freed `--resume` (or a new run, if nothing was stored) must give
the transcript of an uninterrupted run, segment for segment.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from desk.cli import main
from desk.core.services.resume import interrupted_transcript
from desk.core.store import Project
from tests.cli.cli_run import run
from tests.faults.conftest import checked_digest
from tests.faults.disk_full import can_mount, fill, tmpfs, unfill

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not can_mount(), reason="needs to mount a tmpfs (root): "
                                 "SQLite's own writes meet ENOSPC only on a really full disk")]

JOB = ["--engine", "faster", "--beam-size", "1", "--threads", "1", "--language", "en"]
Lines = list[tuple[float, float, str]]


def _lines(path: Path) -> Lines:
    with Project.open(path, writable=False) as project:
        current = project.transcripts.current()
        assert current is not None and current.status == "complete"
        return [(s.start, s.end, s.text) for s in project.transcripts.segments(current.id)]


@pytest.fixture(scope="module")
def uninterrupted(speech: Path, tmp_path_factory: pytest.TempPathFactory) -> Lines:
    """The transcript of a run that nothing stopped (same model, same options)."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    recording = Path(shutil.copy(speech, folder / "talk.m4a"))
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        assert main(["transcribe", str(recording), *JOB]) == 0
    lines = _lines(folder / "talk.desk")
    assert lines
    return lines


@pytest.mark.parametrize("free", [0, 160 << 10], ids=["0KiB", "160KiB"])
def test_a_full_disk_during_transcription(free: int, speech: Path, tmp_path: Path,
                                          uninterrupted: Lines,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    recording = Path(shutil.copy(speech, tmp_path / "talk.m4a"))
    with tmpfs(tmp_path / "disk", 2048) as disk:
        path = disk / "talk.desk"
        assert run(capsys, "new", recording, "-p", path)[0] == 0
        fill(disk, free)
        code, _, err = run(capsys, "transcribe", path, *JOB)
        unfill(disk)
        checked_digest(path)
        if code != 0:
            lines = err.strip().splitlines()
            assert code == 2, err
            assert [line for line in lines if line.startswith("desk:")] == [lines[-1]], err
            assert "Traceback" not in err and "the disk holding talk.desk is full" in lines[-1]
            with Project.open(path, writable=False) as project:
                resume = interrupted_transcript(project) is not None
            code, _, err = run(capsys, "transcribe", path, *JOB, *(["--resume"] * resume))
            assert code == 0, err
        assert _lines(path) == uninterrupted
        checked_digest(path)
