"""The transcription dialog: offline models, options, remembered choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.transcription_dialog import DOWNLOAD, TranscriptionDialog
from tests.ui.ui_helpers import (
    isolated_settings,
)


def test_dialog_offers_offline_models_and_returns_options(qtbot: QtBot, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    dialog = TranscriptionDialog(settings, resumable=True)
    qtbot.addWidget(dialog)
    models = [dialog.model.itemData(i) for i in range(dialog.model.count())]
    assert "tiny.en" in models and models[-1] == DOWNLOAD
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.prompt.setPlainText("Elon Musk, Kamala Harris")
    assert dialog.options().decoding == "accurate"  # unless the analyst asks for speed
    dialog.decoding.setCurrentIndex(dialog.decoding.findData("faster"))
    dialog.remember.setChecked(True)
    options = dialog.options()
    assert options.model == "tiny.en" and options.language == "de"
    assert options.prompt == "Elon Musk, Kamala Harris" and options.resume
    assert options.decoding == "faster"
    assert settings.language == "de" and settings.decoding == "faster"
    again = TranscriptionDialog(settings)
    qtbot.addWidget(again)
    assert again.decoding.currentData() == "faster"


def test_dialog_says_a_new_version_is_made_and_the_current_kept(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    first = TranscriptionDialog(settings)  # a project without a transcript: nothing to keep
    qtbot.addWidget(first)
    assert first.version_note.isHidden()
    again = TranscriptionDialog(settings, current="corrected by anna")
    qtbot.addWidget(again)
    assert not again.version_note.isHidden()
    assert "new transcript version" in again.version_note.text()
    assert "corrected by anna, is kept" in again.version_note.text()


def test_english_only_models_grey_out_other_languages_and_refuse_german(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QStandardItemModel

    settings = isolated_settings(tmp_path, monkeypatch)
    settings.model, settings.language = "tiny.en", "de"  # remembered from another project
    dialog = TranscriptionDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.currentData() == "tiny.en" and dialog.english_only()
    items = dialog.language.model()
    assert isinstance(items, QStandardItemModel)
    enabled = {dialog.language.itemData(r): items.item(r).isEnabled()
               for r in range(dialog.language.count())}
    assert enabled[""] and enabled["en"] and not enabled["de"] and not enabled["fr"]
    # German stays chosen, so the dialog refuses before anything starts, and says why.
    assert dialog.refused() and not dialog.start_button.isEnabled()
    assert "tiny.en only knows English" in dialog.language_hint.text()
    assert "multilingual model" in dialog.language_hint.text()
    assert dialog.language_hint.isVisible()
    finished: list[int] = []
    dialog.finished.connect(finished.append)
    dialog.accept()
    assert finished == [] and dialog.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.refused() and dialog.start_button.isEnabled()
    assert "only knows English" in dialog.language_hint.text()  # still a hint, not an error
    dialog.accept()
    assert finished == [1]


def test_the_refusal_is_translated(qtbot: QtBot, tmp_path: Path, german: None,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    settings.model, settings.language = "tiny.en", "de"
    dialog = TranscriptionDialog(settings)
    qtbot.addWidget(dialog)
    assert "nur Englisch" in dialog.language_hint.text()
    assert dialog.windowTitle() == "Transkribieren"


def test_speakers_can_be_asked_for_with_the_transcription(qtbot: QtBot, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.pipeline.job_messages import SpeakerJobOptions

    dialog = TranscriptionDialog(isolated_settings(tmp_path, monkeypatch))
    qtbot.addWidget(dialog)
    assert dialog.speaker_request() is None  # by default: no
    dialog.speakers.setCurrentIndex(dialog.speakers.findData(None))
    assert dialog.speaker_request() == SpeakerJobOptions(speakers=None)
    dialog.speakers.setCurrentIndex(dialog.speakers.findData(2))
    assert dialog.speaker_request() == SpeakerJobOptions(speakers=2)
    assert dialog.speakers.currentText() == "Yes, 2 speakers"
