"""Reopening a project puts back the playhead, the speed and the timeline's zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow


def test_playhead_speed_and_zoom_come_back_on_reopening(qtbot: QtBot,
                                                        transcript_window: MainWindow,
                                                        transcript_path: Path) -> None:
    window = transcript_window
    canvas = window.tagging.timeline.canvas
    window.player.seek(17.345)
    window.player.set_rate(1.5)
    canvas.window_.show_range(12.0, 16.0, margin=0)
    zoom = (canvas.window_.start, canvas.window_.seconds_per_pixel)
    window.close_project()
    assert window.player.rate() == pytest.approx(1.5)
    window.player.set_rate(1.0)  # another project played at normal speed meanwhile
    window.player.seek(0.0)
    canvas.window_.fit()

    assert window.window_actions.files.open_project(transcript_path) is not None
    assert window.player.position() == pytest.approx(17.345)
    assert window.transport_bar.time_label.text().startswith("00:00:17.345")
    assert window.player.rate() == pytest.approx(1.5)
    assert window.transport_bar.speed.value() == pytest.approx(1.5)
    assert (canvas.window_.start, canvas.window_.seconds_per_pixel) == pytest.approx(zoom)
    assert window.tagging.timeline.scrollbar.value() == round(zoom[0] * 1000)


def test_the_view_is_stored_in_the_project_not_on_this_computer(
        qtbot: QtBot, transcript_window: MainWindow, transcript_path: Path) -> None:
    transcript_window.player.seek(9.5)
    transcript_window.close_project()
    project = Project.open(transcript_path)
    try:
        state = project.settings.view_state()
    finally:
        project.close()
    assert state.position == pytest.approx(9.5) and state.seconds_per_pixel == 0.0
