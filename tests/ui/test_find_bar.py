"""Find in the transcript: matches in order, wrapping around."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow


def test_find_goes_through_matches(qtbot: QtBot, window: MainWindow) -> None:
    window.action("find").trigger()
    bar = window.find_bar
    assert bar.isVisible()
    bar.field.setText("the")
    hits = bar.search()
    assert [h.segment_id for h in hits] == [model_id(window, i) for i in (1, 2, 3)]
    assert window.transcript_view.currentIndex().row() == 1
    bar.next()
    assert window.transcript_view.currentIndex().row() == 2
    bar.previous()
    bar.previous()
    assert window.transcript_view.currentIndex().row() == 3  # wraps around
    assert bar.count_label.text() == "3 of 3"


def model_id(window: MainWindow, row: int) -> int:
    return window.transcript_model.row(row).id
