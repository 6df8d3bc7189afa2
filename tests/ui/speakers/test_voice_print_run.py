"""Save voice…: the real voice print child (CAM++) from the Speakers pane, into the library
`desk voices` reads; a speaker who says too little is one clear message, nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.records import Segment, Word
from desk.core.speakers.profiles import VoiceLibrary
from desk.ui.main_window import MainWindow
from desk.ui.speakers.speakers_model import COL_NAME
from tests.conftest import project_with_transcript, sample_truth
from tests.ui.ui_helpers import isolated_settings, make_window


@pytest.fixture(autouse=True)
def _own_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library of this test's own (the child inherits the variable): a profile left in
    the session's would name voices in later tests."""
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "voices.json"


@pytest.fixture
def speakers_window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    sample_media: Path, errors: list[str]) -> MainWindow:
    """The sample with its true speakers, and "Brief", who only says one short "Yes"."""
    brief = Segment(0.5, 0.6, "Yes", [Word(0.5, 0.6, "Yes")], speaker="Brief")
    path = project_with_transcript(tmp_path / "voices.desk", sample_media,
                                   [brief, *sample_truth()])
    win = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    assert win.window_actions.files.open_project(path) is not None
    qtbot.waitUntil(lambda: win.speakers.panel.model.rowCount() == 3)
    return win


def _choose(window: MainWindow, name: str) -> None:
    panel = window.speakers.panel
    row = next(r for r, s in enumerate(panel.model.speakers) if s.name == name)
    panel.view.setCurrentIndex(panel.model.index(row, COL_NAME))


def test_save_voice_runs_the_child_and_the_library_holds_the_profile(
        qtbot: QtBot, speakers_window: MainWindow, errors: list[str],
        _own_library: Path) -> None:
    window = speakers_window
    panel, printer = window.speakers.panel, window.speakers.printer
    dialog = window.speakers.open_voices()  # open meanwhile: it rereads when the voice is in
    assert dialog.model.rowCount() == 0
    _choose(window, "HOST")
    assert panel.voice_button.isEnabled()
    panel.voice_button.click()
    asking = printer.name_dialog
    assert asking is not None and asking.isVisible() and asking.textValue() == "HOST"
    asking.setTextValue("  Host  ")
    with qtbot.waitSignal(printer.ended, timeout=180_000) as ended:
        asking.accept()
        assert printer.running and not panel.voice_button.isEnabled()
        assert printer.progress.isVisibleTo(window)
        assert printer.progress.label.text().startswith("Taking a voice print 00:00:00 / ")
    assert ended.args[0].kind == "finished", (ended.args[0].message, errors)
    assert errors == []
    assert not printer.progress.isVisibleTo(window) and panel.voice_button.isEnabled()
    voices = VoiceLibrary(_own_library).list()
    assert [v.name for v in voices] == ["Host"] and voices[0].windows > 10
    assert voices[0].source == "sample.mp4"
    message = window.statusBar().currentMessage()
    assert message.startswith("Voice profile “Host” saved from about 00:00:")
    assert message.endswith(" of speech.")
    assert [dialog.model.index(0, c).data() for c in (0, 3)] == ["Host", "sample.mp4"]
    assert window.undo_stack.undoText() != "Save voice"  # the project was only read


def test_too_little_speech_is_one_message_and_saves_nothing(
        qtbot: QtBot, speakers_window: MainWindow, errors: list[str],
        _own_library: Path) -> None:
    printer = speakers_window.speakers.printer
    with qtbot.waitSignal(printer.ended, timeout=180_000) as ended:
        assert printer.save("Brief")
    assert ended.args[0].kind == "failed"
    assert errors == ["The voice could not be saved: 'Brief' speaks too little for a "
                      "voice print"]
    assert not _own_library.exists()


def test_an_unknown_speaker_is_refused_before_any_child(
        speakers_window: MainWindow, errors: list[str]) -> None:
    printer = speakers_window.speakers.printer
    assert not printer.save("Nobody")
    assert not printer.running
    assert len(errors) == 1 and errors[0].startswith("The voice could not be saved: ")
    assert "Nobody" in errors[0]


def test_cancel_stops_the_child_and_says_so(qtbot: QtBot, speakers_window: MainWindow,
                                            errors: list[str], _own_library: Path) -> None:
    window = speakers_window
    printer = window.speakers.printer
    with qtbot.waitSignal(printer.ended, timeout=60_000) as ended:
        assert printer.save("GUEST", "Guest")
        printer.progress.cancel_button.click()
    assert ended.args[0].kind == "cancelled"  # at once: the child was killed unborn or young
    assert window.statusBar().currentMessage() == ("Saving the voice cancelled; no profile "
                                                   "was changed.")
    assert errors == [] and not _own_library.exists()
    assert not printer.running and not printer.progress.isVisibleTo(window)
