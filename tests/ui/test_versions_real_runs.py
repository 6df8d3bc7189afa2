"""Transcript versions with the real job child (faster-whisper, tiny.en) in the real window.

A corrected, coded transcript is current; a new run is cancelled a few
seconds in (the corrected version stays current and on screen all along,
the run is kept as a partial version), then a run completes (it becomes
current) and the corrected version is still there, intact, to switch back to.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.jobs import JobOptions
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.versions_dialog import VersionsDialog
from tests.ui.ui_helpers import TRANSCRIPT_TEXTS, add_transcript, isolated_settings, make_window

pytestmark = pytest.mark.slow
OPTIONS = JobOptions(engine="faster", beam_size=1, threads=1, window_seconds=20.0)
CORRECTED = "Corrected by the analyst"
RUN_TIMEOUT = 240000  # the 74 s sample on two shared cores


def _texts(window: MainWindow) -> list[str]:
    return [r.text for r in window.transcript_model.rows()]


def test_a_new_run_never_replaces_the_corrected_version(
        qtbot: QtBot, tmp_path: Path, sample_media: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    media = tmp_path / "interview.mp4"
    shutil.copy(sample_media, media)
    path = tmp_path / "interview.desk"
    with Project.create(path, media=probe(media),
                        codebook=load_codebook("trump-musk-x-2024")) as project:
        first_ids = add_transcript(project, TRANSCRIPT_TEXTS)
        project.edits.set_text(first_ids[0], CORRECTED, "anna")
        project.annotations.add("DDoS claim", 9.0, 12.0, annotator="anna")
        corrected = project.versions.current_id()
    expected = [CORRECTED, *TRANSCRIPT_TEXTS[1:]]
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.window_actions.files.open_project(path) is not None
    project = window.project
    controller = window.transcription
    seen: list[list[str]] = []
    window.transcript_model.modelReset.connect(lambda: seen.append(_texts(window)))
    window.transcript_model.rowsInserted.connect(lambda *_: seen.append(_texts(window)))

    # 1. Cancelled a few seconds in: the corrected version stays current, on screen.
    assert controller.start(OPTIONS)
    # A window's segments are stored, then its progress event follows (exact resume), so
    # wait on the stored partial version rather than on the last event's kind.
    qtbot.waitUntil(lambda: any(v.partial and v.segments > 0 for v in project.versions.list()),
                    timeout=RUN_TIMEOUT)
    assert _texts(window) == expected
    with qtbot.waitSignal(controller.job_ended, timeout=RUN_TIMEOUT) as ended:
        controller.cancel()
    assert ended.args[0].kind == "cancelled"
    assert project.versions.current_id() == corrected and _texts(window) == expected
    partial = [v for v in project.versions.list() if v.partial]
    assert len(partial) == 1 and partial[0].segments > 0
    assert all(texts == expected for texts in seen)  # never shown in its place

    # 2. A run that completes becomes current; the corrected version is kept, selectable.
    with qtbot.waitSignal(controller.job_ended, timeout=RUN_TIMEOUT) as ended:
        assert controller.start(JobOptions(engine="faster", beam_size=1, threads=1))
    assert ended.args[0].kind == "finished"
    fresh = project.versions.current_id()
    assert fresh not in (corrected, partial[0].id)
    assert "Elon" in " ".join(_texts(window)) or len(_texts(window)) > 3
    dialog = VersionsDialog(project, window.undo, window.annotator, controller.resume,
                            lambda: controller.running, window)
    qtbot.addWidget(dialog)
    dialog.select(corrected)
    dialog.use_button.click()
    assert project.versions.current_id() == corrected and _texts(window) == expected
    assert project.annotations.count() == 1  # codes belong to the recording
    window.action("undo").trigger()
    assert project.versions.current_id() == fresh
