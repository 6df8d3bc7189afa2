"""Settings, keyboard and layout: typed QSettings, configurable shortcuts, restored docks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui import shortcuts
from desk.ui.dialogs import SegmentTimesDialog, show_shortcuts_sheet
from desk.ui.main_window import MainWindow
from desk.ui.settings import Settings
from desk.ui.settings_dialog import SettingsDialog
from tests.ui.ui_helpers import (
    isolated_settings,
    make_window,
    window_with_transcript,
)


def test_settings_are_typed_persistent_and_versioned(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESK_ANNOTATOR")
    path = tmp_path / "desk.ini"
    settings = Settings(path)
    assert settings.annotator == ""  # first run: the app will ask
    settings.annotator = "  Anna Müller "
    settings.skip_seconds = 120  # clamped to a sane range
    settings.theme = "neon"  # unknown: falls back
    settings.add_recent(tmp_path / "a.desk")
    settings.add_recent(tmp_path / "b.desk")
    settings.add_recent(tmp_path / "a.desk")
    again = Settings(path)
    assert again.annotator == "Anna Müller"
    assert again.skip_seconds == 60.0 and again.theme == "system"
    assert again.recent_projects == [str(tmp_path / "a.desk"), str(tmp_path / "b.desk")]
    assert again.store.value("version") in (2, "2")
    monkeypatch.setenv("DESK_ANNOTATOR", "preset")
    assert Settings(tmp_path / "other.ini").annotator == "preset"  # tests and shared installs


def test_an_older_settings_file_is_upgraded_and_kept_aside(tmp_path: Path) -> None:
    """Version 1 kept the tagging pane's options under tagging/ (now coding/) and a beam size."""
    path = tmp_path / "desk.ini"
    old = ("[General]\nversion=1\nannotator=Bea\n\n[tagging]\nsnap_to_words=true\n"
           "min_silence=7.5\n\n[playback]\nvolume=35\n\n[transcribe]\nbeam_size=1\n")
    path.write_text(old, encoding="utf-8")
    settings = Settings(path)
    assert (settings.snap_to_words, settings.min_silence) == (True, 7.5)
    assert (settings.annotator, settings.volume) == ("Bea", 35)
    assert settings.decoding == "faster"  # a beam of 1 was the faster choice
    assert not settings.store.contains("transcribe/beam_size")
    assert not settings.store.contains("tagging/snap_to_words")
    assert (tmp_path / "desk.ini.v1-backup").read_text(encoding="utf-8") == old
    assert Settings(path).snap_to_words  # upgraded once, read again as it is


def test_a_newer_settings_file_is_read_but_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "desk.ini"
    newer = "[General]\nversion=99\n\n[playback]\nvolume=abc\nskip_seconds=2.5\n"
    path.write_text(newer, encoding="utf-8")
    settings = Settings(path)
    assert (settings.volume, settings.skip_seconds) == (80, 2.5)  # malformed: the default
    assert path.read_text(encoding="utf-8") == newer


def test_shortcuts_can_be_rebound(qtbot: QtBot, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    window = make_window(qtbot, settings)
    assert window.action("play_pause").shortcut() == QKeySequence("Ctrl+Space")
    assert window.action("play_pause").shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.key_edits["play_pause"].setKeySequence(QKeySequence("F5"))
    dialog.skip.setValue(10.0)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.window_actions.apply_shortcuts()
    assert window.action("play_pause").shortcut() == QKeySequence("F5")
    assert settings.skip_seconds == 10.0
    assert "F5" in shortcuts.sheet_html(settings)
    # The same keys twice are refused with a note.
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.key_edits["mute"].setKeySequence(QKeySequence("F5"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "F5" in dialog.conflict_label.text()
    assert not [s for s in shortcuts.SHORTCUTS if s.default in list("123456789")]  # for coding


def test_keyboard_drives_playback(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_with_transcript(qtbot, tmp_path, monkeypatch, tmp_project,
                                    ["Hello everyone and welcome", "Sorry for the late start"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.transcript_view.setFocus()
    window.player.seek(10.0)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.player.position() == pytest.approx(15.0, abs=0.05)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert window.player.position() == pytest.approx(5.0, abs=0.05)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.player.rate() == pytest.approx(1.2)
    assert window.transport_bar.speed.value() == pytest.approx(1.2)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.player.rate() == pytest.approx(1.1)
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert window.player.is_playing()
    qtbot.keyClick(window.transcript_view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not window.player.is_playing()
    sheet = show_shortcuts_sheet(window, window.settings)
    qtbot.addWidget(sheet)
    assert sheet.isVisible()


def test_dock_layout_is_restored_between_runs(qtbot: QtBot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    first = make_window(qtbot, settings)
    extra = first.add_dock("Notes", QLabel("notes"), Qt.DockWidgetArea.LeftDockWidgetArea,
                           "notesDock")
    first.removeDockWidget(first.transcript_dock)
    first.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, first.transcript_dock)
    extra.hide()
    first.close()
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    notes = second.add_dock("Notes", QLabel("notes"), Qt.DockWidgetArea.LeftDockWidgetArea,
                            "notesDock")  # a dock added later (a plugin) is restored too
    second.show()
    qtbot.waitExposed(second)
    assert second.dockWidgetArea(second.transcript_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert not notes.isVisible()


def test_segment_times_dialog(qtbot: QtBot) -> None:
    dialog = SegmentTimesDialog(12.5, 15.0, playhead=14.25)
    qtbot.addWidget(dialog)
    dialog.end_field.setText("00:00:10")
    dialog._check()
    assert "end must come after" in dialog.error_label.text()
    dialog.end_field.setText("00:00:16.5")
    dialog._check()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.times() == (12.5, 16.5)


def test_speakers_assign_and_rename(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window = window_with_transcript(qtbot, tmp_path, monkeypatch, tmp_project,
                                    ["Hello everyone", "Thank you Elon", "Amazing job"])
    view, model = window.transcript_view, window.transcript_model
    view.selectRow(0)
    view.selectionModel().select(model.index(2, 0), view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    window.window_actions.editing.assign_speaker("SPEAKER_1")
    assert [model.row(i).speaker for i in range(3)] == ["SPEAKER_1", None, "SPEAKER_1"]
    window.window_actions.editing.rename_speaker("SPEAKER_1", "Donald Trump")
    assert model.row(2).speaker == "Donald Trump"
    window.undo_stack.undo()
    assert model.row(2).speaker == "SPEAKER_1"


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
