"""Child process for the Xvfb test: play a recording in the real window, grab the video area.

Run by tests/ui/test_video_xvfb.py with DISPLAY and QT_QPA_PLATFORM=xcb set. libvlc
draws into the native video widget outside Qt, so `QWidget.grab()` sees only the
black background; `QScreen.grabWindow(winId)` reads what is really on screen.
Prints one JSON line with pixel statistics of both grabs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from desk.ui.app import build_window, create_application
from desk.ui.settings import Settings


def pixel_stats(image: QImage) -> dict:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    step_x, step_y = max(1, image.width() // 64), max(1, image.height() // 48)
    values = [image.pixelColor(x, y) for x in range(0, image.width(), step_x)
              for y in range(0, image.height(), step_y)]
    lightness = [c.lightness() for c in values]
    mean = sum(lightness) / len(lightness)
    spread = (sum((v - mean) ** 2 for v in lightness) / len(lightness)) ** 0.5
    return {"width": image.width(), "height": image.height(), "mean": round(mean, 1),
            "stddev": round(spread, 1), "colours": len({c.rgb() for c in values})}


def main(media: Path, workdir: Path, seek: float) -> int:
    app = create_application()
    settings = Settings(workdir / "desk.ini")
    settings.annotator = "tester"
    window = build_window(settings)
    window.resize(1200, 800)
    window.show()
    project = window.window_actions.files.new_project(media, workdir / "video.desk")
    if project is None:
        print(json.dumps({"error": "project not opened"}))
        return 1
    window.player.play()
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline and window.player.position() < 0.3:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    window.player.seek(seek)
    until = time.monotonic() + 2.0
    while time.monotonic() < until:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    surface = window.video_area.surface
    screen_grab = window.screen().grabWindow(surface.winId()).toImage()
    widget_grab = surface.grab().toImage()
    report = {"platform": app.platformName(), "playing": window.player.is_playing(),
              "position": window.player.position(), "page": window.video_area.page(),
              "screen": pixel_stats(screen_grab), "widget": pixel_stats(widget_grab)}
    screen_grab.save(str(workdir / "video-area.png"))
    print(json.dumps(report), flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])))
