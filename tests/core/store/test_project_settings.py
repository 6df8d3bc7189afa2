"""Settings kept in the project file."""

from __future__ import annotations

from desk.core.store import Project


def test_settings_live_in_the_file(tmp_project: Project) -> None:
    assert tmp_project.settings.get("missing", "default") == "default"
    tmp_project.settings.set("x", "1")
    tmp_project.settings.set("x", "2")
    assert tmp_project.settings.get("x") == "2"


def test_the_view_is_kept_in_the_file_and_survives_reopening(tmp_project: Project) -> None:
    from desk.core.store.project_settings import ViewState

    assert tmp_project.settings.view_state() == ViewState()
    state = ViewState(position=12.345, rate=1.5, view_start=10.0, seconds_per_pixel=0.02)
    tmp_project.settings.set_view_state(state)
    path = tmp_project.path
    tmp_project.close()
    reopened = Project.open(path)
    try:
        assert reopened.settings.view_state() == state
    finally:
        reopened.close()


def test_an_unreadable_view_state_reads_as_a_fresh_view(tmp_project: Project) -> None:
    from desk.core.store.project_settings import VIEW_STATE, ViewState

    for junk in ("not json", "[1, 2]", '{"position": "x"}', '{"position": -1}',
                 '{"rate": NaN}'):
        tmp_project.settings.set(VIEW_STATE, junk)
        assert tmp_project.settings.view_state() == ViewState()
    tmp_project.settings.set(VIEW_STATE, '{"position": 3}')
    assert tmp_project.settings.view_state() == ViewState(position=3.0)
