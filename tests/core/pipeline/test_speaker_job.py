"""The speaker job's child: progress, a kill -9 that changes nothing, one job per transcript."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.pipeline.job_guard import this_process
from desk.core.pipeline.job_messages import JobEvent, SpeakerJobOptions
from desk.core.pipeline.jobs import EXIT_BAD_INPUT, run_job
from desk.core.pipeline.speaker_job import SpeakerJob
from desk.core.speakers.profiles import VoiceLibrary
from desk.core.store import Project
from tests.conftest import REPO, project_with_transcript, sample_truth

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals")


def state(path: Path) -> list[object]:
    """What the analyst sees (segments, words, speakers, history), read through SQLite;
    a dead job's claim is left out: it is stale, and the next job takes it over."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("segments", "words", "speakers", "actions", "changes")]
    finally:
        conn.close()


def test_a_kill_during_diarization_changes_nothing_and_it_runs_again(
        truth_project: Path) -> None:
    before = state(truth_project)
    job = SpeakerJob(truth_project, SpeakerJobOptions(threads=1))  # one thread: a longer run
    job.start()
    seen: list[JobEvent] = []
    for event in job.events():
        seen.append(event)
        # While it works: the first report before the end, a batch of voice prints or the
        # heartbeat (every 2 s: the sample's speech is one batch, so often the heartbeat).
        # Waiting for more time to pass raced the job's end on a quick machine.
        midway = event.done < event.total
        if event.kind == "progress" and midway and job.returncode is None and job.pid:
            os.kill(job.pid, signal.SIGKILL)
    assert next(e.kind for e in seen) == "started"
    assert seen[-1].kind == "failed" and "stopped unexpectedly (exit -9)" in seen[-1].message
    assert "finished" not in [e.kind for e in seen]
    assert state(truth_project) == before

    final = run_job(SpeakerJob(truth_project, SpeakerJobOptions()))
    assert final.kind == "finished", final.message
    assert final.details["speakers"] == ["Speaker 1", "Speaker 2"]
    with Project.open(truth_project, writable=False) as project:
        assert project.transcripts.claim_holder(final.transcript_id or 0) is None  # released
        assert {s.speaker for s in project.transcripts.segments()} == {"Speaker 1",
                                                                       "Speaker 2"}


def test_progress_is_in_seconds_of_speech_and_never_goes_back(truth_project: Path) -> None:
    events: list[JobEvent] = []
    final = run_job(SpeakerJob(truth_project, SpeakerJobOptions(speakers=2)), events.append)
    assert final.kind == "finished"
    progress = [e.done for e in events if e.kind == "progress"]
    assert progress == sorted(progress) and progress[-1] == pytest.approx(events[0].total)
    assert 45 < events[0].total < 55  # the sample's ~50 s of speech, not its 74 s


def test_a_voice_print_reports_its_progress_and_saves_the_profile(
        tmp_path: Path, sample_media: Path) -> None:
    path = project_with_transcript(tmp_path / "voices.desk", sample_media, sample_truth())
    before = state(path)
    library = tmp_path / "voices.json"
    options = SpeakerJobOptions(task="voiceprint", speaker="HOST", profile="Host",
                                library=str(library))
    events: list[JobEvent] = []
    final = run_job(SpeakerJob(path, options), events.append)
    assert final.kind == "finished", final.message
    assert events[0].kind == "started" and 15 < events[0].total < 30  # the host's ~21 s
    progress = [e.done for e in events if e.kind == "progress"]
    assert progress == sorted(progress) and progress[-1] == pytest.approx(events[0].total)
    assert final.details["name"] == "Host" and final.details["windows"] > 10
    assert [v.name for v in VoiceLibrary(library).list()] == ["Host"]
    assert state(path) == before  # the project is only read


def test_a_transcript_another_live_job_holds_is_refused(truth_project: Path) -> None:
    with Project.open(truth_project) as project:
        current = project.transcripts.current()
        assert current is not None and current.id is not None
        project.transcripts.claim(current.id, this_process(), lambda holder: True)
    before = state(truth_project)
    job = SpeakerJob(truth_project, SpeakerJobOptions())
    final = run_job(job)
    assert final.kind == "failed" and "in use by another job" in final.message
    assert job.returncode == EXIT_BAD_INPUT and state(truth_project) == before


def test_the_frozen_apps_entry_runs_the_same_child(truth_project: Path) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ["PYTHONPATH"]]))
    done = subprocess.run([sys.executable, "-m", "desk", "--speaker-worker", str(truth_project),
                           json.dumps({"task": "nope"})], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == EXIT_BAD_INPUT
    event = JobEvent.from_json(json.loads(done.stdout))
    assert (event.kind, event.message) == ("failed", "unknown speaker task 'nope'")
