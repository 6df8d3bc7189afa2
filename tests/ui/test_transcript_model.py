"""The transcript's Qt model: passes the model tester; tag stripes follow the codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from pytestqt.modeltest import ModelTester

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import TranscriptModel
from tests.ui.ui_helpers import TRANSCRIPT_TEXTS as TEXTS


@pytest.fixture
def project_path(transcript_path: Path) -> Path:
    return transcript_path


@pytest.fixture
def window(transcript_window: MainWindow) -> MainWindow:
    return transcript_window



def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, project_path: Path) -> None:
    model = TranscriptModel()
    with Project.open(project_path) as project:
        model.set_project(project)
        assert model.rowCount() == len(TEXTS)
        qtmodeltester.check(model)
        model.set_playhead(6.0)
        model.refresh_annotations()
        qtmodeltester.check(model)


def test_tag_stripes_follow_annotations(window: MainWindow) -> None:
    project = window.project
    project.annotations.add("DDoS claim", 9.5, 12.0, annotator="tester")
    window.transcript_model.refresh_annotations()
    colour = project.tags.get("DDoS claim").colour
    assert window.transcript_model.row(2).tag_colours == [colour]
    assert window.transcript_model.row(1).tag_colours == []
    window.transcript_view.scrollTo(window.transcript_model.index(2, 0))
    pixmap = window.transcript_view.viewport().grab()  # paints the stripe
    stripe_x = window.transcript_view.visualRect(window.transcript_model.index(2, 0)).left() + 1
    stripe_y = window.transcript_view.visualRect(window.transcript_model.index(2, 0)).center().y()
    ratio = pixmap.devicePixelRatio()
    painted = pixmap.toImage().pixelColor(QPoint(int(stripe_x * ratio), int(stripe_y * ratio)))
    assert painted.name() == colour.lower()
