"""A recording is scanned for levels once: a resumed job reads them from the project."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from desk.core.pipeline import transcription
from desk.core.pipeline.jobs import JobOptions
from desk.core.store import Project
from tests.core.pipeline.test_transcription import PROMPT, check_against_truth, new_sample_project


class Killed(Exception):
    """Stands in for a kill in the middle of the job (its status stays "running")."""


def test_a_resumed_job_does_not_scan_the_recording_again(
        tmp_path: Path, sample_media: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = new_sample_project(tmp_path, sample_media)
    options = JobOptions(engine="faster", prompt=PROMPT, window_seconds=20.0)

    def die_after_first_segment(event: transcription.JobEvent) -> None:
        if event.kind == "segments":
            raise Killed

    plan = transcription.prepare(path, options)
    try:
        with pytest.raises(Killed):
            transcription.run(plan, options, die_after_first_segment)
        media = plan.project.media.get()
        assert media is not None
        stored = plan.project.media.level_track(media.fingerprint)
        assert stored is not None and stored[2].size > 1000 and stored[2].dtype == np.float32
        assert plan.project.transcripts.current().status == "running"
    finally:
        plan.project.close()

    def no_rescan(*args: object, **kwargs: object) -> None:
        raise AssertionError("the recording was scanned again on resume")

    monkeypatch.setattr(transcription, "measure_levels", no_rescan)
    decodings: list[str] = []
    load = transcription.load_engine

    def recording_engine(*args: object) -> object:
        engine = load(*args)  # type: ignore[arg-type]
        transcribe = engine.transcribe

        def spy(audio: object, options: object, **kwargs: object) -> object:
            decodings.append(options.decoding)  # type: ignore[attr-defined]
            return transcribe(audio, options, **kwargs)  # type: ignore[arg-type]

        engine.transcribe = spy  # type: ignore[method-assign]
        return engine

    monkeypatch.setattr(transcription, "load_engine", recording_engine)
    # asked to resume "faster", the job goes on as it began: "accurate"
    again = JobOptions(engine="faster", prompt=PROMPT, window_seconds=20.0, resume=True,
                       decoding="faster")
    plan = transcription.prepare(path, again)
    try:
        final = transcription.run(plan, again, lambda event: None)
    finally:
        plan.project.close()
    assert final.kind == "finished", final.message
    assert decodings and set(decodings) == {"accurate"}
    with Project.open(path, writable=False) as project:
        assert len(project.transcripts.list()) == 1
    check_against_truth(path)


def test_the_first_job_reports_its_scan_in_recording_time(tmp_path: Path,
                                                          sample_media: Path) -> None:
    path = new_sample_project(tmp_path, sample_media)
    options = JobOptions(engine="faster", prompt=PROMPT, window_seconds=20.0)
    events: list[transcription.JobEvent] = []
    plan = transcription.prepare(path, options)
    try:
        transcription.run(plan, options, events.append)
    finally:
        plan.project.close()
    scanned = [e.done for e in events if e.kind == "scanning"]
    assert scanned and scanned == sorted(scanned)
    assert scanned[-1] == pytest.approx(events[0].total, abs=0.5)  # the whole recording
    kinds = [e.kind for e in events]
    assert kinds.index("progress") > max(i for i, k in enumerate(kinds) if k == "scanning")
