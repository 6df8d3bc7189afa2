"""Transcribing from the app: live rows, progress, missing model, resume offer, the dialog."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.pipeline.jobs import JobEvent, JobOptions
from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from tests.ui.ui_helpers import isolated_settings, make_window


class ScriptedJob:
    """A job that writes real segments into the project file from its own connection,
    like the child process does, and reports the same events."""

    def __init__(self, project_path: Path, batches: int = 4) -> None:
        self.project_path = project_path
        self.batches = batches
        self.cancelled = False

    def start(self) -> None:
        self.project = Project.open(self.project_path)

    def events(self) -> Iterator[JobEvent]:
        with self.project as project:
            total = project.media.duration()
            transcript = project.transcripts.create(Transcript("scripted", "none",
                                                               status="running", total=total))
            yield JobEvent("started", transcript.id, 0.0, total)
            for i in range(self.batches):
                if self.cancelled:
                    project.transcripts.update(transcript.id, status="cancelled")
                    yield JobEvent("cancelled", transcript.id, i * 5.0, total)
                    return
                start = i * 5.0
                words = [Word(start + k, start + k + 0.8, f"w{i}{k}") for k in range(3)]
                ids = project.transcripts.add_segments(
                    transcript.id, [Segment(start, start + 3.0, f"w{i}0 w{i}1 w{i}2", words)],
                    progress=start + 5.0)
                yield JobEvent("segments", transcript.id, start + 5.0, total,
                               eta=(self.batches - i - 1) * 0.1, segment_ids=ids)
                time.sleep(0.3)  # a real job takes seconds per window
            project.transcripts.update(transcript.id, status="complete", progress=total)
            yield JobEvent("finished", transcript.id, total, total)

    def cancel(self) -> None:
        self.cancelled = True

    needs_recording = False  # it reports its own end, as a healthy child does

    def record_ending(self, project: Project) -> None:
        raise AssertionError("a job that reported its end has nothing to record")


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
           monkeypatch: pytest.MonkeyPatch, errors: list[str]) -> MainWindow:
    path = tmp_project.path
    tmp_project.close()
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    window.window_actions.files.open_project(path)
    return window


def test_rows_arrive_live_with_progress(qtbot: QtBot, window: MainWindow) -> None:
    controller = window.window_actions.transcription
    model = window.transcript_model
    counts: list[int] = []
    labels: list[str] = []
    model.rowsInserted.connect(lambda *_: counts.append(model.rowCount()))
    controller.progress.bar.valueChanged.connect(
        lambda _v: labels.append(controller.progress.label.text()))
    job = ScriptedJob(window.project.path)
    with qtbot.waitSignal(controller.job_ended, timeout=10000) as ended:
        assert controller.start(JobOptions(), job=job)
        assert controller.progress.isVisible()
        assert not window.action("transcribe").isEnabled()
        assert window.action("cancel_transcription").isEnabled()
    assert ended.args[0].kind == "finished"
    assert counts[-1] == 4 and len(counts) >= 2  # rows arrive while the job runs
    assert model.rowCount() == 4
    assert any("left" in label for label in labels)  # the ETA is shown
    assert not controller.progress.isVisible()
    assert model.row(3).text == "w30 w31 w32"
    assert window.action("transcribe").isEnabled()
    assert "scripted" in window.model_label.text()


def test_cancel_keeps_what_was_transcribed(qtbot: QtBot, window: MainWindow) -> None:
    controller = window.window_actions.transcription
    job = ScriptedJob(window.project.path, batches=50)
    with qtbot.waitSignal(controller.job_ended, timeout=10000) as ended:
        controller.start(JobOptions(), job=job)
        qtbot.waitUntil(lambda: window.transcript_model.rowCount() >= 2, timeout=5000)
        window.action("cancel_transcription").trigger()
    assert ended.args[0].kind == "cancelled"
    kept = window.transcript_model.rowCount()
    assert 2 <= kept < 50
    assert window.project.transcripts.count()[0] == kept


def test_missing_model_is_a_dialog(window: MainWindow, errors: list[str]) -> None:
    controller = window.window_actions.transcription
    assert not controller.start(JobOptions(model="large-v9"))
    assert errors and "large-v9" in errors[-1]
    assert not controller.running


def test_interrupted_transcription_is_offered_for_resume(
        qtbot: QtBot, tmp_path: Path, tmp_project: Project,
        monkeypatch: pytest.MonkeyPatch) -> None:
    transcript = tmp_project.transcripts.create(
        Transcript("faster", "tiny.en", language="en", status="cancelled", progress=12.0,
                   total=30.0))
    tmp_project.transcripts.add_segments(transcript.id, [Segment(1.0, 3.0, "hello there")])
    path = tmp_project.path
    tmp_project.close()
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    window.window_actions.files.open_project(path)
    controller = window.window_actions.transcription
    banner = controller.resume_banner
    assert banner.isVisible() and "00:00:12 of 00:00:30" in banner.label.text()
    assert window.action("resume_transcription").isEnabled()
    started: list[JobOptions] = []
    monkeypatch.setattr(controller, "_make_job",
                        lambda options: started.append(options) or ScriptedJob(path, 1))
    with qtbot.waitSignal(controller.job_ended, timeout=10000):
        banner.resume_button.click()
    assert started[0].resume and started[0].model == "tiny.en" and started[0].engine == "faster"
    assert not banner.isVisible()


def test_the_status_bar_shows_the_scan_then_the_transcription_with_its_eta(
        qtbot: QtBot) -> None:
    from desk.ui.transcription_controller import JobProgress

    progress = JobProgress()
    qtbot.addWidget(progress)
    progress.show_progress(1800.0, 3600.0, None, scanning=True)
    assert progress.label.text().startswith("Finding dead air 00:30:00 / 01:00:00")
    assert progress.bar.value() == 500
    progress.show_progress(900.0, 3600.0, 125.0)
    assert progress.label.text().startswith("Transcribing 00:15:00") and "02:05" in \
        progress.label.text()
    progress.show_progress(900.0, 3600.0, 123.0)  # a heartbeat: the bar stays, the ETA counts
    assert "02:03" in progress.label.text() and progress.bar.value() == 250


def test_speakers_asked_for_in_the_dialog_run_once_the_transcript_is_complete(
        qtbot: QtBot, window: MainWindow) -> None:
    from desk.core.pipeline.job_messages import SpeakerJobOptions

    controller = window.window_actions.transcription
    asked: list[SpeakerJobOptions] = []
    controller.run_then = asked.append
    for kind, batches in (("cancelled", 4), ("finished", 1)):
        job = ScriptedJob(window.project.path, batches=batches)
        with qtbot.waitSignal(controller.job_ended, timeout=10000) as ended:
            assert controller.start(JobOptions(), job=job)
            controller.then = SpeakerJobOptions(speakers=2)  # what the dialog's choice sets
            if kind == "cancelled":
                controller.cancel()
        assert ended.args[0].kind == kind
    assert asked == [SpeakerJobOptions(speakers=2)]  # only after the complete run
    assert controller.then is None
    assert window.transcription.run_then is not None
