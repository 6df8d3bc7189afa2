"""`desk speakers`: the sample's two voices labelled end to end; bad input changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.store import Project
from tests.cli.cli_run import digest, run
from tests.conftest import sample_truth


def test_the_sample_gets_its_true_speakers_and_one_undo_step(
        truth_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "speakers", truth_project, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["speakers"][0]["name"] == "Speaker 1" and len(result["speakers"]) == 2
    truth = {"HOST": "Speaker 1", "GUEST": "Speaker 2"}
    with Project.open(truth_project, writable=False) as project:
        assert [s.speaker for s in project.transcripts.segments()] == [
            truth[s.speaker or ""] for s in sample_truth()]
    assert run(capsys, "undo", truth_project)[0] == 0
    with Project.open(truth_project, writable=False) as project:
        assert {s.speaker for s in project.transcripts.segments()} == {None}


@pytest.mark.parametrize(("args", "message"), [
    (["--speakers", "0"], "at least 1"),
    (["--speakers", "many"], "many"),
])
def test_a_bad_count_is_one_line_and_changes_nothing(
        truth_project: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        message: str) -> None:
    before = digest(truth_project)
    code, out, err = run(capsys, "speakers", truth_project, *args)
    assert code == 2 and out == "" and err.startswith("desk: error: ") and message in err
    assert err.count("\n") == 1 and digest(truth_project) == before


def test_a_project_without_a_transcript_is_refused(
        tmp_project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    tmp_project.close()
    before = digest(tmp_project.path)
    code, _, err = run(capsys, "speakers", tmp_project.path)
    assert code == 2 and "transcribe it first" in err and err.count("\n") == 1
    assert digest(tmp_project.path) == before


def test_a_hand_set_speaker_stays_unless_replace(
        truth_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(truth_project, writable=False) as project:
        first = project.transcripts.segments()[0].id
    assert run(capsys, "speaker", "assign", truth_project, first, "--to", "Anna")[0] == 0
    code, out, err = run(capsys, "speakers", truth_project)
    assert code == 0 and "1 set by hand kept" in out, err
    with Project.open(truth_project, writable=False) as project:
        assert project.transcripts.segments()[0].speaker == "Anna"
    code, out, err = run(capsys, "speakers", truth_project, "--replace")
    assert code == 0 and "0 set by hand kept" in out, err
    with Project.open(truth_project, writable=False) as project:
        assert project.transcripts.segments()[0].speaker != "Anna"
