"""The tag buttons: code the selection, or record live while playing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.tagging.codebook_panel import CodebookPanel
from tests.ui.tagging.conftest import tagging


def _panel(window: MainWindow) -> CodebookPanel:
    return tagging(window).codebook_panel


def test_clicking_a_tag_button_while_playing_records_live(qtbot: QtBot,
                                                          opened: MainWindow) -> None:
    panel = _panel(opened)
    button = panel.tag_palette.buttons[opened.project.tags.get("DDoS claim").id]
    opened.player.play()
    qtbot.waitUntil(lambda: opened.player.position() > 0.5, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked() and "●" in button.text()
    opened_at = opened.player.position()
    # Wait on the playhead, not the clock: a loaded machine plays late.
    qtbot.waitUntil(lambda: opened.player.position() > opened_at + 0.6, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    opened.player.pause()
    assert not button.isChecked()
    [made] = opened.project.annotations.list()
    assert made.tag == "DDoS claim" and made.end - made.start > 0.4


def test_clicking_a_tag_button_codes_the_selected_segments(qtbot: QtBot,
                                                          opened: MainWindow) -> None:
    ui = tagging(opened)
    opened.transcript_view.selectRow(0)
    button = ui.codebook_panel.tag_palette.buttons[opened.project.tags.get("delay").id]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [annotation] = opened.project.annotations.list()
    assert (annotation.tag, annotation.start, annotation.end) == ("delay", 1.0, 4.5)
    assert not button.isChecked()  # selection coding does not record live
