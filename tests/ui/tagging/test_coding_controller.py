"""Selection coding: words or segments selected in the transcript, then a key or a tag button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.core.coding.line_labels import labels
from desk.ui.main_window import MainWindow
from tests.ui.tagging.conftest import tagging


def _select_words(qtbot: QtBot, window: MainWindow, first: tuple[int, int],
                  last: tuple[int, int]) -> None:
    view = window.transcript_view
    for (row, word), modifier in ((first, Qt.KeyboardModifier.NoModifier),
                                  (last, Qt.KeyboardModifier.ShiftModifier)):
        rect = view.word_rect(row, word)
        assert not rect.isEmpty()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_key_codes_exactly_the_selected_words(qtbot: QtBot, opened: MainWindow) -> None:
    project = opened.project
    assert project is not None
    _select_words(qtbot, opened, (2, 1), (3, 1))  # "was ... attack Kamala Harris"
    segments = project.transcripts.segments()
    expected = (segments[2].words[1].start, segments[3].words[1].end)
    assert opened.transcript_view.selected_time_range() == expected
    qtbot.keyClick(opened.transcript_view, Qt.Key.Key_4)
    [annotation] = project.annotations.list()
    assert (annotation.start, annotation.end) == expected
    assert annotation.tag == "Harris attacks" and annotation.annotator == "tester"
    # The stripe follows the one labelling rule (refreshed on the next event loop turn): the
    # code covers most of line 2 but only two words of line 3, which it does not label.
    model = opened.transcript_model
    assert labels(segments[2].start, segments[2].end, *expected)
    assert not labels(segments[3].start, segments[3].end, *expected)
    qtbot.waitUntil(lambda: "#d62728" in model.row(2).tag_colours, timeout=2000)
    assert model.row(3).tag_colours == []
    assert model.row(1).tag_colours == []
    opened.undo_stack.undo()
    assert project.annotations.count() == 0
    qtbot.waitUntil(lambda: model.row(2).tag_colours == [], timeout=2000)
    opened.undo_stack.redo()
    assert [(a.start, a.end) for a in project.annotations.list()] == [expected]
    # The key pressed again on the same words: no second, identical code, and the analyst
    # is told why in the status bar, not by a dialog (the undo stack gains nothing to undo).
    notes: list[str] = []
    errors: list[str] = []
    tagging(opened).controller.message.connect(notes.append)
    tagging(opened).controller.error.connect(errors.append)
    steps = opened.undo_stack.count()
    qtbot.keyClick(opened.transcript_view, Qt.Key.Key_4)
    assert project.annotations.count() == 1 and opened.undo_stack.count() == steps
    assert errors == [] and len(notes) == 1 and "is already coded by tester" in notes[0]


def test_digits_type_text_while_editing(qtbot: QtBot, opened: MainWindow) -> None:
    view = opened.transcript_view
    index = opened.transcript_model.index(0, 2)
    view.setCurrentIndex(index)
    view.edit(index)
    qtbot.waitUntil(lambda: view.is_editing(), timeout=2000)
    editor = view.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_1)
    assert opened.project.annotations.count() == 0
    assert not tagging(opened).controller.live.open_ranges()


def test_while_playing_only_a_fresh_selection_counts(qtbot: QtBot, opened: MainWindow) -> None:
    """A line clicked to seek before playing, or one just coded, leaves the keys to live coding."""
    ui = tagging(opened)
    project = opened.project
    view = opened.transcript_view
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_4)
    qtbot.keyClick(view, Qt.Key.Key_3)  # paused: the same selection takes a second tag
    assert [(a.tag, a.start) for a in project.annotations.list()] == [
        ("Harris attacks", 1.0), ("praise exchange", 1.0)]
    opened.player.play()
    qtbot.waitUntil(lambda: opened.player.position() > 0.3, timeout=10_000)
    qtbot.keyClick(view, Qt.Key.Key_1)  # the selection predates playback: live coding
    assert ui.codebook_panel.tag_palette.is_recording("delay")
    view.selectRow(2)  # selected while playing: this one counts, once
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert project.annotations.list(tag="migration remarks")[0].start == 9.0
    qtbot.keyClick(view, Qt.Key.Key_5)  # just coded: now the key opens a live range
    assert ui.codebook_panel.tag_palette.is_recording("migration remarks")
    ui.controller.cancel_live()
    opened.player.pause()
