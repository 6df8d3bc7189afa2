"""The timeline's background follows the palette: dark stays dark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from desk.ui.main_window import MainWindow
from desk.ui.tagging.timeline import GUTTER, LANE_H, RULER_H
from desk.ui.theme import dark_palette
from desk.ui.workers import wait_for_tasks
from tests.ui.tagging.conftest import tagging


def test_dark_palette_repaints_the_timeline_dark(opened: MainWindow) -> None:
    """Switching to a dark palette redraws the cached background: dark lanes, light labels."""
    canvas = tagging(opened).timeline.canvas
    x = GUTTER + 5  # the tone project has no annotations: bare lane background here

    def pixel(image: QImage, px: float, py: float) -> QColor:
        ratio = image.devicePixelRatio()
        return image.pixelColor(int(px * ratio), int(py * ratio))

    light = canvas.grab().toImage()  # caches the background in the light palette
    assert pixel(light, x, canvas.lane_top(0) + LANE_H / 2).lightness() > 160
    opened.setPalette(dark_palette())
    dark = canvas.grab().toImage()
    for lane in (0, 1):  # base and alternateBase rows
        assert pixel(dark, x, canvas.lane_top(lane) + LANE_H / 2).lightness() < 80
    assert pixel(dark, GUTTER / 2, canvas.lane_top(0) + 1).lightness() < 80  # the names' gutter
    label = {pixel(dark, px, canvas.lane_top(0) + LANE_H / 2).lightness()
             for px in range(16, int(GUTTER) - 20)}
    assert max(label) > 150  # lane names drawn in the light text colour


def test_no_times_on_the_ruler_before_a_recording_is_open(window: MainWindow,
                                                          project_path: Path) -> None:
    """Without a project the ruler is bare; with the 30 s tone it carries times."""
    canvas = tagging(window).timeline.canvas
    assert _ruler_ink(canvas.grab().toImage()) == 0
    assert window.window_actions.files.open_project(project_path) is not None
    assert wait_for_tasks(10_000)
    assert _ruler_ink(canvas.grab().toImage()) > 20


def _ruler_ink(image: QImage) -> int:
    """Pixels of text above the ruler's axis, right of the names' gutter."""
    ratio = image.devicePixelRatio()
    return sum(1 for x in range(int(GUTTER * ratio) + 2, image.width(), 2)
               for y in range(1, int((RULER_H - 6) * ratio))
               if image.pixelColor(x, y).lightness() < 120)
