"""kill -9 (and Ctrl+C) of `desk speakers` while its child diarizes: the child ends with it,
the project is as before (but for the dead job's claim on the transcript, which is
stale and taken over), and the same command then runs to its end."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk.core.pipeline import job_guard
from desk.core.store import Project
from tests.conftest import REPO
from tests.faults.conftest import checked_digest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals")


def _speaker_children(project: Path) -> list[int]:
    """Live processes running a speaker job on `project` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"desk.core.pipeline.speaker_job" in cmdline and str(project).encode() in cmdline:
            found.append(int(entry.name))
    return found


def _content(path: Path) -> tuple[list[str], list[str]]:
    """The project's SQL dump without job claims, and the claims' holders."""
    checked_digest(path)  # a full integrity_check first
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        claims = [str(v) for (v,) in conn.execute("SELECT value FROM meta WHERE key LIKE 'job:%'")]
        dump = [line for line in conn.iterdump() if "'job:" not in line]
    finally:
        conn.close()
    return dump, claims


def _desk(*args: object) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ["PYTHONPATH"]]))
    return subprocess.Popen([sys.executable, "-m", "desk", *map(str, args)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_kill_9_of_desk_speakers_mid_run(truth_project: Path) -> None:
    before, claims = _content(truth_project)
    assert claims == []
    parent = _desk("speakers", truth_project)
    assert parent.stderr is not None
    lines = []
    for line in parent.stderr:  # "0%": the model is loading, voice prints come next
        lines.append(line)
        if line.startswith("  0%"):
            break
    time.sleep(1.0)  # into the voice prints (the whole run takes ~5 s)
    assert any(line.startswith("identifying speakers:") for line in lines), lines
    assert _speaker_children(truth_project), lines  # the child is at work
    parent.send_signal(signal.SIGKILL)
    parent.communicate()
    after, claims = _content(truth_project)
    assert after == before and len(claims) == 1
    deadline = time.monotonic() + 10  # SIGKILLed with its parent, then reaped by init
    while not job_guard.is_stale(claims[0]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert job_guard.is_stale(claims[0]) and _speaker_children(truth_project) == []

    again = _desk("speakers", truth_project)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert "2 speakers (Speaker 1, Speaker 2)" in out
    with Project.open(truth_project, writable=False) as project:
        assert {s.speaker for s in project.transcripts.segments()} == {"Speaker 1",
                                                                       "Speaker 2"}


def test_ctrl_c_cancels_and_changes_nothing(truth_project: Path) -> None:
    before, _ = _content(truth_project)
    parent = _desk("speakers", truth_project)
    assert parent.stderr is not None
    for line in parent.stderr:
        if line.startswith("  0%"):
            break
    time.sleep(1.0)
    parent.send_signal(signal.SIGINT)
    _, err = parent.communicate(timeout=60)
    assert parent.returncode == 130, err
    assert err.splitlines()[-1].startswith("desk: cancelled at ") and "nothing was changed" in err
    assert _content(truth_project)[0] == before
