"""The code-timeline picture against a hand-computed example, and `desk stats --png`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desk.core.coding.code_timeline import code_timeline
from desk.core.store import Project
from desk.ui.tagging.stats_picture import (
    MARGIN,
    ROW_H,
    TITLE_H,
    render_code_timeline,
    track_geometry,
)

REPO = Path(__file__).resolve().parents[3]


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
