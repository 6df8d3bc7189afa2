"""Blind coding in the window: only my layer in the views, a badge in the status bar."""

from __future__ import annotations

from pathlib import Path

from desk.core.store import Project
from desk.ui.main_window import MainWindow


def test_blind_coding_hides_the_others(both: MainWindow, anna: Path) -> None:
    controller = both.tagging.controller
    switch = both.analysts.blind
    both.settings.annotator = "anna"
    both.transcript_model.annotator = "anna"
    controller.refresh()
    assert {a.annotator for a in controller.annotations} == {"anna", "ben"}
    lanes = both.tagging.timeline.canvas.lanes
    assert any(lane.annotator == "ben" for lane in lanes)
    assert not switch.badge.isVisibleTo(both)
    stripes_before = [row.tag_colours for row in both.transcript_model._rows]
    steps = both.undo_stack.count()

    switch.action.trigger()
    controller.flush()
    assert switch.on and switch.action.isChecked()
    assert {a.annotator for a in controller.annotations} == {"anna"}
    assert all(lane.annotator is None for lane in both.tagging.timeline.canvas.lanes)
    assert switch.badge.isVisibleTo(both)
    assert "Blind coding" in switch.badge.text() and "anna" in switch.badge.text()
    crowd = controller.tag_named("crowd noise")
    assert crowd is not None
    assert not any(crowd.colour in row.tag_colours for row in both.transcript_model._rows)
    assert both.undo_stack.count() == steps  # a rule of the file, not an edit
    with Project.open(anna, writable=False) as project:
        assert project.settings.blind_coding

    switch.action.trigger()
    controller.flush()
    assert not switch.badge.isVisibleTo(both)
    assert {a.annotator for a in controller.annotations} == {"anna", "ben"}
    assert [row.tag_colours for row in both.transcript_model._rows] == stripes_before


def test_the_rule_comes_with_the_file(window: MainWindow, anna: Path) -> None:
    with Project.open(anna) as project:
        project.settings.set_blind_coding(True)
    assert window.window_actions.files.open_project(anna) is not None
    switch = window.analysts.blind
    assert switch.action.isChecked() and switch.badge.isVisibleTo(window)
    window.close_project()
    assert not switch.action.isEnabled() and not switch.badge.isVisibleTo(window)
