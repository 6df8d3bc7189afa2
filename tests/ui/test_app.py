"""Starting the app: light start-up, no libvlc, crash dialog, German UI, dark palette."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui import vlc_loader
from desk.ui.transcript_model import COL_TEXT
from desk.ui.video_area import PAGE_NO_VLC
from tests.ui.ui_helpers import VLC_TEST_ARGS, add_transcript, isolated_settings, make_window

REPO = Path(__file__).resolve().parents[2]


def run_app(tmp_path: Path, *args: str, **env: str) -> dict:
    """`python -m desk.ui.app --startup-report` in a child: the real start-up path."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", DESK_ANNOTATOR="tester",
                       DESK_CONFIG_DIR=str(tmp_path / "config"), DESK_VLC_ARGS=VLC_TEST_ARGS,
                       **env)
    done = subprocess.run([sys.executable, "-m", "desk.ui.app", "--startup-report",
                           "--quit-after", "0.3", *args], capture_output=True, text=True,
                          env=environment, cwd=REPO, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr
    return json.loads(lines[0])


def test_window_starts_without_loading_whisper(tmp_path: Path) -> None:
    report = run_app(tmp_path)
    assert report["shown"] and report["playback"]
    assert report["heavy_modules"] == []  # torch/whisper load only when transcribing


def test_without_libvlc_the_app_starts_and_says_how_to_install(tmp_path: Path) -> None:
    # python-vlc gives up on a libvlc it cannot load (it even calls sys.exit).
    report = run_app(tmp_path, PYTHON_VLC_LIB_PATH=str(tmp_path / "missing" / "libvlc.so.5"))
    assert report["shown"] and not report["playback"]
    assert report["video_page"] == PAGE_NO_VLC
    assert "Install VLC 3" in report["hint"] and "sudo apt install vlc" in report["hint"]


def test_without_libvlc_the_transcript_stays_usable(qtbot: QtBot, tmp_path: Path,
                                                     tmp_project: Project,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    add_transcript(tmp_project, ["Hello everyone", "Sorry for the late start"])
    path = tmp_project.path
    tmp_project.close()
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` now fails
    vlc_loader.reset()
    try:
        window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
        assert not window.player.available
        assert window.video_area.page() == PAGE_NO_VLC
        assert "Install VLC 3" in window.video_area.no_vlc.text()
        assert not window.transport_bar.isEnabled()
        window.window_actions.files.open_project(path)
        assert window.video_area.page() == PAGE_NO_VLC
        model = window.transcript_model
        model.setData(model.index(1, COL_TEXT), "Sorry for the very late start")
        window.transcript_view.selectRow(0)
        assert window.transcript_view.selected_time_range() is not None
        window.player.play()  # harmless no-ops
        window.player.seek(3.0)
        assert model.row(1).text == "Sorry for the very late start"
    finally:
        vlc_loader.reset()


def test_first_run_asks_for_the_annotator(qtbot: QtBot, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.ui import app as app_module
    from desk.ui.dialogs import QInputDialog

    settings = isolated_settings(tmp_path, monkeypatch)
    settings.store.remove("annotator")
    monkeypatch.delenv("DESK_ANNOTATOR")
    asked: list[str] = []

    def get_text(_parent: object, title: str, *_args: object) -> tuple[str, bool]:
        asked.append(title)
        return "  Anna  ", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window = make_window(qtbot, settings)
    app_module._after_show(window, app_module._parse([]))
    assert asked == ["Welcome to Desk"]
    assert settings.annotator == "Anna" and window.transcript_model.annotator == "Anna"
    app_module._after_show(window, app_module._parse([]))
    assert len(asked) == 1  # asked once
