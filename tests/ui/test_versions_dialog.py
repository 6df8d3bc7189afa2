"""Transcript → Versions…: list, switch, rename, delete, each undone through Edit → Undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desk.core.records import Segment, Transcript
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import COL_TEXT
from desk.ui.versions_dialog import VersionsDialog, VersionsModel, settings_text
from tests.ui.ui_helpers import TRANSCRIPT_TEXTS, add_transcript, isolated_settings, make_window

SECOND = ["A second run", "with other words"]


def _two_versions(project: Project) -> tuple[int, int]:
    """Version 1 corrected by hand and complete; version 2 a later complete run (current);
    version 3 a run cancelled at 12 s."""
    first_segments = add_transcript(project, TRANSCRIPT_TEXTS)
    project.edits.set_text(first_segments[0], "Corrected by the analyst", "anna")
    second = project.transcripts.create(Transcript(engine="faster", model="base.en",
                                                   settings={"decoding": "faster"},
                                                   status="running", total=30.0))
    assert second.id is not None
    project.transcripts.add_segments(second.id, [Segment(1.0 + 4 * i, 4.0 + 4 * i, text)
                                                 for i, text in enumerate(SECOND)])
    project.versions.complete(second.id, 30.0)
    cancelled = project.transcripts.create(Transcript(engine="faster", model="tiny.en",
                                                      status="cancelled", progress=12.0,
                                                      total=30.0))
    assert cancelled.id is not None
    first = project.transcripts.segment(first_segments[0]).transcript_id
    assert first is not None
    return first, second.id


@pytest.fixture
def versions_path(tmp_project: Project) -> Path:
    _two_versions(tmp_project)
    path = tmp_project.path
    tmp_project.close()
    return path


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, versions_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.window_actions.files.open_project(versions_path) is not None
    return window


def _open(qtbot: QtBot, window: MainWindow) -> VersionsDialog:
    window.action("versions").trigger()
    dialog = window.window_actions.versions_dialog
    assert isinstance(dialog, VersionsDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _texts(window: MainWindow) -> list[str]:
    model = window.transcript_model
    return [model.index(r, COL_TEXT).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, versions_path: Path) -> None:
    with Project.open(versions_path) as project:
        model = VersionsModel(project)
        assert model.rowCount() == 3
        qtmodeltester.check(model)
        model.reload()
        qtmodeltester.check(model)


def test_lists_engine_model_settings_edited_and_partial(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    dialog = _open(qtbot, window)
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert [r[1:3] for r in rows] == [["test", "none"], ["faster", "base.en"],
                                      ["faster", "tiny.en"]]
    assert [r[6] for r in rows] == ["yes", "no", "no"]
    assert [r[7] for r in rows] == ["complete", "current",
                                    "partial (cancelled) at 00:00:12 of 00:00:30"]
    assert "decoding faster" in rows[1][3]
    dialog.select(model.version(2).id)
    assert not dialog.use_button.isEnabled() and dialog.resume_button.isEnabled()
    dialog.reject()


def test_switch_rename_delete_each_undone(qtbot: QtBot, window: MainWindow) -> None:
    project = window.project
    first = project.versions.list()[0].id
    assert _texts(window) == SECOND  # the newer complete run is current
    dialog = _open(qtbot, window)
    dialog.select(first)
    dialog.use_button.click()
    assert project.versions.current_id() == first
    assert _texts(window)[0] == "Corrected by the analyst"  # the corrected version, intact
    assert dialog.model.state(dialog.model.version(0)) == "current"
    assert window.model_label.text() == "test · none"
    window.action("undo").trigger()
    assert _texts(window) == SECOND and dialog.model.version(1).current
    dialog.select(first)
    dialog.rename("corrected by anna")
    assert project.versions.get(first).name == "corrected by anna"
    assert dialog.model.index(0, 0).data() == "corrected by anna"
    window.action("undo").trigger()
    assert project.versions.get(first).name == ""
    second = project.versions.current_id()
    dialog.select(second)
    dialog.delete_button.click()
    assert second not in [v.id for v in project.versions.list()]
    assert project.versions.current_id() == first and _texts(window)[0] == (
        "Corrected by the analyst")
    window.action("undo").trigger()
    assert project.versions.current_id() == second and _texts(window) == SECOND
    dialog.reject()


def test_resume_hands_over_to_the_transcription(qtbot: QtBot, window: MainWindow,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    resumed: list[bool] = []
    monkeypatch.setattr(window.transcription, "resume", lambda: resumed.append(True))
    dialog = VersionsDialog(window.project, window.undo, window.annotator,
                            window.transcription.resume, lambda: False, window)
    qtbot.addWidget(dialog)
    dialog.select(window.project.versions.list()[2].id)
    dialog.resume_button.click()
    assert resumed == [True] and not dialog.isVisible()


def test_settings_in_a_few_words() -> None:
    assert settings_text({"decoding": "accurate", "beam_size": 5, "prompt": "Kamala Harris",
                          "language": None}) == (
        "decoding accurate, beam size 5, prompt “Kamala Harris”")
    assert settings_text({}) == ""
