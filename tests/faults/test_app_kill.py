"""Edits made in the app after cancel → resume survive a kill -9 of the app.

The issue (#11) behind this test: after a resumed job ended, the app's journal
files were deleted under it (`NAME.desk-wal (deleted)`), so every later edit
went into a file no longer on disk. This drives the real app, the real job
child and real Whisper weights, then kills the app with SIGKILL.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.store import Project
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/PID/fd")


def _deleted_journals(pid: int) -> list[str]:
    """The journal files the process still holds although they are gone from the folder."""
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if ".desk" in target and target.endswith("(deleted)"):
            found.append(target)
    return found


def test_edits_after_cancel_and_resume_survive_kill_9(tmp_path: Path, sample_media: Path) -> None:
    media = tmp_path / "interview.mp4"
    shutil.copy(sample_media, media)
    path = tmp_path / "interview.desk"
    Project.create(path, media=probe(media), codebook=load_codebook("trump-musk-x-2024")).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO),
               DESK_VLC_ARGS="--vout=dummy --aout=dummy", OMP_WAIT_POLICY="PASSIVE")
    app = subprocess.Popen([sys.executable, str(REPO / "tests" / "faults" / "app_session.py"),
                            str(path)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        steps = []
        assert app.stdout is not None
        for line in app.stdout:
            steps.append(json.loads(line))
            if "error" in steps[-1] or steps[-1].get("step") == "edited":
                break
        assert [s.get("step") for s in steps] == ["cancel", "cancelled", "resumed", "edited"], steps
        assert steps[1]["kind"] == "cancelled" and steps[2]["kind"] == "finished"
        edited = steps[-1]
        assert edited["annotation"] is not None and edited["text"] == "Corrected by the analyst"
        assert _deleted_journals(app.pid) == []
        # Another program reading beside the open app sees the edits (as `desk export` would).
        with Project.open(path, writable=False) as beside:
            assert beside.annotations.count() == 1
            assert beside.transcripts.segment(edited["segment"]).text == edited["text"]
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()
    with Project.open(path) as project:
        assert project.database.query("PRAGMA integrity_check")[0][0] == "ok"
        [annotation] = project.annotations.list()
        assert annotation.id == edited["annotation"] and annotation.annotator == "analyst"
        assert project.transcripts.segment(edited["segment"]).text == edited["text"]
        assert project.transcripts.current().status == "complete"
