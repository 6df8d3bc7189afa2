"""The parent's side of a job: the child's command line, and an end it could not report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desk.core.pipeline.job_messages import JobEvent, JobOptions
from desk.core.pipeline.jobs import ChildJob, TranscriptionJob, worker_command
from desk.core.records import Transcript
from desk.core.store import Project


def test_the_child_runs_this_python_with_the_options_as_json(tmp_path: Path) -> None:
    options = JobOptions(engine="faster", model="base", language="de", resume=True)
    command = worker_command(tmp_path / "p.desk", options)
    assert command[:3] == [sys.executable, "-m", "desk.core.pipeline.jobs"]
    assert command[3] == str(tmp_path / "p.desk")
    assert JobOptions.from_json(json.loads(command[4])) == options


def test_a_killed_child_is_recorded_through_the_callers_project(tmp_project: Project) -> None:
    transcript = tmp_project.transcripts.create(Transcript("faster", "tiny.en",
                                                           status="running", total=30.0))
    job = TranscriptionJob(tmp_project.path, JobOptions())
    job.last_event = JobEvent("segments", transcript.id, 12.0, 30.0)
    ended = job._ended_without_report(-9)
    assert ended.kind == "failed" and "stopped unexpectedly (exit -9)" in ended.message
    assert (ended.transcript_id, ended.done) == (transcript.id, 12.0) and job.needs_recording
    job.last_event = ended
    job.record_ending(tmp_project)
    stored = tmp_project.transcripts.get(transcript.id)  # type: ignore[arg-type]
    assert stored.status == "failed" and "stopped unexpectedly" in (stored.error or "")
    assert not job.needs_recording
    job.record_ending(tmp_project)  # once only


def test_a_job_cancelled_before_its_child_started_ends_at_once(tmp_path: Path) -> None:
    """Cancel clicked while the runner thread had not started the child yet: the child is
    killed as soon as it exists, instead of running to its end behind a 'cancelled'."""
    marker = tmp_path / "ran"
    job = ChildJob(tmp_path / "p.desk", [sys.executable, "-c",
                                         f"import time; time.sleep(5); open({str(marker)!r}, 'w')"],
                   "test")
    job.cancel()
    job.start()
    events = list(job.events())
    assert [e.kind for e in events] == ["cancelled"]
    assert job.returncode is not None and job.returncode < 0 and not marker.exists()
