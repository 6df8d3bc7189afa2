"""File → Merge coding from…: preview, new tags offered, refusal, one undo step, idempotent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.ui.analysts.merge_dialog import MergeDialog
from desk.ui.main_window import MainWindow
from desk.ui.workers import wait_for_tasks
from tests.conftest import make_media, project_digest
from tests.core.coding.analysts import BEN, analyst_project


def _planned(qtbot: QtBot, dialog: MergeDialog, path: Path, name: str | None = None) -> None:
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.set_source(path, name)


def _dialog(window: MainWindow) -> MergeDialog:
    dialog = window.analysts.open_merge_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def _layers(window: MainWindow) -> dict[str, int]:
    project = window.project
    assert project is not None
    return dict(project.layers.annotators())


def test_preview_new_tags_then_one_undo_step(qtbot: QtBot, mine: MainWindow, ben: Path) -> None:
    steps = mine.undo_stack.count()  # the file's own history is on the stack already
    dialog = _dialog(mine)
    assert not dialog.merge_button.isEnabled()
    _planned(qtbot, dialog, ben)
    assert "4 annotations come in as the layer of ben" in dialog.summary.text()
    assert dialog.tag_list.count() == 1 and dialog.chosen_tags() == ["crowd noise"]
    assert dialog.tag_list.item(0).text() == "crowd noise (1 annotation)"
    assert dialog.speakers_box.isVisibleTo(dialog) and not dialog.speakers_box.isChecked()
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=10_000):
        dialog.merge_button.click()
    controller = mine.tagging.controller
    qtbot.waitUntil(lambda: any(a.annotator == "ben" for a in controller.annotations))
    assert _layers(mine)["ben"] == 4
    assert controller.tag_named("crowd noise") is not None
    assert mine.undo_stack.count() == steps + 1
    assert "merged 4 annotations from ben.desk" in mine.statusBar().currentMessage()
    mine.undo_stack.undo()
    controller.flush()
    assert "ben" not in _layers(mine)
    assert controller.tag_named("crowd noise") is None
    mine.undo_stack.redo()
    assert _layers(mine)["ben"] == 4

    again = _dialog(mine)  # the same file twice adds nothing
    _planned(qtbot, again, ben)
    assert "0 annotations" in again.summary.text() and "4 of theirs" in again.summary.text()
    assert not again.merge_button.isEnabled()


def test_a_new_tag_left_unticked_is_not_made(qtbot: QtBot, mine: MainWindow, ben: Path) -> None:
    dialog = _dialog(mine)
    _planned(qtbot, dialog, ben, name="bea")
    dialog.tag_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.chosen_tags() == []
    with qtbot.waitSignal(dialog.merged, timeout=10_000):
        dialog.merge()
    assert _layers(mine)["bea"] == 3
    assert mine.project is not None
    assert "crowd noise" not in [t.name for t in mine.project.tags.list(include_archived=True)]
    assert "crowd noise (1)" in mine.statusBar().currentMessage()


def test_another_recording_is_refused_and_nothing_changes(qtbot: QtBot, mine: MainWindow,
                                                          anna: Path, tmp_path: Path) -> None:
    other = analyst_project(tmp_path / "other.desk", make_media(
        tmp_path / "other.mp4", audio="sine=frequency=880"), "ben", BEN)
    assert wait_for_tasks(20_000)  # the waveform cache is written once the project opens
    qtbot.wait(50)
    before, steps = project_digest(anna), mine.undo_stack.count()
    dialog = _dialog(mine)
    _planned(qtbot, dialog, other)
    assert "codes a different recording" in dialog.summary.text()
    assert not dialog.merge_button.isEnabled() and not dialog.tag_list.isVisibleTo(dialog)
    dialog.merge()  # pressing Enter anyway does nothing
    assert project_digest(anna) == before and mine.undo_stack.count() == steps


def test_from_a_desk_json_export(qtbot: QtBot, mine: MainWindow, ben: Path,
                                 tmp_path: Path) -> None:
    from desk.core.formats.registry import export_format
    from desk.core.store import Project

    out = tmp_path / "ben.json"
    with Project.open(ben, writable=False) as project:
        export_format("json").export(project, out)
    dialog = _dialog(mine)
    _planned(qtbot, dialog, out)
    dialog.speakers_box.setChecked(True)
    with qtbot.waitSignal(dialog.merged, timeout=10_000):
        dialog.merge()
    assert _layers(mine)["ben"] == 4
    assert mine.project is not None
    assert [s.speaker for s in mine.project.transcripts.segments(with_words=False)] == [
        "Elon Musk", "Donald Trump"]


def test_nothing_to_merge_without_a_writable_project(window: MainWindow) -> None:
    assert window.analysts.open_merge_dialog() is None
    assert not window.analysts.merge_action.isEnabled()
