"""kill -9 of the app during a new transcription run: the corrected version stays current.

Drives the real app, the real job child and real Whisper weights
(version_session.py), kills the app with SIGKILL while the second run is
writing, and reopens the file: the corrected version is current and intact,
the interrupted run is a partial version that can be resumed or deleted.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.services.resume import interrupted_transcript
from desk.core.store import Project
from tests.conftest import REPO
from tests.ui.ui_helpers import TRANSCRIPT_TEXTS, add_transcript

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals")]
CORRECTED = "Corrected by the analyst"


def test_kill_9_during_a_new_run_keeps_the_corrected_version(tmp_path: Path,
                                                             sample_media: Path) -> None:
    media = tmp_path / "interview.mp4"
    shutil.copy(sample_media, media)
    path = tmp_path / "interview.desk"
    with Project.create(path, media=probe(media),
                        codebook=load_codebook("trump-musk-x-2024")) as project:
        ids = add_transcript(project, TRANSCRIPT_TEXTS)
        project.edits.set_text(ids[0], CORRECTED, "anna")
        corrected = project.versions.current_id()
    expected = [CORRECTED, *TRANSCRIPT_TEXTS[1:]]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO),
               DESK_VLC_ARGS="--vout=dummy --aout=dummy", OMP_WAIT_POLICY="PASSIVE",
               DESK_CONFIG_DIR=str(tmp_path / "config"))
    app = subprocess.Popen([sys.executable, str(REPO / "tests" / "faults" / "version_session.py"),
                            str(path)], stdout=subprocess.PIPE, text=True, env=env,
                           start_new_session=True)
    try:
        assert app.stdout is not None
        said = json.loads(app.stdout.readline())
        assert said.get("step") == "running", said
        assert said["new"] != corrected and said["shown"] == corrected
        assert said["texts"] == expected  # the window shows the corrected version meanwhile
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()
        _wait_for_the_child_to_stop(path)
    with Project.open(path) as project:
        assert project.database.query("PRAGMA integrity_check")[0][0] == "ok"
        assert project.versions.current_id() == corrected
        assert [s.text for s in project.transcripts.segments()] == expected
        interrupted = interrupted_transcript(project)
        assert interrupted is not None and interrupted.id == said["new"]
        [partial] = [v for v in project.versions.list() if v.partial]
        assert partial.id == said["new"] and partial.segments > 0
        project.versions.delete(partial.id)  # a partial version can be deleted
        assert project.versions.current_id() == corrected


def _job_children(path: Path) -> list[int]:
    """Transcription children still working on `path` (orphaned once the app is killed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"desk.core.pipeline.jobs" in command and str(path).encode() in command:
                found.append(int(entry.name))
    return found


def _wait_for_the_child_to_stop(path: Path, seconds: float = 60.0) -> None:
    """The job child notices that the app is gone (its events have no reader) and stops."""
    until = time.monotonic() + seconds
    while _job_children(path) and time.monotonic() < until:
        time.sleep(0.2)
    left = _job_children(path)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "the job child kept running after the app was killed"
