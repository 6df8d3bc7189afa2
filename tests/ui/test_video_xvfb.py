"""Under a real X server (Xvfb): libvlc's video frames really appear in the video area."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb; it tells us its display number through -displayfd."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is needed for this test (Debian: apt install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_video_frames_are_drawn_into_the_window(xvfb_display: str, sample_media: Path,
                                                tmp_path: Path) -> None:
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb",
               DESK_VLC_ARGS="--aout=dummy", DESK_CONFIG_DIR=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "ui" / "xvfb_video_probe.py"), str(sample_media),
         str(tmp_path), "30"], capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
        check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    report = json.loads(lines[0])
    assert report["platform"] == "xcb" and report["playing"]
    assert report["position"] > 30.5
    screen = report["screen"]
    assert screen["width"] > 200 and screen["height"] > 100
    # A frame ("GUEST", a clock) on a dark background: far from one uniform colour.
    assert screen["colours"] > 8 and screen["stddev"] > 4, report
    assert report["widget"]["colours"] <= 2  # what Qt itself painted: just black
