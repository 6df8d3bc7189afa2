"""Fixtures for the analysts' UI tests: Anna's project, Ben's file, a window on them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.coding.merge import merge_file, plan_file
from desk.ui.main_window import MainWindow
from desk.ui.workers import wait_for_tasks
from tests.core.coding.analysts import ANNA, BEN, analyst_project
from tests.ui.ui_helpers import isolated_settings, make_window


@pytest.fixture
def anna(tmp_path: Path, tone_media: Path) -> Path:
    return analyst_project(tmp_path / "anna.desk", tone_media, "anna", ANNA)


@pytest.fixture
def ben(tmp_path: Path, tone_media: Path) -> Path:
    return analyst_project(tmp_path / "ben.desk", tone_media, "ben", BEN,
                           speakers=("Elon Musk", "Donald Trump"))


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           errors: list[str]) -> Iterator[MainWindow]:
    win = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    yield win
    assert wait_for_tasks(20_000)


@pytest.fixture
def mine(window: MainWindow, anna: Path) -> MainWindow:
    """The window on Anna's project alone."""
    assert window.window_actions.files.open_project(anna) is not None
    return window


@pytest.fixture
def both(window: MainWindow, anna: Path, ben: Path) -> MainWindow:
    """The window on Anna's project with Ben's coding merged in (every new tag made)."""
    merge_file(anna, plan_file(anna, ben), add_tags=["crowd noise"])
    assert window.window_actions.files.open_project(anna) is not None
    return window
