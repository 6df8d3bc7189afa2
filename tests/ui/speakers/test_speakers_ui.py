"""Speakers in the window: the dock, and one reread after any change, wherever it was made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from tests.ui.ui_helpers import isolated_settings, make_window


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.speakers._timer.isActive(), timeout=2000)


def test_the_pane_docks_beside_statistics_and_is_in_view(window: MainWindow) -> None:
    dock = window.docks["speakersDock"]
    assert dock.widget() is window.speakers.panel
    assert window.docks["statsDock"] in window.tabifiedDockWidgets(dock)
    assert dock.toggleViewAction() in window.menu("view").actions()
    assert dock.windowTitle() == "Speakers"


def test_edits_elsewhere_undo_and_redo_reach_the_pane_lane_and_filter(
        qtbot: QtBot, window: MainWindow) -> None:
    ui = window.speakers
    canvas = window.tagging.timeline.canvas
    assert [t.name for t in canvas.speaker_tracks] == ["Speaker 1", "Elon Musk"]
    combo = window.find_bar.speaker_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Any speaker", "Speaker 1", "Elon Musk"]
    # The transcript's own Speaker cell (not the pane) gives segment 3 to a new voice.
    model = window.transcript_model
    model.setData(model.index(2, 1), "Donald Trump")
    _settled(qtbot, window)
    assert [s.name for s in ui.panel.model.speakers] == ["Speaker 1", "Elon Musk",
                                                         "Donald Trump"]
    assert [t.name for t in canvas.speaker_tracks] == ["Speaker 1", "Elon Musk",
                                                       "Donald Trump"]
    assert combo.count() == 4
    assert ui.panel.model.index(0, 4).data() == "1"  # Speaker 1 now speaks once

    window.undo_stack.undo()
    _settled(qtbot, window)
    assert [s.name for s in ui.panel.model.speakers] == ["Speaker 1", "Elon Musk"]
    assert ui.panel.model.index(0, 4).data() == "2"
    window.undo_stack.redo()
    _settled(qtbot, window)
    assert len(canvas.speaker_tracks) == 3


def test_closing_the_project_empties_everything(window: MainWindow) -> None:
    window.close_project()
    assert window.speakers.panel.model.rowCount() == 0
    assert window.tagging.timeline.canvas.speaker_tracks == []
    assert not window.find_bar.speaker_filter.isVisibleTo(window.find_bar)


def test_the_pane_and_the_filter_in_german(qtbot: QtBot, tmp_path: Path, project_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, german: None) -> None:
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.window_actions.files.open_project(project_path) is not None
    model = window.speakers.panel.model
    assert window.docks["speakersDock"].windowTitle() == "Sprecher"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Redezeit"
    assert model.index(1, 5).data() == "an der Stimme erkannt (0.83)"
    assert window.find_bar.speaker_filter.itemText(0) == "Alle Sprecher"
    assert QCoreApplication.translate("TimelineCanvas", "Waveform") == "Wellenform"
