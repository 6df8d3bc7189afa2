"""The window's menus: recent projects, a vanished one explained."""

from __future__ import annotations

import pytest

from desk.core.store import Project
from desk.ui.main_window import MainWindow


@pytest.fixture
def window(empty_window: MainWindow) -> MainWindow:
    return empty_window


def test_recent_projects(window: MainWindow, tmp_project: Project, errors: list[str]) -> None:
    path = tmp_project.path
    tmp_project.close()
    window.window_actions.files.open_project(path)
    window.close_project()
    window.window_actions._fill_recent()
    entries = [a.text() for a in window.window_actions.recent_menu.actions()]
    assert str(path) in entries
    path.unlink()
    assert window.window_actions.files.open_recent(str(path)) is None
    assert "gone" in errors[-1] and str(path) not in window.settings.recent_projects
