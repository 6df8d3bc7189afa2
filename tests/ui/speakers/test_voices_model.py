"""The Voice profiles table passes Qt's model tester and shows what the library records."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from desk.core.speakers.profiles import VoiceLibrary
from desk.ui.speakers.voices_model import COL_SPEECH, VoicesModel
from tests.core.speakers.test_profiles import random_voice


def test_rows_cells_and_the_model_tester(qapp: QApplication, qtmodeltester: ModelTester,
                                         tmp_path: Path) -> None:
    library = VoiceLibrary(tmp_path / "voices.json")
    library.add(random_voice("Trump", 2, 80))
    library.add(random_voice("Musk", 1, 40))
    model = VoicesModel()
    qtmodeltester.check(model)  # empty
    model.set_voices(library.list())
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Profile", "Speech", "Saved", "From"]
    musk = [model.index(0, c).data() for c in range(4)]
    assert musk[:2] == ["Musk", "about 00:00:30"]  # 40 windows, half-overlapping 1.5 s
    assert musk[2].endswith(" UTC") and musk[2][:10] == library.voices["Musk"].updated_at[:10]
    assert model.index(1, 0).data() == "Trump"
    assert model.index(0, COL_SPEECH).data(Qt.ItemDataRole.ToolTipRole) == \
        "Made from 40 voice windows of 1.5 s"
    assert model.voice(5) is None and model.index(0, 0).flags() & Qt.ItemFlag.ItemIsSelectable
    model.set_voices([])
    assert model.rowCount() == 0
