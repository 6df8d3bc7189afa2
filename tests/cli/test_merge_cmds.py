"""`desk merge` and `desk blind` end to end: exit codes, messages, nothing changed on refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.store import Project
from tests.cli.cli_run import digest, run
from tests.conftest import make_media
from tests.core.coding.analysts import ANNA, BEN, analyst_project


@pytest.fixture
def pair(tmp_path: Path, tone_media: Path) -> tuple[Path, Path]:
    return (analyst_project(tmp_path / "anna.desk", tone_media, "anna", ANNA),
            analyst_project(tmp_path / "ben.desk", tone_media, "ben", BEN,
                            speakers=("Elon Musk", None)))


def test_merge_asks_about_new_tags_then_merges_once(pair: tuple[Path, Path],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    mine, theirs = pair
    before = digest(mine)
    code, out, err = run(capsys, "merge", mine, theirs)
    assert code == 2 and out == ""
    assert err == ("desk: error: ben.desk codes with tags anna.desk lacks: crowd noise (1); "
                   "make them with --add-tags [TAG ...] or leave those annotations out with "
                   "--skip-new-tags\n")
    assert digest(mine) == before
    code, out, _ = run(capsys, "merge", mine, theirs, "--dry-run", "--json")
    assert code == 0 and json.loads(out)["new_tags"] == {"crowd noise": 1}
    assert digest(mine) == before
    code, out, err = run(capsys, "merge", mine, theirs, "--add-tags", "--speakers")
    assert code == 0, err
    assert out == ("merged 4 annotations from ben.desk (ben); tags added: crowd noise; "
                   "1 segments given their speaker\n")
    code, out, _ = run(capsys, "merge", mine, theirs, "--add-tags", "--json")
    assert code == 0 and json.loads(out)["added"] == 0 and json.loads(out)["already"] == 4
    code, out, _ = run(capsys, "history", mine, "-n", "1")
    assert "merge 4 annotations from ben.desk (ben)" in out


def test_merge_refuses_another_recording_with_exit_2(pair: tuple[Path, Path], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    mine, _ = pair
    other = analyst_project(tmp_path / "other.desk",
                            make_media(tmp_path / "other.mp4", audio="sine=frequency=660"),
                            "ben", BEN)
    before = digest(mine)
    code, out, err = run(capsys, "merge", mine, other, "--add-tags")
    assert code == 2 and out == ""
    assert err.startswith("desk: error: other.desk codes a different recording than anna.desk")
    assert err.count("\n") == 1
    assert digest(mine) == before
    code, _, err = run(capsys, "merge", mine, tmp_path / "missing.desk")
    assert code == 2 and "file not found" in err
    code, _, err = run(capsys, "merge", mine, tmp_path / "notes.txt")
    assert code == 2 and "file not found" in err


def test_merge_under_another_name_and_skip_new_tags(pair: tuple[Path, Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    mine, theirs = pair
    code, out, _ = run(capsys, "merge", mine, theirs, "--as", "Ben (2nd pass)",
                       "--skip-new-tags")
    assert code == 0
    assert out == ("merged 3 annotations from ben.desk (Ben (2nd pass)); "
                   "left out with their tags: crowd noise (1)\n")
    with Project.open(mine, writable=False) as project:
        assert len(project.annotations.list(annotator="Ben (2nd pass)")) == 3


def test_blind_switch_hides_others_from_the_annotation_list(
        pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    mine, theirs = pair
    assert run(capsys, "merge", mine, theirs, "--add-tags")[0] == 0
    code, out, _ = run(capsys, "blind", mine)
    assert (code, out) == (0, "blind coding is off in anna.desk\n")
    code, out, _ = run(capsys, "blind", mine, "--on")
    assert out == "blind coding is on in anna.desk: each coder sees only their own layer\n"
    monkeypatch.setenv("DESK_ANNOTATOR", "anna")
    code, out, _ = run(capsys, "annotations", mine, "--json")
    assert {a["annotator"] for a in json.loads(out)} == {"anna"}
    code, _, err = run(capsys, "annotations", mine, "--annotator", "ben")
    assert code == 2 and "blind coding is on" in err
    code, _, err = run(capsys, "agreement", mine)
    assert code == 2 and "turn it off first" in err
    run(capsys, "blind", mine, "--off")
    code, out, _ = run(capsys, "annotations", mine, "--json")
    assert {a["annotator"] for a in json.loads(out)} == {"anna", "ben"}
