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


def test_the_speaker_filter_is_the_core_search_by_speaker(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    bar, project = window.find_bar, window.project
    assert project is not None
    assert not bar.speaker_filter.isVisibleTo(bar)  # no speakers yet: no filter
    ids = [model_id(window, 1), model_id(window, 3)]
    window.undo.run("Assign", lambda: project.speaker_edits.assign(ids, "Elon Musk"))
    qtbot.waitUntil(lambda: bar.speaker_filter.count() == 2, timeout=2000)
    window.action("find").trigger()
    assert bar.speaker_filter.isVisible() and bar.speaker_filter.currentText() == "Any speaker"
    bar.field.setText("the")
    assert len(bar.search()) == 3
    bar.speaker_filter.setCurrentIndex(1)
    hits = bar.search()
    assert [h.segment_id for h in hits] == ids == [
        h.segment_id for h in project.transcripts.search("the", speaker="Elon Musk")]
    assert bar.count_label.text() == "1 of 2"
    assert window.transcript_view.delegate.find_only == set(ids)  # only his lines marked
    window.undo.run("Rename", lambda: project.speaker_edits.rename("Elon Musk", "Musk"))
    qtbot.waitUntil(lambda: bar.speaker_filter.currentText() == "Musk", timeout=2000)
    assert len(bar.search()) == 2  # still only his, under his new name
    window.undo_stack.undo()
    window.undo_stack.undo()  # the speaker is gone: the search covers everyone again
    qtbot.waitUntil(lambda: bar.speaker_filter.count() == 1, timeout=2000)
    assert bar.speaker() is None
    assert len(bar.search()) == 3
