"""`desk voices`: a profile taken in one project names the voice in the next; list,
export, import and remove; an unknown name is one line and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.cli_run import run
from tests.conftest import project_with_transcript, sample_truth


@pytest.fixture(autouse=True)
def _own_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library of this test's own: the session's data folder is shared, and a profile
    left there would name voices in every later test's `desk speakers`."""
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))


def test_a_profile_names_the_voice_in_another_project(
        truth_project: Path, tmp_path: Path, sample_media: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "voices", "list")
    assert code == 0 and out.startswith("no voice profiles yet")
    assert run(capsys, "speakers", truth_project, "--speakers", "2")[0] == 0
    code, out, err = run(capsys, "voices", "add", truth_project, "Speaker 1", "--as", "Host")
    assert code == 0, err
    assert out.startswith("voice profile 'Host': ")
    code, out, _ = run(capsys, "voices", "list", "--json")
    assert [v["name"] for v in json.loads(out)] == ["Host"] and json.loads(out)[0]["windows"]

    second = project_with_transcript(tmp_path / "again.desk", sample_media, sample_truth(False))
    code, out, err = run(capsys, "speakers", second)
    assert code == 0, err
    assert "matched by voice: Host (" in out

    shared = tmp_path / "shared.json"
    assert run(capsys, "voices", "export", shared)[0] == 0
    assert run(capsys, "voices", "remove", "Host")[1] == "removed the voice profile 'Host'\n"
    assert json.loads(run(capsys, "voices", "list", "--json")[1]) == []
    code, out, _ = run(capsys, "voices", "import", shared)
    assert code == 0 and out == "1 voice profile imported: Host\n"


def test_unknown_names_are_one_line(truth_project: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "voices", "remove", "Nobody")
    assert code == 2 and out == "" and err == "desk: error: no voice profile named 'Nobody'\n"
    code, _, err = run(capsys, "voices", "add", truth_project, "Nobody")
    assert code == 2 and "no speaker 'Nobody'" in err and err.count("\n") == 1
