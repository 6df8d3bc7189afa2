"""The demo's preparation: the sample copied, its project made once, what is left to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.demo import DEMO_MODEL, demo_options, demo_speaker_options, prepare_demo
from desk.core.errors import ModelError
from desk.core.records import Transcript
from desk.core.resources import resource_path
from desk.core.store import Project


def test_prepare_copies_the_sample_and_makes_its_project_once(tmp_path: Path) -> None:
    plan = prepare_demo(tmp_path / "demo")
    assert plan.recording.read_bytes() == resource_path("sample", "sample.mp4").read_bytes()
    assert plan.needs_transcription and not plan.resume
    assert plan.needs_speakers  # the test tools install the speaker model
    with Project.open(plan.project_path) as project:
        assert project.tags.list()  # the default codebook
        project.transcripts.create(Transcript("faster", DEMO_MODEL, status="cancelled",
                                              progress=20.0, total=74.0))
    again = prepare_demo(tmp_path / "demo")
    assert again.needs_transcription and again.resume  # the interrupted one continues
    fresh = prepare_demo(tmp_path / "demo", fresh=True)
    assert fresh.needs_transcription and not fresh.resume
    assert not any(p.name.endswith(".part") for p in (tmp_path / "demo").iterdir())


def test_the_demo_transcribes_with_the_names_it_talks_about() -> None:
    options = demo_options(resume=True)
    assert options.model == DEMO_MODEL and options.language == "en" and options.resume
    assert "DDoS" in (options.prompt or "")


def test_speakers_are_found_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = prepare_demo(tmp_path / "demo")
    with Project.open(plan.project_path) as project:
        project.speaker_edits.add("Host")  # labelled already (by an earlier demo or by hand)
    assert not prepare_demo(tmp_path / "demo").needs_speakers
    # Without the speaker model the demo still transcribes; it only skips the speakers.
    monkeypatch.setattr("desk.core.demo.require_extra", _no_extra)
    assert not prepare_demo(tmp_path / "demo", fresh=True).needs_speakers


def test_the_demo_finds_how_many_speak() -> None:
    options = demo_speaker_options()
    assert options.task == "identify" and options.speakers is None and options.use_profiles
    assert options.annotator == ""  # the window fills in its analyst
    assert demo_speaker_options("AB").annotator == "AB"


def _no_extra() -> None:
    raise ModelError("identifying speakers needs the speaker model")
