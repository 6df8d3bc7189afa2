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
    # Speakers (in their numbers' order): HOST and GUEST each speak two 3.5 s segments
    # = 7 s (23.3 %) in two turns of 3.5 s; 0.5 s pauses between them: no interruptions.
    speakers = ui.stats_panel.speakers_table
    assert [_cells(speakers, r) for r in range(2)] == [
        ["HOST", "2", "00:00:07", "23.3 %", "2", "00:00:03", "0"],
        ["GUEST", "2", "00:00:07", "23.3 %", "2", "00:00:03", "0"]]
    assert not speakers.item(0, 0).icon().isNull()
    assert not ui.stats_panel.picture.pixmap().isNull()

    # A new code updates the pane while it is shown.
    ui.controller.code_range("Harris attacks", 24.0, 27.0)
    qtbot.waitUntil(lambda: _cells(table, 3)[1] == "2", timeout=2000)
    assert _cells(table, 3)[3:] == ["00:00:07", "23.3 %"]


@pytest.mark.qt_log_ignore(r"^This plugin does not support (lower|raise|propagateSizeHints)\(\)",
                           r"^This plugin does not support grabbing the keyboard")
def test_every_tag_shows_and_the_pane_scrolls(qtbot: QtBot, window: MainWindow,
                                              coded_path: Path) -> None:
    from desk.core.records import Tag

    project = window.window_actions.files.open_project(coded_path)
    assert project is not None
    ui = tagging(window)
    for i in range(25):
        ui.controller.add_tag(Tag(f"a rather long tag name number {i}", "#1f77b4"))
    ui.controller.flush()
    window.docks["statsDock"].show()
    window.docks["statsDock"].raise_()
    panel = ui.stats_panel
    panel.resize(320, 300)
    panel.recompute()
    table = panel.tags_table
    assert table.rowCount() == len(project.tags.list())
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.height() >= rows + table.horizontalHeader().height()  # no row hidden
    assert table.verticalScrollBar().maximum() == 0
    qtbot.waitUntil(lambda: panel.scroll_area.verticalScrollBar().maximum() > 0, timeout=2000)


def test_tag_filter_is_wide_enough_for_the_longest_tag(qtbot: QtBot, window: MainWindow,
                                                       coded_path: Path) -> None:
    from desk.core.records import Tag

    assert window.window_actions.files.open_project(coded_path) is not None
    ui = tagging(window)
    longest = "Attacks on Kamala Harris (personal, not policy)"
    ui.controller.add_tag(Tag(longest, "#d62728"))
    ui.controller.flush()
    combo = ui.annotations_panel.tag_filter
    assert combo.findText(longest) >= 0
    assert combo.sizeHint().width() >= combo.fontMetrics().horizontalAdvance(longest)
