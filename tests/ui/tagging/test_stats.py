"""Statistics against a hand-computed example: the pane, the picture, and `desk stats --png`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desk.core.coding.code_timeline import code_timeline
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.tagging.stats_picture import (
    MARGIN,
    ROW_H,
    TITLE_H,
    render_code_timeline,
    track_geometry,
)
from tests.ui.tagging.conftest import tagging

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def coded_path(project_path: Path) -> Path:
    """delay 0–10 and 5–12 (overlapping), Harris 20–25, a suggested praise 1–2."""
    with Project.open(project_path) as project:
        project.annotations.add("delay", 0.0, 10.0)
        project.annotations.add("delay", 5.0, 12.0)
        project.annotations.add("Harris attacks", 20.0, 25.0)
        project.annotations.add("praise exchange", 1.0, 2.0, source="suggested")
    return project_path


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


def _pixel(image: QImage, row: int, seconds: float, duration: float) -> str:
    left, span = track_geometry(image.width())
    x = int(left + span * seconds / duration)
    y = MARGIN + TITLE_H + row * ROW_H + ROW_H // 2
    return image.pixelColor(x, y).name()


def _check_picture(image: QImage, duration: float) -> None:
    assert _pixel(image, 0, 8.0, duration) == "#7f7f7f"  # delay
    assert _pixel(image, 0, 15.0, duration) == "#eeeeee"  # nothing coded there
    assert _pixel(image, 3, 22.0, duration) == "#d62728"  # Harris attacks
    assert _pixel(image, 2, 1.5, duration) == "#eeeeee"  # a suggestion is not drawn


def test_picture_and_cli_png(coded_path: Path, tmp_path: Path, qtbot: QtBot) -> None:
    with Project.open(coded_path, writable=False) as project:
        timeline = code_timeline(project)
    image = render_code_timeline(timeline, 1200)
    assert image.width() == 1200 and image.height() == 2 * MARGIN + TITLE_H + 6 * ROW_H + 22
    _check_picture(image, timeline.duration)

    # The CLI draws the same picture without any window (offscreen Qt, own process).
    out = tmp_path / "codes.png"
    done = subprocess.run([sys.executable, "-m", "desk", "stats", str(coded_path), "--png",
                           str(out), "--json"], capture_output=True, text=True, cwd=REPO,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert '"tag": "delay"' in done.stdout and "wrote" in done.stderr
    saved = QImage(str(out))
    assert saved.size() == image.size()
    _check_picture(saved, timeline.duration)

    bad = subprocess.run([sys.executable, "-m", "desk", "stats", str(coded_path), "--png",
                          str(tmp_path / "codes.jpg")], capture_output=True, text=True,
                         cwd=REPO, timeout=120, check=False)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "desk: error: the picture is a PNG file: name it *.png, " \
                                 "not codes.jpg"
