"""Context menus on real widgets: they open on right-click and the Menu key, show each entry's
key, and their entries act (split, code, copy, play, retag, edit in place, clip, delete, zoom)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.tagging.timeline_background import LANE_H, RULER_H, WAVE_H


def entry(menu: QMenu, text: str) -> object:
    """The menu entry whose text starts with `text` (a submenu's action too)."""
    for action in menu.actions():
        if action.text().split("\t")[0].startswith(text):
            return action
    raise AssertionError(f"no entry {text!r} in {[a.text() for a in menu.actions()]}")


def keys_shown(menu: QMenu) -> dict[str, str]:
    return {a.text().split("\t")[0]: a.text().split("\t")[1]
            for a in menu.actions() if "\t" in a.text()}


def open_popup(qtbot: QtBot) -> QMenu:
    menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert menus, "no context menu opened"
    return menus[-1]


def test_right_click_and_the_menu_key_open_the_transcript_menu(
        qtbot: QtBot, transcript_window: MainWindow) -> None:
    view = transcript_window.transcript_view
    where = view.word_rect(3, 2).center()
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where)))
    menu = open_popup(qtbot)
    shown = keys_shown(menu)
    assert shown["Split here"] == "Ctrl+Shift+S" and shown["Merge with the next"] == "Ctrl+Shift+M"
    assert shown["Play this segment"] == "Ctrl+P" and shown["Edit the text"] == "F2"
    assert shown["Set speaker…"] == "Ctrl+Shift+K"
    assert shown["Copy with timestamp"] == "Ctrl+Shift+C"
    menu.close()
    # The Menu key: Qt sends a keyboard context-menu event to the focused table itself, in
    # its own coordinates (QTest's key events bypass that translation, so it is sent here as
    # the platform would). The menu is the current row's, not the one under the header offset.
    model = view.transcript_model
    view.setCurrentIndex(model.index(1, 2))
    inside = view.visualRect(view.currentIndex()).center()
    QApplication.sendEvent(view, QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, inside, view.mapToGlobal(inside)))
    menu = open_popup(qtbot)
    assert "Split here\tCtrl+Shift+S" in [a.text() for a in menu.actions()]
    code = next(a.text() for a in menu.actions() if a.text().startswith("Code"))
    assert code.startswith("Code 00:00:05.000–00:00:08.500")  # the current (second) line
    menu.close()


def test_transcript_menu_entries_act(qtbot: QtBot, transcript_window: MainWindow) -> None:
    window = transcript_window
    view, model = window.transcript_view, window.transcript_model
    menus = window.context_menus
    project = window.project
    assert project is not None
    # Split at the right-clicked word.
    menu = menus.transcript_menu(view.word_rect(3, 2).center())
    assert menu is not None
    entry(menu, "Split here").trigger()
    assert [model.row(3).text, model.row(4).text] == ["Let us", "talk about the border"]
    # Code the clicked line with a tag from the submenu.
    menu = menus.transcript_menu(view.visualRect(model.index(1, 2)).center())
    assert menu is not None
    tags = entry(menu, "Code").menu()
    keyed = [a for a in tags.actions() if "\t" in a.text()]
    assert keyed and keyed[0].text().split("\t")[1].isdigit()  # each tag shows its key
    keyed[0].trigger()
    [annotation] = project.annotations.list()
    assert (annotation.start, annotation.end) == pytest.approx((model.row(1).start,
                                                                model.row(1).end))
    # Copy with timestamps, then play the segment.
    entry(menu, "Copy with timestamp").trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied == "[00:00:05.000–00:00:08.500] Sorry for the late start"
    entry(menu, "Play this segment").trigger()
    assert window.player.playing_range() == (model.row(1).start, model.row(1).end, False)
    window.player.pause()
    # Merge with the next line, as one undo step.
    menu = menus.transcript_menu(view.visualRect(model.index(3, 2)).center())
    assert menu is not None
    entry(menu, "Merge with the next").trigger()
    assert model.row(3).text == "Let us talk about the border"
    window.undo_stack.undo()
    assert model.row(3).text == "Let us"


def test_annotation_menu_entries_act(qtbot: QtBot, transcript_window: MainWindow,
                                     tmp_path: Path) -> None:
    window = transcript_window
    controller = window.tagging.controller
    tags = controller.active_tags()
    made = controller.code_range(tags[0].name, 2.0, 3.5, note="late")
    assert made is not None and made.id is not None
    controller.flush()
    menu = window.context_menus.annotation_menu([made.id])
    assert menu is not None
    shown = keys_shown(menu)
    assert shown["Edit the note"] == "F2" and shown["Delete"] == "Del"
    assert shown["Loop"] == "Ctrl+R"
    entry(entry(menu, "Change the tag to").menu(), tags[1].name).trigger()
    assert window.project.annotations.get(made.id).tag == tags[1].name
    controller.flush()
    # Edit the note in place, in the pane.
    menu = window.context_menus.annotation_menu([made.id])
    entry(menu, "Edit the note").trigger()
    panel = window.tagging.annotations_panel
    editor = panel.view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "late"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    # Export the clip (real ffmpeg, in the background).
    window.context_menus.export_clip(controller.annotations[0], tmp_path)
    clip = tmp_path / f"{tags[1].name.casefold().replace(' ', '-')}_00-00-02.000.mp4"
    qtbot.waitUntil(clip.exists, timeout=30000)
    # Delete.
    menu = window.context_menus.annotation_menu([made.id])
    entry(menu, "Delete").trigger()
    assert window.project.annotations.count() == 0


def test_timeline_menu_codes_a_range_zooms_and_knows_the_bars(
        qtbot: QtBot, transcript_window: MainWindow) -> None:
    window = transcript_window
    canvas = window.tagging.timeline.canvas
    controller = window.tagging.controller
    y_empty = RULER_H + WAVE_H // 2
    menu = window.context_menus.timeline_menu(QPoint(int(canvas.x_of(10.0)), y_empty))
    assert keys_shown(menu)["Zoom in here"] == "Ctrl+Wheel"
    before = canvas.window_.seconds_per_pixel
    entry(menu, "Zoom in here").trigger()
    assert canvas.window_.seconds_per_pixel == pytest.approx(before / 2)
    entry(menu, "Show the whole recording").trigger()
    assert canvas.window_.is_fully_zoomed_out()
    tag = controller.active_tags()[0]
    entry(entry(menu, "Code").menu(), tag.name).trigger()
    [coded] = window.project.annotations.list()
    assert coded.start == pytest.approx(10.0, abs=2 * canvas.window_.seconds_per_pixel)
    assert coded.end - coded.start == pytest.approx(5.0)
    controller.flush()
    # Over the bar: that annotation's menu, and it is selected.
    lane = next(i for i, lane in enumerate(canvas.lanes) if lane.tag.id == coded.tag_id)
    bar = QPoint(int(canvas.x_of(12.0)), RULER_H + WAVE_H + lane * LANE_H + LANE_H // 2)
    menu = window.context_menus.timeline_menu(bar)
    assert "Edit the note" in keys_shown(menu) and controller.selected == [coded.id]
    entry(menu, "Delete").trigger()
    assert window.project.annotations.count() == 0
