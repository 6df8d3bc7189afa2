"""Building blocks shared by the UI tests: an isolated settings file, a window, events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.settings import Settings

VLC_TEST_ARGS = "--vout=dummy --aout=dummy"


def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A fresh settings file for one test; libvlc outputs nothing."""
    monkeypatch.setenv("DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DESK_VLC_ARGS", VLC_TEST_ARGS)
    settings = Settings()
    settings.annotator = "tester"
    return settings


def make_window(qtbot: QtBot, settings: Settings, errors: list[str] | None = None) -> MainWindow:
    """A shown MainWindow whose error dialogs are recorded instead of blocking."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    recorded = errors if errors is not None else []
    window.show_error = recorded.append  # type: ignore[method-assign]
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_until(qtbot: QtBot, condition: Callable[[], bool], timeout: int = 5000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)
