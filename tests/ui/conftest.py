"""UI tests: offscreen-platform limits, and a window on a project with a transcript.

pyproject makes every Qt warning fail a test (qt_log_level_fail=WARNING). The
offscreen platform plugin warns for any shown QMainWindow ("This plugin does
not support propagateSizeHints()"), which says nothing about Desk, so exactly
those plugin-limitation messages are ignored here; everything else still fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui import theme
from desk.ui.main_window import MainWindow
from tests.ui.ui_helpers import TRANSCRIPT_TEXTS, add_transcript, isolated_settings, make_window

OFFSCREEN_LIMITATIONS = [
    r"^This plugin does not support propagateSizeHints\(\)",
    r"^This plugin does not support raise\(\)",
    r"^This plugin does not support lower\(\)",
    r"^This plugin does not support grabbing the keyboard",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITATIONS))


@pytest.fixture
def transcript_path(tmp_project: Project) -> Path:
    """The 30 s tone project with a five-segment transcript (TRANSCRIPT_TEXTS), closed."""
    add_transcript(tmp_project, TRANSCRIPT_TEXTS)
    path = tmp_project.path
    tmp_project.close()
    return path


@pytest.fixture
def transcript_window(qtbot: QtBot, tmp_path: Path, transcript_path: Path,
                      monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """A shown window with the transcript project open."""
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.window_actions.files.open_project(transcript_path) is not None
    return window


@pytest.fixture
def project_path(transcript_path: Path) -> Path:
    """The project of a test in tests/ui that does not choose its own: the transcript one."""
    return transcript_path


@pytest.fixture
def window(transcript_window: MainWindow) -> MainWindow:
    """The window of a test in tests/ui that does not choose its own: the transcript one."""
    return transcript_window


@pytest.fixture
def errors() -> list[str]:
    """The error dialogs a window showed (recorded instead of blocking)."""
    return []


@pytest.fixture
def empty_window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 errors: list[str]) -> MainWindow:
    """A shown window with no project; its error dialogs go to `errors`."""
    return make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The app in German for one test; English and the locale it had come back after it."""
    locale = QLocale()
    theme.install_language(qapp, "de")
    yield
    theme.install_language(qapp, "en")
    QLocale.setDefault(locale)
