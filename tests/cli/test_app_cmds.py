"""`desk demo --no-gui` (real sample, real tiny.en) and `desk open` (hands the path to the app)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import main
from desk.core.demo import demo_folder
from desk.core.services.annotator import default_annotator
from desk.core.store import Project


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_demo_no_gui_transcribes_the_sample_then_reuses_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "demo", "--no-gui", "--fresh")
    assert code == 0, err
    project_path = demo_folder() / "demo.desk"
    assert f"Demo project: {project_path}" in out
    assert "segments" in out and "tiny.en" in out
    assert "transcribing" in err and "identifying speakers" in err  # progress on the way
    # Who speaks: the sample's host and guest, found by voice, on the first lines too.
    assert "Speakers:     Speaker 1, Speaker 2 (found by voice" in out
    assert "  Speaker 1: Hello everyone" in out
    with Project.open(project_path, writable=False) as project:
        transcript = project.transcripts.current()
        assert transcript.status == "complete" and transcript.model == "tiny.en"
        segments = project.transcripts.segments()
        assert len(segments) >= 10
        assert Path(project.media.get().path) == demo_folder() / "sample.mp4"
        text = " ".join(s.text for s in segments).lower()
        assert "late start" in text and "patience" in text
        assert {s.speaker for s in segments} == {"Speaker 1", "Speaker 2"}
        assert all(s.speaker_source == "auto" for s in segments)
        # Labelled in the analyst's name ($DESK_ANNOTATOR in tests), not the demo's.
        assert {a.annotator for a in project.history.actions()} - {""} == {default_annotator()}
    # The second run finds the finished project and only summarises it.
    code, out, err = run(capsys, "demo", "--no-gui", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["transcribed"] is False
    assert summary["segments"] == len(segments) and summary["model"] == "tiny.en"
    assert summary["project"] == str(project_path) and summary["duration"] > 70
    assert summary["speakers"] == ["Speaker 1", "Speaker 2"]  # not identified again
    assert summary["first_lines"][0].startswith("Speaker 1: Hello everyone")


def test_open_passes_the_path_to_the_app(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr("desk.ui.app.main", lambda argv: calls.append(list(argv)) or 0)
    target = tmp_path / "x.desk"
    target.write_bytes(b"")
    assert run(capsys, "open", target, "--play")[0] == 0
    assert calls == [[str(target.resolve()), "--play"]]
    assert run(capsys, "demo")[0] == 0
    assert calls[-1] == ["--demo"]


def test_open_bad_paths_are_one_line_errors(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    code, out, err = run(capsys, "open", tmp_path / "nope.desk")
    assert code == 2 and err.startswith("desk: error: no such file") and out == ""
    code, _, err = run(capsys, "open", tmp_path)
    assert code == 2 and "is a folder" in err
