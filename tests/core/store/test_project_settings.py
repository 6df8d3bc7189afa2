"""Settings kept in the project file."""

from __future__ import annotations

from desk.core.store import Project


def test_settings_live_in_the_file(tmp_project: Project) -> None:
    assert tmp_project.settings.get("missing", "default") == "default"
    tmp_project.settings.set("x", "1")
    tmp_project.settings.set("x", "2")
    assert tmp_project.settings.get("x") == "2"
