"""Transcript → Identify speakers…: the real speaker child from the window, one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.pipeline.job_messages import SpeakerJobOptions
from desk.ui.main_window import MainWindow
from desk.ui.speakers.identify_run import IdentifyDialog
from tests.conftest import sample_truth
from tests.ui.ui_helpers import isolated_settings, make_window


def test_the_dialog_asks_the_count_and_what_may_change(qtbot: QtBot) -> None:
    dialog = IdentifyDialog()
    qtbot.addWidget(dialog)
    assert dialog.options("ann") == SpeakerJobOptions(annotator="ann")  # auto, keep, profiles
    dialog.count.setCurrentIndex(dialog.count.findData(2))
    dialog.replace.setChecked(True)
    dialog.profiles.setChecked(False)
    assert dialog.options("ann") == SpeakerJobOptions(speakers=2, replace=True,
                                                      use_profiles=False, annotator="ann")


@pytest.fixture
def sample_window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  truth_project: Path, errors: list[str]) -> MainWindow:
    win = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    assert win.window_actions.files.open_project(truth_project) is not None
    return win


def test_identify_runs_the_child_off_the_gui_thread_and_is_one_undo_step(
        qtbot: QtBot, sample_window: MainWindow, errors: list[str]) -> None:
    window = sample_window
    identifier = window.speakers.identifier
    names = [a.objectName() for a in window.menu("transcript").actions()]
    assert names.index("action_identify_speakers") == names.index("action_versions") + 1
    steps = window.undo_stack.count()
    with qtbot.waitSignal(identifier.ended, timeout=180_000) as ended:
        assert identifier.start(SpeakerJobOptions(use_profiles=False))
        assert identifier.running and not identifier.action.isEnabled()
        assert identifier.progress.isVisibleTo(window)
        assert identifier.progress.label.text().startswith("Identifying speakers 00:00:00 / ")
    assert ended.args[0].kind == "finished", (ended.args[0].message, errors)
    assert errors == []
    truth = {"HOST": "Speaker 1", "GUEST": "Speaker 2"}
    project = window.project
    assert project is not None
    assert [s.speaker for s in project.transcripts.segments()] == [
        truth[s.speaker or ""] for s in sample_truth()]
    qtbot.waitUntil(lambda: window.speakers.panel.model.rowCount() == 2)
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "Identify speakers"
    assert not identifier.progress.isVisibleTo(window) and identifier.action.isEnabled()
    window.undo_stack.undo()  # the whole run, back in one step
    assert {s.speaker for s in project.transcripts.segments()} == {None}
    qtbot.waitUntil(lambda: window.speakers.panel.model.rowCount() == 0)


def test_a_project_without_a_transcript_is_refused_before_any_child(
        sample_window: MainWindow, tmp_path: Path, tone_media: Path,
        errors: list[str]) -> None:
    from desk.core.pipeline.media import probe
    from desk.core.store import Project

    empty = tmp_path / "empty.desk"
    Project.create(empty, media=probe(tone_media)).close()
    window = sample_window
    assert window.window_actions.files.open_project(empty) is not None
    assert not window.speakers.identifier.start(SpeakerJobOptions())
    assert not window.speakers.identifier.running
    assert errors and "no transcript" in errors[-1]
