"""The annotations pane on real data: model tester, filters, inline edits, nudge, delete, seek."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.tagging.annotations_model import COL_END, COL_NOTE, COL_START, COL_TAG
from desk.ui.tagging.annotations_panel import AnnotationsPanel
from tests.ui.tagging.conftest import tagging


def _row_of(pane: AnnotationsPanel, tag: str) -> int:
    return next(r for r in range(pane.proxy.rowCount())
                if pane.proxy.index(r, COL_TAG).data() == tag)


def test_rows_show_every_column(pane: AnnotationsPanel) -> None:
    model = pane.proxy
    assert [model.index(r, COL_TAG).data() for r in range(3)] == [
        "delay", "praise exchange", "Harris attacks"]
    assert [model.index(0, c).data() for c in range(7)] == [
        "delay", "00:00:00.000", "00:00:06.000", "6.0 s", "dead air", "ana", "coded"]
    suggested = model.index(1, 0)
    assert suggested.data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(1, 6).data() == "suggested"


def test_filters(pane: AnnotationsPanel) -> None:
    pane.set_filters(tag="Harris attacks")
    assert pane.proxy.rowCount() == 1
    pane.set_filters(annotator="ana")
    assert pane.proxy.rowCount() == 2
    pane.set_filters(source="suggested")
    assert pane.proxy.rowCount() == 1
    pane.set_filters(source="coded", text="DEAD")
    assert [pane.proxy.index(r, COL_NOTE).data() for r in range(pane.proxy.rowCount())] == [
        "dead air"]
    pane.set_filters()
    assert pane.proxy.rowCount() == 3
    assert pane.annotator_filter.count() == 3  # all + ana + bea


def test_inline_note_and_tag_edits_are_undoable(pane: AnnotationsPanel, qtbot: QtBot,
                                                opened: MainWindow) -> None:
    project = opened.project
    row = _row_of(pane, "Harris attacks")
    index = pane.proxy.index(row, COL_NOTE)
    pane.view.setCurrentIndex(index)
    pane.view.edit(index)
    editor = pane.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "weak 2 3")  # digits type text here
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next event loop turn
    qtbot.waitUntil(lambda: project.annotations.list(tag="Harris attacks")[0].note
                    == "weak 2 3", timeout=2000)
    harris = project.annotations.list(tag="Harris attacks")[0]
    assert tagging(opened).controller.live.open_ranges() == []

    index = pane.proxy.index(_row_of(pane, "Harris attacks"), COL_TAG)
    pane.view.setCurrentIndex(index)
    pane.view.edit(index)
    combo = pane.view.viewport().findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Harris attacks"
    combo.setCurrentText("migration remarks")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: project.annotations.get(harris.id).tag == "migration remarks",
                    timeout=2000)

    assert pane.proxy.setData(pane.proxy.index(_row_of(pane, "migration remarks"), COL_END),
                              "00:17.25")
    assert project.annotations.get(harris.id).end == 17.25
    errors: list[str] = []
    tagging(opened).controller.error.connect(errors.append)
    assert not pane.proxy.setData(pane.proxy.index(_row_of(pane, "migration remarks"),
                                                   COL_START), "soon")
    assert errors and "not a time" in errors[0]

    stack = opened.undo_stack
    stack.undo()
    assert project.annotations.get(harris.id).end == 16.5
    stack.undo()
    assert project.annotations.get(harris.id).tag == "Harris attacks"
    stack.undo()
    assert project.annotations.get(harris.id).note == "disaster"


def test_nudge_delete_and_double_click_seek(pane: AnnotationsPanel, qtbot: QtBot,
                                            opened: MainWindow) -> None:
    project = opened.project
    delay = project.annotations.list(tag="delay")[0]
    pane.select_ids([delay.id])
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_Left,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    moved = project.annotations.get(delay.id)
    assert (moved.start, moved.end) == (0.2, 5.9)
    assert pane.selected_ids() == [delay.id]  # selection survives the refreshes
    opened.undo_stack.undo()
    assert project.annotations.get(delay.id).end == 6.0

    harris_row = _row_of(pane, "Harris attacks")
    rect = pane.view.visualRect(pane.proxy.index(harris_row, COL_START))
    qtbot.mousePress(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.player.position() == pytest.approx(13.0, abs=0.05)

    pane.select_ids([delay.id, project.annotations.list(tag="Harris attacks")[0].id])
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert [a.tag for a in project.annotations.list()] == ["praise exchange"]
    opened.undo_stack.undo()  # one step for the two
    assert project.annotations.count() == 3


def test_accept_and_reject_selected_suggestions(pane: AnnotationsPanel,
                                                opened: MainWindow) -> None:
    project = opened.project
    suggestion = project.annotations.list(source="suggested")[0]
    pane.select_ids([suggestion.id])
    pane.accept_button.click()
    assert project.annotations.get(suggestion.id).source == "manual"
    assert project.annotations.get(suggestion.id).annotator == "tester"
    opened.undo_stack.undo()
    assert project.annotations.get(suggestion.id).source == "suggested"
    pane.select_ids([suggestion.id])
    pane.reject_button.click()
    assert project.annotations.list(source="suggested") == []


def test_f2_and_double_click_edit_the_note_in_place_as_one_undo_step(
        pane: AnnotationsPanel, qtbot: QtBot, opened: MainWindow) -> None:
    project = opened.project
    harris = project.annotations.list(tag="Harris attacks")[0]
    stack = opened.undo_stack
    steps = stack.count()
    index = pane.proxy.index(_row_of(pane, "Harris attacks"), COL_NOTE)
    pane.view.setCurrentIndex(index)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F2)
    editor = pane.view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "disaster"
    editor.selectAll()
    qtbot.keyClicks(editor, "calls her a disaster")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: project.annotations.get(harris.id).note == "calls her a disaster",
                    timeout=2000)
    assert stack.count() == steps + 1  # the whole note, one step (not one per key)
    stack.undo()
    assert project.annotations.get(harris.id).note == "disaster"

    # Double-click on Note or End edits that cell; on Tag (or Start) it seeks, as before.
    opened.player.seek(0.0)
    row = _row_of(pane, "Harris attacks")
    for column in (COL_NOTE, COL_END):
        rect = pane.view.visualRect(pane.proxy.index(row, column))
        qtbot.mousePress(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: pane.view.state() == pane.view.State.EditingState, timeout=2000)
        editor = pane.view.focusWidget()
        assert isinstance(editor, QLineEdit)
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert opened.player.position() == 0.0 and stack.index() == steps  # Esc: no edit
    rect = pane.view.visualRect(pane.proxy.index(row, COL_TAG))
    qtbot.mousePress(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.player.position() == pytest.approx(harris.start, abs=0.05)
