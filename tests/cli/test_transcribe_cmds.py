"""`desk transcribe` and `desk models`: a recording gets its project; bad input is one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desk.core.store import Project
from tests.cli.cli_run import digest, run


def test_models_lists_the_embedded_model(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "models", "--json")
    assert code == 0
    tiny = next(m for m in json.loads(out) if m["name"] == "tiny.en")
    assert tiny["multilingual"] is False and Path(tiny["path"]).exists()


@pytest.mark.slow
def test_a_recording_is_transcribed_into_its_new_project(
        speech: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recording = tmp_path / "talk.m4a"
    shutil.copy(speech, recording)
    code, out, err = run(capsys, "transcribe", recording, "--engine", "faster",
                         "--beam-size", "1", "--threads", "1", "--language", "en")
    assert code == 0, err
    project_path = tmp_path / "talk.desk"
    assert f"created {project_path}" in err and "transcribing:" in err
    assert out.startswith(f"{project_path}: ") and "segments" in out
    with Project.open(project_path, writable=False) as project:
        transcript = project.transcripts.current()
        assert transcript is not None and transcript.status == "complete"
        words = " ".join(s.text for s in project.transcripts.segments()).lower()
        assert project.tags.list()  # made with the default codebook
    assert "patience" in words or "late start" in words


def test_a_project_of_another_recording_is_refused(tmp_path: Path, tone_media: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "first.mp4"
    shutil.copy(tone_media, first)
    assert run(capsys, "new", first)[0] == 0
    other = tmp_path / "other.mp4"
    shutil.copy(tone_media, other)
    before = digest(tmp_path / "first.desk")
    code, out, err = run(capsys, "transcribe", other, "-p", tmp_path / "first.desk")
    assert code == 2 and out == ""
    assert err == ("desk: error: first.desk belongs to another recording; "
                   "choose another project with -p\n")
    assert digest(tmp_path / "first.desk") == before
    code, _, err = run(capsys, "transcribe", tmp_path / "first.desk", "--model", "nope")
    assert code == 2 and err.startswith("desk: error: ") and "nope" in err



@pytest.mark.slow
def test_speakers_after_transcribing(sample_media: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    recording = tmp_path / "sample.mp4"
    shutil.copy(sample_media, recording)
    code, out, err = run(capsys, "transcribe", recording, "--engine", "faster", "--beam-size",
                         "1", "--threads", "1", "--language", "en", "--speakers", "auto")
    assert code == 0, err
    assert "identifying speakers" in err and "2 speakers (Speaker 1, Speaker 2)" in out
    with Project.open(tmp_path / "sample.desk", writable=False) as project:
        assert {s.speaker for s in project.transcripts.segments()} == {"Speaker 1",
                                                                       "Speaker 2"}


def test_a_bad_speaker_count_is_refused_before_transcribing(
        tmp_path: Path, tone_media: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recording = tmp_path / "tone.mp4"
    shutil.copy(tone_media, recording)
    code, out, err = run(capsys, "transcribe", recording, "--speakers", "0")
    assert code == 2 and out == "" and err.count("\n") == 1 and "at least 1" in err
    assert not (tmp_path / "tone.desk").exists()
