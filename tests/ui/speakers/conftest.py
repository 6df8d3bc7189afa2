"""Fixtures for the Speakers UI tests: two voices, one named by a voice profile, a window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from tests.ui.tagging.conftest import add_transcript
from tests.ui.ui_helpers import isolated_settings, make_window

TEXTS = ["Hello everyone and welcome", "Sorry for the late start",
         "There was a massive attack", "Kamala Harris is a disaster"]


def diarized(project: Project) -> None:
    """What diarization leaves: Speaker 1 and 2 alternating (4 s segments from 1 s on), the
    second named "Elon Musk" by a voice profile at 0.83, not yet checked."""
    add_transcript(project, TEXTS, speakers=("Speaker 1", "Speaker 2"))
    with project.database.transaction() as conn:  # what a profile match writes
        conn.execute("UPDATE speakers SET name='Elon Musk', matched_profile='Elon Musk', "
                     "matched_score=0.83, match_status='suggested', origin='auto' "
                     "WHERE position=2")


@pytest.fixture
def project_path(tmp_project: Project) -> Path:
    diarized(tmp_project)
    path = tmp_project.path
    tmp_project.close()
    return path


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_path: Path,
           errors: list[str]) -> MainWindow:
    """A shown window on the diarized project; its error dialogs go to `errors`."""
    win = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    assert win.window_actions.files.open_project(project_path) is not None
    return win
