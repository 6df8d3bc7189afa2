"""The transcript's Qt model: passes the model tester; tag stripes follow the codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import TranscriptModel
from tests.core.formats.annotated import build_labelling_project
from tests.ui.ui_helpers import TRANSCRIPT_TEXTS as TEXTS
from tests.ui.ui_helpers import isolated_settings, make_window


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


def _stripe(window: MainWindow, row: int) -> str:
    """The colour painted at the left edge of a row's time cell (its first stripe)."""
    view, model = window.transcript_view, window.transcript_model
    view.scrollTo(model.index(row, 0))
    pixmap = view.viewport().grab()
    rect = view.visualRect(model.index(row, 0))
    ratio = pixmap.devicePixelRatio()
    point = QPoint(int((rect.left() + 1) * ratio), int(rect.center().y() * ratio))
    return pixmap.toImage().pixelColor(point).name()


def test_stripes_follow_the_labelling_rule(qtbot: QtBot, tmp_path: Path, tone_media: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Harris attacks 10–14.12 s runs 0.12 s into the praise line and does not colour it;
    a 1 s DDoS claim inside the 10 s line does (the rule every export follows)."""
    path = tmp_path / "labels.desk"
    build_labelling_project(path, tone_media).close()
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    project = window.window_actions.files.open_project(path)
    assert project is not None
    harris = project.tags.get("Harris attacks").colour.lower()
    ddos = project.tags.get("DDoS claim").colour.lower()
    model = window.transcript_model
    assert [[c.lower() for c in model.row(i).tag_colours] for i in range(3)] == [
        [harris], [], [ddos]]
    assert _stripe(window, 0) == harris
    assert _stripe(window, 1) not in (harris, ddos)
    assert _stripe(window, 2) == ddos
