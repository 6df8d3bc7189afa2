"""The Speakers pane edits through the same core calls as `desk speaker`, one undo step each."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.speakers.speakers_model import COL_COLOUR, COL_NAME
from desk.ui.speakers.speakers_panel import SpeakersPanel


def _panel(window: MainWindow) -> SpeakersPanel:
    return window.speakers.panel


def _names(window: MainWindow) -> list[str]:
    return [s.name for s in _panel(window).model.speakers]


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.speakers._timer.isActive(), timeout=2000)


def test_rename_in_place_is_one_undoable_step(qtbot: QtBot, window: MainWindow) -> None:
    panel = _panel(window)
    start = window.undo_stack.count()  # the history's steps so far
    view = panel.view
    index = panel.model.index(0, COL_NAME)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Donald Trump")
    view.commitData(editor)
    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    qtbot.waitUntil(lambda: _names(window) == ["Donald Trump", "Elon Musk"], timeout=2000)
    assert window.undo_stack.count() - start == 1
    assert window.transcript_model.row(0).speaker == "Donald Trump"  # the transcript follows
    _undo(qtbot, window)
    assert _names(window) == ["Speaker 1", "Elon Musk"]
    assert window.transcript_model.row(0).speaker == "Speaker 1"


def test_a_name_in_use_is_refused_with_one_message(qtbot: QtBot, window: MainWindow,
                                                   errors: list[str]) -> None:
    panel = _panel(window)
    start = window.undo_stack.count()  # the history's steps so far
    assert not panel.model.setData(panel.model.index(0, COL_NAME), "Elon Musk")
    assert errors == ["there is already a speaker named 'Elon Musk'; merge the two instead"]
    assert window.undo_stack.count() - start == 0


def test_merge_two_selected_speakers_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    panel = _panel(window)
    start = window.undo_stack.count()  # the history's steps so far
    ids = [s.id or 0 for s in panel.model.speakers]
    assert not panel.merge_button.isEnabled()
    panel.select(ids)
    assert panel.merge_button.isEnabled()
    menu = panel.show_merge_menu()
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Merge “Elon Musk” into “Speaker 1”", "Merge “Speaker 1” into “Elon Musk”"]
    menu.actions()[1].trigger()
    menu.close()
    qtbot.waitUntil(lambda: _names(window) == ["Elon Musk"], timeout=2000)
    assert {r.speaker for r in (window.transcript_model.row(i) for i in range(4))} == {
        "Elon Musk"}
    assert window.undo_stack.count() - start == 1
    _undo(qtbot, window)
    assert _names(window) == ["Speaker 1", "Elon Musk"]


def test_colour_from_the_picker(qtbot: QtBot, window: MainWindow) -> None:
    panel = _panel(window)
    panel.view.setCurrentIndex(panel.model.index(1, COL_COLOUR))
    dialog = panel.choose_colour()
    assert dialog is not None and dialog.isVisible()
    dialog.setCurrentColor(QColor("#112233"))
    dialog.accept()
    qtbot.waitUntil(lambda: panel.model.speakers[1].colour == "#112233", timeout=2000)
    assert window.project is not None
    assert window.project.speakers.get("Elon Musk").colour == "#112233"
    _undo(qtbot, window)
    assert panel.model.speakers[1].colour != "#112233"


def test_confirm_and_reject_a_voice_match(qtbot: QtBot, window: MainWindow) -> None:
    panel = _panel(window)
    start = window.undo_stack.count()  # the history's steps so far
    panel.view.setCurrentIndex(panel.model.index(0, COL_NAME))
    assert not panel.confirm_button.isEnabled()  # Speaker 1 was not matched
    panel.view.setCurrentIndex(panel.model.index(1, COL_NAME))
    assert panel.confirm_button.isEnabled() and panel.reject_button.isEnabled()
    panel.confirm_button.click()
    qtbot.waitUntil(lambda: panel.model.speakers[1].match_status == "confirmed", timeout=2000)
    assert not panel.confirm_button.isEnabled()
    panel.reject_button.click()
    qtbot.waitUntil(lambda: _names(window) == ["Speaker 1", "Speaker 2"], timeout=2000)
    assert window.transcript_model.row(1).speaker == "Speaker 2"
    assert window.undo_stack.count() - start == 2
    _undo(qtbot, window)
    assert _names(window) == ["Speaker 1", "Elon Musk"]


def test_give_the_transcript_selection_to_a_new_speaker(qtbot: QtBot, window: MainWindow,
                                                        errors: list[str]) -> None:
    panel = _panel(window)
    start = window.undo_stack.count()  # the history's steps so far
    menu = panel.show_give_menu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "To “Speaker 1”", "To “Elon Musk”", "To a new speaker"]
    menu.actions()[-1].trigger()  # nothing selected in the transcript yet
    menu.close()
    assert errors == ["Select the words in the transcript first."]
    view = window.transcript_view
    view.selectionModel().select(window.transcript_model.index(2, 0),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect
                                 | QItemSelectionModel.SelectionFlag.Rows)
    assert panel.give_selection(None)
    qtbot.waitUntil(lambda: _names(window) == ["Speaker 1", "Elon Musk", "Speaker 3"],
                    timeout=2000)
    assert window.transcript_model.row(2).speaker == "Speaker 3"
    assert window.undo_stack.count() - start == 1


def test_a_read_only_project_offers_no_edit(qtbot: QtBot, window: MainWindow) -> None:
    panel = _panel(window)
    assert window.project is not None
    path = window.project.path
    window.close_project()
    assert panel.model.rowCount() == 0 and panel.hint.isVisibleTo(panel)
    window.projects.open(Project.open(path, writable=False))
    assert panel.model.rowCount() == 2 and not panel.model.writable
    panel.select([s.id or 0 for s in panel.model.speakers])
    assert not any(b.isEnabled() for b in (panel.merge_button, panel.colour_button,
                                           panel.confirm_button, panel.give_button))
    assert not panel.model.flags(panel.model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsEditable


def test_a_right_click_offers_save_voice_for_that_speaker(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    panel = _panel(window)
    rect = panel.view.visualRect(panel.model.index(1, COL_NAME))
    menu = panel.show_context_menu(rect.center())
    assert menu is not None and panel.current() is not None
    assert panel.current().name == "Elon Musk"  # type: ignore[union-attr]
    texts = {a.text(): a.isEnabled() for a in menu.actions()}
    assert texts == {"Save voice…": True, "Colour…": True, "Confirm": True, "Reject": True,
                     "Merge…": False}
    with qtbot.waitSignal(panel.voice_wanted) as wanted:
        next(a for a in menu.actions() if a.text() == "Save voice…").trigger()
    assert wanted.args == ["Elon Musk"]
    asking = window.speakers.printer.name_dialog  # SpeakersUi asks the profile's name
    assert asking is not None and asking.textValue() == "Elon Musk"
    asking.reject()
    menu.close()
    assert panel.show_context_menu(panel.view.viewport().rect().bottomRight()) is None
