"""`desk transcripts`: list, switch, rename and delete versions; exports take --transcript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.records import Segment, Transcript
from desk.core.store import Project
from tests.cli.cli_run import digest, run
from tests.core.formats.annotated import SEGMENTS, build_annotated_project


@pytest.fixture
def two_versions(tmp_path: Path, tone_media: Path) -> Path:
    """The coded project (version 1, corrected by hand), then a second, complete run."""
    path = tmp_path / "case.desk"
    with build_annotated_project(path, tone_media) as project:
        first = project.transcripts.segments()[0]
        assert first.id is not None
        project.edits.set_text(first.id, "Thank you, Elon, corrected.")
        second = project.transcripts.create(Transcript("faster", "base", "en", total=30.0))
        assert second.id is not None
        project.transcripts.add_segments(second.id, [Segment(3.0, 6.5, "A second run.")])
        project.versions.complete(second.id, 30.0)
    return path


def test_list_as_table_and_json(two_versions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "transcripts", two_versions)
    lines = out.splitlines()
    assert (code, err) == (0, "") and lines[0].split() == [
        "id", "status", "edited", "engine", "model", "segments", "made", "name"]
    assert lines[1].split()[:6] == ["1", "complete", "yes", "openai", "tiny.en",
                                    str(len(SEGMENTS))]
    assert lines[2].split()[:7] == ["*", "2", "complete", "no", "faster", "base", "1"]
    code, out, _ = run(capsys, "transcripts", two_versions, "--json")
    data = json.loads(out)
    assert [(v["id"], v["current"], v["edited"], v["partial"]) for v in data] == [
        (1, False, True, False), (2, True, False, False)]
    assert data[0]["settings"] == {"beam_size": 5} and data[1]["label"].startswith("faster base")


def test_use_rename_delete_and_undo(two_versions: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "transcripts", two_versions, "--use", "1")
    assert code == 0 and out.startswith("current transcript: 1 (openai tiny.en")
    code, out, _ = run(capsys, "segments", two_versions)
    assert out.splitlines()[0].endswith("Donald Trump: Thank you, Elon, corrected.")
    code, out, _ = run(capsys, "transcripts", two_versions, "--rename", "1", "checked by anna")
    assert out == "transcript 1 is now 'checked by anna'\n"
    code, out, _ = run(capsys, "transcripts", two_versions, "--delete", "1")
    assert out == "deleted transcript 1 (checked by anna); current: 2\n"
    assert run(capsys, "undo", two_versions)[1] == (
        "undo: delete transcript version checked by anna\n")
    with Project.open(two_versions, writable=False) as project:
        assert project.transcripts.current().id == 1
        assert project.annotations.count() == 7  # six codes, a suggestion: in no version


def test_export_a_chosen_version(two_versions: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "v1.json"
    assert run(capsys, "export", two_versions, "-f", "json", "-o", out_file,
               "--transcript", "1")[0] == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["transcript"]["id"] == 1 and data["transcript"]["edited"] is True
    assert data["provenance"]["transcript_version"]["model"] == "tiny.en"
    run(capsys, "export", two_versions, "-f", "json", "-o", out_file)  # default: current
    assert json.loads(out_file.read_text(encoding="utf-8"))["transcript"]["id"] == 2


@pytest.mark.parametrize("args", [("--use", "7"), ("--delete", "7"), ("--rename", "x", "y")])
def test_bad_ids_change_nothing(two_versions: Path, capsys: pytest.CaptureFixture[str],
                                args: tuple[str, ...]) -> None:
    before = digest(two_versions)
    code, _, err = run(capsys, "transcripts", two_versions, *args)
    assert code == 2 and err.startswith("desk: error: ") and err.count("\n") == 1
    assert "7" in err or "'x'" in err
    assert digest(two_versions) == before
    code, _, err = run(capsys, "export", two_versions, "-f", "srt", "--transcript", "7")
    assert (code, err) == (2, "desk: error: no transcript version 7 (versions: 1, 2)\n")
