"""Transcript → Voice profiles…: the library `desk voices` keeps, with Remove, Export…,
Import… on the same calls; a bad file is one message and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desk.core.speakers.profiles import VoiceLibrary, library_path
from desk.ui.main_window import MainWindow
from desk.ui.speakers.voices_dialog import VoicesDialog
from tests.core.speakers.test_profiles import random_voice


@pytest.fixture(autouse=True)
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> VoiceLibrary:
    """Two profiles in a library of this test's own."""
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    mine = VoiceLibrary()
    mine.add(random_voice("Musk", 1, 40))
    mine.add(random_voice("Trump", 2, 80))
    return mine


def _names(dialog: VoicesDialog) -> list[str]:
    return [v.name for v in dialog.model.voices]


def _open(window: MainWindow) -> VoicesDialog:
    names = [a.objectName() for a in window.menu("transcript").actions()]
    assert names.index("action_voice_profiles") == names.index("action_identify_speakers") + 1
    window.speakers.voices_action.trigger()
    dialog = window.speakers.voices_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    return dialog


def test_the_menu_opens_the_library_and_remove_asks_first(
        qtbot: QtBot, window: MainWindow, errors: list[str]) -> None:
    dialog = _open(window)
    assert _names(dialog) == ["Musk", "Trump"]
    assert not dialog.remove_button.isEnabled()
    dialog.select(["Musk"])
    dialog.remove_button.click()
    box = dialog.question
    assert box is not None and "“Musk”" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _names(dialog) == ["Musk", "Trump"]
    dialog.select(["Musk"])
    box = dialog.ask_remove()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert _names(dialog) == ["Trump"] and dialog.note.text() == "Removed: Musk"
    assert [v.name for v in VoiceLibrary().list()] == ["Trump"]  # what `desk voices` reads
    assert window.speakers.open_voices() is dialog  # one dialog, reread
    assert errors == []


def test_export_the_selection_and_import_it_elsewhere(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, errors: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _open(window)
    shared = tmp_path / "shared.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(shared), "json"))
    dialog.select(["Trump"])
    dialog.export_button.click()
    assert [v["name"] for v in json.loads(shared.read_text())["voices"]] == ["Trump"]
    assert dialog.note.text() == f"Trump exported to {shared}"
    dialog.library.remove("Trump")
    dialog.reload()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(shared), "json"))
    dialog.import_button.click()
    assert _names(dialog) == ["Musk", "Trump"] and dialog.selected() == ["Trump"]
    assert dialog.note.text() == "Imported: Trump"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert not dialog.import_()  # the file dialog cancelled: nothing happens
    assert not dialog.export(tmp_path / "missing" / "x.json")
    assert errors == [f"no such folder: {tmp_path / 'missing'}"]


@pytest.mark.parametrize("content", [
    "not json",
    json.dumps({"format": "desk-voices", "version": 1, "model": "another model",
                "voices": []}),
    "half",  # a good profile, then one without a name: neither is added
])
def test_a_bad_file_is_one_message_and_changes_nothing(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, errors: list[str],
        library: VoiceLibrary, content: str) -> None:
    bad = tmp_path / "bad.json"
    if content == "half":
        library.export(bad)
        data = json.loads(bad.read_text())
        data["voices"][0]["name"] = "Harris"
        data["voices"][1]["name"] = " "
        content = json.dumps(data)
    bad.write_text(content)
    before = library_path().read_bytes()
    dialog = _open(window)
    assert not dialog.import_(bad)
    assert len(errors) == 1 and errors[0].startswith(f"Nothing was imported: {bad} ")
    assert library_path().read_bytes() == before and _names(dialog) == ["Musk", "Trump"]
