"""What every screenshot script shares: the X set-up, waiting on Qt, the demo project, the grab.

Import it before PySide6: it points Qt at the X server (libvlc draws the video into
a native window, which only a screen grab sees) and keeps VLC quiet.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DESK_VLC_ARGS", "--aout=dummy")
os.environ["QT_QPA_PLATFORM"] = "xcb"
# The grab is ImageMagick's (`import -window root`), which .ci/setup does not install:
# without it the first grab would stop the script behind an error dialog.
if shutil.which("import") is None or shutil.which("convert") is None:
    raise SystemExit("the screenshot scripts need ImageMagick: apt-get install imagemagick")

from PySide6.QtCore import QCoreApplication  # noqa: E402

OUT = Path(__file__).resolve().parent
MAX_BYTES = 300_000
DEMO_NAME = "Trump-Musk X Spaces 2024-08-12.desk"
# The codes an analyst puts on the sample: (tag, start, end, note).
CODES = [("delay", 0.0, 18.0, "dead air before the stream starts"),
         ("DDoS claim", 22.0, 28.3, "blames a DDoS attack on the servers"),
         ("praise exchange", 28.9, 39.6, ""),
         ("Harris attacks", 53.4, 61.2, "")]


def wait(seconds: float) -> None:
    """Let Qt (and the video) run for a while."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def wait_for(condition: Callable[[], object], what: str = "the app",
             seconds: float = 300.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        wait(0.1)


def demo_copy(folder: Path, name: str = DEMO_NAME) -> Path:
    """The demo project (transcribed like `desk demo --no-gui` the first time), copied
    through SQLite's backup API under `name` in `folder`."""
    from desk.core.demo import run_demo
    from desk.core.store.layers import copy_project

    copy = copy_project(run_demo().project_path, folder)
    return copy.rename(folder / name)


def grab(name: str) -> Path:
    """The whole screen as the analyst sees it (window manager frames, dialogs, video),
    reduced to 256 colours when the PNG would be larger than MAX_BYTES."""
    wait(0.6)
    path = OUT / name
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    if path.stat().st_size > MAX_BYTES:
        subprocess.run(["convert", str(path), "-colors", "256", f"PNG8:{path}"], check=True)
    print(f"{name}: {path.stat().st_size // 1024} KB")
    return path
