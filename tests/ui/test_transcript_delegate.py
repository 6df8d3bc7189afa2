"""Editing in the transcript cells: text saved at once, speakers with completion."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import COL_TEXT
from tests.ui.ui_helpers import (
    window_with_transcript,
)


def test_inline_edit_is_saved_at_once_and_survives_reopening(
        qtbot: QtBot, window: MainWindow, project_path: Path) -> None:
    view, model = window.transcript_view, window.transcript_model
    index = model.index(2, COL_TEXT)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.delegate.active_editor
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "There was a DDoS attack")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert model.row(2).text == "There was a DDoS attack"
    with Project.open(project_path, writable=False) as other:  # on disk already
        assert other.transcripts.segment(model.row(2).id).text == "There was a DDoS attack"
    window.close_project()
    window.window_actions.files.open_project(project_path)
    assert window.transcript_model.row(2).text == "There was a DDoS attack"
    assert window.transcript_model.row(2).edited


def test_speaker_cell_edits_with_completion(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_with_transcript(qtbot, tmp_path, monkeypatch, tmp_project,
                                    ["Hello everyone", "Thank you Elon"])
    view, model = window.transcript_view, window.transcript_model
    model.setData(model.index(0, 1), "Elon Musk")
    index = model.index(1, 1)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.viewport().findChild(QLineEdit)
    assert editor.completer().model().data(editor.completer().model().index(0, 0)) == "Elon Musk"
    editor.setText("Donald Trump")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: model.row(1).speaker == "Donald Trump", timeout=2000)
    assert window.project.edits.speakers() == ["Donald Trump", "Elon Musk"]
