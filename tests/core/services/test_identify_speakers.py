"""Identifying speakers as both fronts run it: refused early, or run in a child to its end."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import DeskError, InputError, MediaError, ModelError
from desk.core.pipeline.job_guard import this_process
from desk.core.pipeline.job_messages import SpeakerJobOptions
from desk.core.services import identify_speakers as service
from desk.core.speakers import model
from desk.core.store import Project
from tests.conftest import project_digest, sample_truth


def _refused(path: Path, options: SpeakerJobOptions, error: type[DeskError],
             match: str) -> None:
    before = project_digest(path)
    with pytest.raises(error, match=match):
        service.identify_speakers(path, options)
    assert project_digest(path) == before


def test_the_sample_is_labelled_as_its_ground_truth_in_a_child(truth_project: Path) -> None:
    seen: list[str] = []
    final = service.identify_speakers(truth_project, SpeakerJobOptions(annotator="anna"),
                                      lambda e: seen.append(e.kind))
    assert final.kind == "finished" and seen[0] == "started" and seen[-1] == "finished"
    assert final.details["speakers"] == ["Speaker 1", "Speaker 2"]
    truth = {"HOST": "Speaker 1", "GUEST": "Speaker 2"}
    with Project.open(truth_project, writable=False) as project:
        assert [s.speaker for s in project.transcripts.segments()] == [
            truth[s.speaker or ""] for s in sample_truth()]
        last = project.history.actions()[0]
        assert (last.label, last.annotator) == ("identify speakers", "anna")


def test_bad_requests_are_refused_before_a_child_starts(
        truth_project: Path, tmp_project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    _refused(truth_project, SpeakerJobOptions(speakers=0), InputError, "at least 1")
    _refused(truth_project, SpeakerJobOptions(task="voiceprint", speaker="Nobody"),
             InputError, "no speaker 'Nobody'")
    tmp_project.close()
    _refused(tmp_project.path, SpeakerJobOptions(), InputError, "transcribe it first")
    monkeypatch.setattr(model, "available", lambda: False)
    _refused(truth_project, SpeakerJobOptions(), ModelError,
             r"pip install 'desk\[speakers\]'")


def test_a_missing_recording_is_refused(tmp_path: Path, sample_media: Path) -> None:
    from tests.conftest import project_with_transcript

    copy = tmp_path / "gone.mp4"
    copy.write_bytes(sample_media.read_bytes())
    path = project_with_transcript(tmp_path / "gone.desk", copy, sample_truth(False))
    copy.unlink()
    _refused(path, SpeakerJobOptions(), MediaError, "recording is missing")


def test_a_refusal_the_child_finds_is_one_clear_error(truth_project: Path) -> None:
    with Project.open(truth_project) as project:
        current = project.transcripts.current()
        assert current is not None and current.id is not None
        project.transcripts.claim(current.id, this_process(), lambda holder: True)
    _refused(truth_project, SpeakerJobOptions(), service.SpeakerJobFailed,
             "in use by another job")
