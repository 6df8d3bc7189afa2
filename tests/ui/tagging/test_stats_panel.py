"""Statistics against a hand-computed example: the pane, the picture, and `desk stats --png`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from tests.ui.tagging.conftest import tagging


def _cells(table, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, c).text() for c in range(table.columnCount())]


# Raising a tabbed dock asks the offscreen platform to lower the other one, which it cannot.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (lower|raise|propagateSizeHints)\(\)",
                           r"^This plugin does not support grabbing the keyboard")
def test_pane_matches_the_hand_computed_figures(qtbot: QtBot, window: MainWindow,
                                                coded_path: Path) -> None:
    project = window.window_actions.files.open_project(coded_path)
    assert project is not None
    duration = project.media.duration()
    assert duration == pytest.approx(30.0, abs=0.05)
    ui = tagging(window)
    window.docks["statsDock"].show()
    window.docks["statsDock"].raise_()
    ui.stats_panel.recompute()
    table = ui.stats_panel.tags_table
    # By hand: delay covers 0–12 = 12 s of 30 s (40 %), summed 10 + 7 = 17 s, 2 codes;
    # Harris 5 s (16.7 %); the suggestion counts nothing.
    assert _cells(table, 0) == ["delay", "2", "00:00:17", "00:00:12", "40.0 %"]
    assert _cells(table, 2) == ["praise exchange", "0", "00:00:00", "00:00:00", "0.0 %"]
    assert _cells(table, 3) == ["Harris attacks", "1", "00:00:05", "00:00:05", "16.7 %"]
    # Speakers: HOST and GUEST each speak two 3.5 s segments = 7 s (23.3 %).
    speakers = ui.stats_panel.speakers_table
    assert [_cells(speakers, r) for r in range(2)] == [
        ["GUEST", "2", "00:00:07", "23.3 %"], ["HOST", "2", "00:00:07", "23.3 %"]]
    assert not ui.stats_panel.picture.pixmap().isNull()

    # A new code updates the pane while it is shown.
    ui.controller.code_range("Harris attacks", 24.0, 27.0)
    qtbot.waitUntil(lambda: _cells(table, 3)[1] == "2", timeout=2000)
    assert _cells(table, 3)[3:] == ["00:00:07", "23.3 %"]
