"""`desk suggest` end to end on the real sample recording, and `desk stats --png`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import main
from desk.core.store import Project


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_project(tmp_path: Path, sample_media: Path,
                   capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "sample.desk"
    code, _, err = _run(capsys, "new", str(sample_media), "-p", str(path))
    assert code == 0, err
    return path


def test_suggest_accept_reject_cycle(sample_project: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "suggest", str(sample_project), "--only", "delays", "--json")
    assert code == 0, err
    data = json.loads(out)
    [delay] = data["added"]
    assert delay["tag"] == "delay" and delay["source"] == "suggested"
    assert abs(delay["start"] - 0.0) <= 1.0 and abs(delay["end"] - 18.0) <= 1.0
    assert delay["annotator"] == "tester"

    # Running again adds nothing; the table names what is pending.
    code, out, _ = _run(capsys, "suggest", str(sample_project), "--only", "delays")
    assert code == 0 and out.startswith("0 new suggestions; 1 pending")
    assert "delay" in out

    code, out, _ = _run(capsys, "suggest", str(sample_project), "--reject", str(delay["id"]))
    assert code == 0 and out.startswith("rejected 1 suggestion")
    code, out, _ = _run(capsys, "suggest", str(sample_project), "--only", "delays", "--json")
    assert json.loads(out) == {"added": [], "pending": []}
    with Project.open(sample_project, writable=False) as project:
        assert project.annotations.count() == 0


def test_accept_all(sample_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "suggest", str(sample_project), "--only", "delays")[0] == 0
    code, out, _ = _run(capsys, "suggest", str(sample_project), "--accept", "--json")
    assert code == 0
    [accepted] = json.loads(out)["accepted"]
    assert accepted["source"] == "manual"
    code, out, _ = _run(capsys, "stats", str(sample_project), "--json")
    delay = next(t for t in json.loads(out)["tags"] if t["tag"] == "delay")
    assert delay["count"] == 1


def test_bad_input_is_one_line(sample_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "suggest", str(sample_project), "--min-silence", "0")
    assert code == 2 and err.strip() == "desk: error: --min-silence must be more than 0 " \
                                        "seconds, not 0"
    code, _, err = _run(capsys, "suggest", str(sample_project), "--accept", "42")
    assert code == 2 and "no annotation with id 42" in err
    code, _, err = _run(capsys, "suggest", str(sample_project), "--accept", "--reject")
    assert code == 2 and "not allowed with argument" in err
